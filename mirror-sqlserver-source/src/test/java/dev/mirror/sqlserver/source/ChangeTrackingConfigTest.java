package dev.mirror.sqlserver.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.testkit.hook.MapPluginConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeTrackingConfigTest {
    @Test
    void defaultsAndSecretMasking() {
        MapPluginConfig raw = new MapPluginConfig("source", Map.of("url", "jdbc:sqlserver://db;databaseName=crm",
                "user", "mirror", "password", "s3cret!"));
        ChangeTrackingConfig c = ChangeTrackingConfig.from(raw);
        assertThat(raw.problems()).isEmpty();
        assertThat(c.schema()).isEqualTo("dbo");
        assertThat(c.batchSize()).isEqualTo(10_000);
        assertThat(c.enableChangeTracking()).isFalse();
        assertThat(c.retentionDays()).isEqualTo(7);
        assertThat(c.password()).isEqualTo("s3cret!");
        assertThat(c.toString()).doesNotContain("s3cret!").contains("password=****");
    }

    @Test
    void everyProblemIsRecorded() {
        MapPluginConfig raw = new MapPluginConfig("source", Map.of("url", "jdbc:postgresql://x", "batchSize", 0,
                "retentionDays", -2, "schema", " "));
        ChangeTrackingConfig.from(raw);
        assertThat(String.join("\n", raw.problems())).contains("url").contains("batchSize").contains("retentionDays")
                .contains("schema");
    }
}
