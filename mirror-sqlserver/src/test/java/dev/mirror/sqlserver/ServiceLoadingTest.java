package dev.mirror.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.source.PullSourceProvider;
import dev.mirror.api.dialect.TargetDialectProvider;
import dev.mirror.sqlserver.dialect.BulkSettings;
import dev.mirror.sqlserver.dialect.SqlServerDialect;
import dev.mirror.testkit.hook.MapPluginConfig;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceLoadingTest {
    @Test
    void dialectIsFoundByNameAndUrl() {
        TargetDialectProvider p = ServiceLoader.load(TargetDialectProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(x -> x.name().equals("sqlserver")).findFirst().orElseThrow();
        assertThat(p.accepts("jdbc:sqlserver://localhost:1433;databaseName=mirror")).isTrue();
        assertThat(p.accepts("jdbc:postgresql://localhost/test")).isFalse();
        MapPluginConfig cfg = new MapPluginConfig("target", Map.of("bulkBatchSize", 2000, "bulkTimeoutSeconds", 0));
        SqlServerDialect d = (SqlServerDialect) p.create(cfg.context());
        assertThat(d.bulkSettings()).isEqualTo(new BulkSettings(2000, 0));
        MapPluginConfig bad = new MapPluginConfig("target", Map.of("bulkBatchSize", -1));
        assertThat(((SqlServerDialect) p.create(bad.context())).bulkSettings().batchSize()).isEqualTo(BulkSettings.DEFAULT_BATCH_SIZE);
        assertThat(bad.problems()).anySatisfy(s -> assertThat(s).contains("bulkBatchSize"));
    }

    @Test
    void changeTrackingSourceIsFoundByName() {
        assertThat(ServiceLoader.load(PullSourceProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(PullSourceProvider::name)).contains("sqlserver");
    }
}
