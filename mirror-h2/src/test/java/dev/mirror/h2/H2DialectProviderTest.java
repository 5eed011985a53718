package dev.mirror.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.dialect.TargetDialectProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class H2DialectProviderTest {

    @Test
    void foundThroughServiceLoader() {
        List<TargetDialectProvider> found = new ArrayList<>();
        ServiceLoader.load(TargetDialectProvider.class).forEach(found::add);
        assertThat(found).filteredOn(p -> p.name().equals("h2")).singleElement().isInstanceOf(H2DialectProvider.class);
    }

    @Test
    void acceptsH2UrlsAndHasAnEmbeddedDefault() {
        H2DialectProvider p = new H2DialectProvider();
        assertThat(p.accepts("jdbc:h2:file:./mirror-data/mirror")).isTrue();
        assertThat(p.accepts("jdbc:h2:mem:x")).isTrue();
        assertThat(p.accepts("JDBC:H2:tcp://localhost/x")).isTrue();
        assertThat(p.accepts("jdbc:postgresql://localhost/test")).isFalse();
        assertThat(p.accepts(null)).isFalse();
        assertThat(p.defaultJdbcUrl()).contains("jdbc:h2:file:./mirror-data/mirror");
    }

    @Test
    void createsWithDefaultsAndReportsBadValues() {
        MapConfig ok = new MapConfig(Map.of());
        TargetDialect d = new H2DialectProvider().create(ok);
        assertThat(d.name()).isEqualTo("h2");
        assertThat(ok.problems).isEmpty();
        MapConfig bad = new MapConfig(Map.of("batchSize", 0, "stageSize", -5, "lockTimeoutMillis", -1));
        assertThat(new H2DialectProvider().create(bad)).isNotNull();
        assertThat(bad.problems).containsOnlyKeys("batchSize", "stageSize", "lockTimeoutMillis");
    }

    /** A minimal PluginConfig over a map of integers. */
    private static final class MapConfig implements PluginConfig {
        private final Map<String, Object> values;
        final Map<String, String> problems = new HashMap<>();

        MapConfig(Map<String, Object> values) {
            this.values = values;
        }

        @Override public String path() { return "target"; }
        @Override public Optional<String> string(String key) { return Optional.ofNullable(values.get(key)).map(Object::toString); }
        @Override public String string(String key, String defaultValue) { return string(key).orElse(defaultValue); }
        @Override public String requiredString(String key) { return string(key).orElse(""); }
        @Override public Optional<String> secret(String key) { return string(key); }
        @Override public int integer(String key, int defaultValue) { return values.containsKey(key) ? (Integer) values.get(key) : defaultValue; }
        @Override public long longValue(String key, long defaultValue) { return integer(key, (int) defaultValue); }
        @Override public boolean bool(String key, boolean defaultValue) { return defaultValue; }
        @Override public List<String> strings(String key) { return List.of(); }
        @Override public Optional<PluginConfig> child(String key) { return Optional.empty(); }
        @Override public List<PluginConfig> children(String key) { return List.of(); }
        @Override public Map<String, Object> raw() { return values; }
        @Override public void problem(String key, String message) { problems.put(key, message); }
    }
}
