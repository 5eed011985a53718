package dev.mirror.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.dialect.TargetDialectProvider;
import dev.mirror.testkit.hook.MapPluginConfig;
import java.util.Map;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PostgresDialectProviderTest {
    @Test
    void isFoundThroughServiceLoader() {
        List<TargetDialectProvider> found = ServiceLoader.load(TargetDialectProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("postgresql")).toList();
        assertThat(found).hasSize(1);
        TargetDialectProvider p = found.get(0);
        assertThat(p).isInstanceOf(PostgresDialectProvider.class);
        assertThat(p.accepts("jdbc:postgresql://127.0.0.1:5432/test")).isTrue();
        assertThat(p.accepts("jdbc:postgresql:test")).isTrue();
        assertThat(p.accepts("jdbc:sqlserver://x")).isFalse();
        assertThat(p.accepts("jdbc:h2:mem:x")).isFalse();
        assertThat(p.accepts(null)).isFalse();
        assertThat(p.defaultJdbcUrl()).isEmpty();
    }

    @Test
    void createReadsItsKeysAndRecordsProblems() {
        MapPluginConfig ok = new MapPluginConfig("target", Map.of("copyChunkKiB", 64, "applicationName", "nightly"));
        TargetDialect d = new PostgresDialectProvider().create(ok.context());
        assertThat(d.name()).isEqualTo("postgresql");
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.unknownKeys()).isEmpty();
        MapPluginConfig bad = new MapPluginConfig("target", Map.of("copyChunkKiB", 1));
        assertThat(new PostgresDialectProvider().create(bad.context())).isNotNull();
        assertThat(bad.problems()).singleElement().asString().contains("copyChunkKiB").contains("4 and 65536");
    }

    @Test
    void copyFormatIsBinaryByDefaultTextOnRequestAndValidated() {
        MapPluginConfig none = new MapPluginConfig("target", Map.of());
        assertThat(((PostgresDialect) new PostgresDialectProvider().create(none.context())).copyFormat()).isEqualTo(CopyFormat.BINARY);
        MapPluginConfig text = new MapPluginConfig("target", Map.of("copyFormat", " Text "));
        assertThat(((PostgresDialect) new PostgresDialectProvider().create(text.context())).copyFormat()).isEqualTo(CopyFormat.TEXT);
        assertThat(text.problems()).isEmpty();
        MapPluginConfig bad = new MapPluginConfig("target", Map.of("copyFormat", "csv"));
        assertThat(((PostgresDialect) new PostgresDialectProvider().create(bad.context())).copyFormat()).isEqualTo(CopyFormat.BINARY);
        assertThat(bad.problems()).singleElement().asString().contains("copyFormat").contains("text or binary").contains("'csv'");
    }
}
