package dev.mirror.sqlserver.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeTrackingEnablerTest {
    @Test
    void enablesOnlyWhatIsMissing() {
        ChangeTrackingEnabler e = new ChangeTrackingEnabler("dbo", 7);
        assertThat(e.statements(new ChangeTrackingEnabler.State(false, false, List.of("contact", "o]dd 'name'"))))
                .containsExactly(
                        "ALTER DATABASE CURRENT SET ALLOW_SNAPSHOT_ISOLATION ON",
                        "ALTER DATABASE CURRENT SET CHANGE_TRACKING = ON (CHANGE_RETENTION = 7 DAYS, AUTO_CLEANUP = ON)",
                        "ALTER TABLE [dbo].[contact] ENABLE CHANGE_TRACKING",
                        "ALTER TABLE [dbo].\"o]dd 'name'\" ENABLE CHANGE_TRACKING");
        assertThat(e.statements(new ChangeTrackingEnabler.State(true, true, List.of()))).isEmpty();
        assertThat(new ChangeTrackingEnabler("crm7", 2).statements(new ChangeTrackingEnabler.State(true, true, List.of("x"))))
                .containsExactly("ALTER TABLE [crm7].[x] ENABLE CHANGE_TRACKING");
    }

    @Test
    void stateQueries() {
        assertThat(ChangeTrackingEnabler.DATABASE_TRACKED)
                .isEqualTo("SELECT COUNT(*) FROM sys.change_tracking_databases WHERE database_id = DB_ID()");
        assertThat(ChangeTrackingEnabler.SNAPSHOT_ALLOWED)
                .isEqualTo("SELECT snapshot_isolation_state FROM sys.databases WHERE database_id = DB_ID()");
        assertThat(ChangeTrackingEnabler.UNTRACKED_TABLES).contains("SCHEMA_ID(?)").contains("i.is_primary_key = 1")
                .contains("NOT EXISTS (SELECT 1 FROM sys.change_tracking_tables");
    }

    @Test
    void retentionMustBePositive() {
        assertThatThrownBy(() -> new ChangeTrackingEnabler("dbo", 0)).hasMessageContaining("retentionDays");
    }
}
