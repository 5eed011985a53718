package dev.mirror.sqlserver.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.dialect.TargetDialectProvider;
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
    void theDialectModuleOffersNoSource() {
        // the Change Tracking source lives in mirror-sqlserver-source, so a distribution can hold the target alone
        assertThat(ServiceLoader.load(dev.mirror.api.source.PullSourceProvider.class).stream()).isEmpty();
    }
}
