package dev.mirror.sqlserver.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeTrackingSqlTest {
    private final TableSchema table = new TableSchema("we]ird 'tab';", List.of(
            Column.of("id", SqlType.of(SqlServerType.INT), false),
            Column.of("part", SqlType.ofLength(SqlServerType.NVARCHAR, 10), false),
            Column.of("välue]", SqlType.of(SqlServerType.MONEY), true)),
            List.of("part", "id"));

    @Test
    void versionQueries() {
        assertThat(ChangeTrackingSql.CURRENT_VERSION).isEqualTo("SELECT CHANGE_TRACKING_CURRENT_VERSION()");
        assertThat(ChangeTrackingSql.MIN_VALID_VERSION).isEqualTo("SELECT CHANGE_TRACKING_MIN_VALID_VERSION(OBJECT_ID(?))");
        assertThat(ChangeTrackingSql.qualified("dbo", "we]ird 'tab';")).isEqualTo("[dbo].\"we]ird 'tab';\"");
        assertThat(ChangeTrackingSql.objectName("dbo", "we]ird 'tab';")).as("OBJECT_ID's argument keeps the bracket form")
                .isEqualTo("[dbo].[we]]ird 'tab';]");
        assertThat(ChangeTrackingSql.SESSION_SETTINGS).isEqualTo("SET QUOTED_IDENTIFIER ON");
        assertThat(ChangeTrackingSql.MIN_VALID_VERSIONS).isEqualTo("SELECT t.name, ctt.min_valid_version FROM"
                + " sys.change_tracking_tables AS ctt JOIN sys.tables AS t ON t.object_id = ctt.object_id"
                + " WHERE t.schema_id = SCHEMA_ID(?)");
    }

    @Test
    void snapshotReadsEveryColumnInKeyOrder() {
        assertThat(ChangeTrackingSql.snapshot("crm7", table)).isEqualTo(
                "SELECT [id], [part], \"välue]\" FROM [crm7].\"we]ird 'tab';\" ORDER BY [part], [id]");
    }

    @Test
    void changesJoinTheChangeTableToTheTableOnTheKey() {
        assertThat(ChangeTrackingSql.changes("dbo", table)).isEqualTo(
                "SELECT ct.SYS_CHANGE_OPERATION, CASE WHEN t.[part] IS NULL THEN 0 ELSE 1 END, ct.[part], ct.[id], t.[id], t.[part],"
                        + " t.\"välue]\" FROM CHANGETABLE(CHANGES [dbo].\"we]ird 'tab';\", ?) AS ct"
                        + " LEFT OUTER JOIN [dbo].\"we]ird 'tab';\" AS t ON t.[part] = ct.[part] AND t.[id] = ct.[id]");
    }

    @Test
    void repopulationReasons() {
        assertThat(TableSync.repopulationReason(-1, 5, 10)).contains("full copy").contains("LSN -1");
        assertThat(TableSync.repopulationReason(4, 5, 10)).contains("older than CHANGE_TRACKING_MIN_VALID_VERSION 5");
        assertThat(TableSync.repopulationReason(11, 5, 10)).contains("ahead of the source's current version 10");
        assertThat(TableSync.repopulationReason(5, 5, 10)).isNull();
        assertThat(TableSync.repopulationReason(10, 0, 10)).isNull();
    }
}
