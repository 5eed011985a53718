package dev.mirror.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.dialect.TargetDialectProvider;
import dev.mirror.testkit.hook.MapPluginConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        MapPluginConfig ok = new MapPluginConfig("target", Map.of());
        TargetDialect d = new H2DialectProvider().create(ok.context());
        assertThat(d.name()).isEqualTo("h2");
        assertThat(ok.problems()).isEmpty();
        MapPluginConfig bad = new MapPluginConfig("target", Map.of("batchSize", 0, "stageSize", -5, "lockTimeoutMillis", -1));
        assertThat(new H2DialectProvider().create(bad.context())).isNotNull();
        assertThat(bad.problems()).hasSize(3).anySatisfy(m -> assertThat(m).startsWith("target.batchSize:"))
                .anySatisfy(m -> assertThat(m).startsWith("target.stageSize:"))
                .anySatisfy(m -> assertThat(m).startsWith("target.lockTimeoutMillis:"));
    }
}
