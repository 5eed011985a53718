package dev.mirror.core.internal.options;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.core.config.TableMode;
import dev.mirror.core.config.TableOptions;
import dev.mirror.sqlserver.dialect.BulkSettings;
import dev.mirror.sqlserver.dialect.SqlServerDialect;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The soft delete and history statements exactly as SQL Server receives them (no SQL Server here: its integration tests
 * are skipped): hostile names quoted as SQL Server needs them (a name with {@code ]} in double quotes), the stage's positional columns ({@code [c0]}, …) next to {@code [seq]}
 * and {@code [op]} as {@code SqlServerStageSql} describes them, no alias on the target of an UPDATE or
 * DELETE, and the mode columns typed as SQL Server types.
 */
class ModeSqlSqlServerTest {
    private static final LocalDateTime T = LocalDateTime.of(2026, 12, 2, 6, 0, 0, 123_456_000);
    private final SqlServerDialect dialect = new SqlServerDialect(BulkSettings.DEFAULTS);
    private final TableSchema source = new TableSchema("we]ird", List.of(
            Column.of("id", SqlType.of(SqlServerType.INT), false),
            Column.of("name", SqlType.ofLength(SqlServerType.NVARCHAR, 50), true),
            Column.of("secret", SqlType.ofLength(SqlServerType.NVARCHAR, 50), true)), List.of("id"));
    private final StagedChanges stage = new StagedChanges("#mirror_stage_0123456789abcdef", List.of("[c0]", "[c1]", "[c2]"),
            "[seq]", "[op]");

    private ModeSql sql(TableMode mode) {
        return new ModeSql(dialect, "we]ird", TableLayout.of(source, new TableOptions(mode, Set.of("secret"), Set.of()), null));
    }

    @Test
    void softDeleteBatch() {
        List<BoundSql> s = sql(TableMode.SOFT_DELETE).softDeleteApply(
                new StagedChanges(stage.table(), List.of("[c0]", "[c1]"), "[seq]", "[op]"), T);
        assertThat(s).extracting(BoundSql::sql).containsExactly(
                "DELETE FROM #mirror_stage_0123456789abcdef WHERE [seq] NOT IN (SELECT MAX([seq]) FROM "
                        + "#mirror_stage_0123456789abcdef GROUP BY [c0])",
                "UPDATE \"we]ird\" SET [_mirror_deleted] = ?, [_mirror_synced] = ? WHERE [_mirror_deleted] = ? AND EXISTS "
                        + "(SELECT 1 FROM #mirror_stage_0123456789abcdef s WHERE s.[op] = 'D' AND s.[c0] = \"we]ird\".[id])",
                "DELETE FROM \"we]ird\" WHERE EXISTS (SELECT 1 FROM #mirror_stage_0123456789abcdef s WHERE s.[op] <> 'D' AND "
                        + "s.[c0] = \"we]ird\".[id])",
                "INSERT INTO \"we]ird\" ([id], [name], [_mirror_deleted], [_mirror_synced]) SELECT s.[c0], s.[c1], "
                        + "CAST(? AS bit), CAST(? AS datetime2(6)) FROM #mirror_stage_0123456789abcdef s WHERE s.[op] <> 'D'");
        assertThat(s.get(1).params()).containsExactly(true, T, false);
        assertThat(s.get(3).params()).containsExactly(false, T);
    }

    @Test
    void softDeleteRepopulationCarriesAbsentRowsOver() {
        BoundSql s = new ModeSql(dialect, "we]ird__mirror_shadow", TableLayout.of(source,
                new TableOptions(TableMode.SOFT_DELETE, Set.of("secret"), Set.of()), null)).softDeleteCarryOver("we]ird", T);
        assertThat(s.sql()).isEqualTo("INSERT INTO \"we]ird__mirror_shadow\" ([id], [name], [_mirror_deleted], [_mirror_synced]) "
                + "SELECT o.[id], o.[name], CAST(? AS bit), CASE WHEN o.[_mirror_deleted] = ? THEN o.[_mirror_synced] ELSE "
                + "CAST(? AS datetime2(6)) END FROM \"we]ird\" o WHERE NOT EXISTS (SELECT 1 FROM \"we]ird__mirror_shadow\" n "
                + "WHERE n.[id] = o.[id])");
        assertThat(s.params()).containsExactly(true, true, T);
    }

    @Test
    void historyBatch() {
        List<BoundSql> s = sql(TableMode.HISTORY).historyApply(
                new StagedChanges(stage.table(), List.of("[c0]", "[c1]", "[c2]"), "[seq]", "[op]"), T);
        assertThat(s).extracting(BoundSql::sql).containsExactly(
                "DELETE FROM #mirror_stage_0123456789abcdef WHERE [seq] NOT IN (SELECT MAX([seq]) FROM "
                        + "#mirror_stage_0123456789abcdef GROUP BY [c0])",
                "UPDATE \"we]ird\" SET [_mirror_valid_to] = ?, [_mirror_active] = ? WHERE [_mirror_active] = ? AND EXISTS "
                        + "(SELECT 1 FROM #mirror_stage_0123456789abcdef s WHERE s.[c0] = \"we]ird\".[id] AND (s.[op] = 'D' OR "
                        + "s.[c2] <> \"we]ird\".[_mirror_row_hash]))",
                "INSERT INTO \"we]ird\" ([id], [name], [_mirror_row_hash], [_mirror_valid_from], [_mirror_valid_to], "
                        + "[_mirror_active]) SELECT s.[c0], s.[c1], s.[c2], CAST(? AS datetime2(6)), NULL, CAST(? AS bit) FROM "
                        + "#mirror_stage_0123456789abcdef s WHERE s.[op] <> 'D' AND NOT EXISTS (SELECT 1 FROM \"we]ird\" m WHERE "
                        + "m.[id] = s.[c0] AND m.[_mirror_active] = ?)");
        assertThat(s.get(1).params()).containsExactly(T, false, true);
        assertThat(s.get(2).params()).containsExactly(T, true, true);
    }

    @Test
    void historyRepopulationMergesTheShadowWithTheOldVersions() {
        ModeSql m = new ModeSql(dialect, "sh", TableLayout.of(source, new TableOptions(TableMode.HISTORY, Set.of("secret"), Set.of()),
                null));
        assertThat(m.shadowMerge("we]ird", true, T)).extracting(BoundSql::sql).containsExactly(
                "INSERT INTO [sh] ([id], [name], [_mirror_row_hash], [_mirror_valid_from], [_mirror_valid_to], [_mirror_active]) "
                        + "SELECT o.[id], o.[name], o.[_mirror_row_hash], o.[_mirror_valid_from], o.[_mirror_valid_to], "
                        + "o.[_mirror_active] FROM \"we]ird\" o",
                "UPDATE [sh] SET [_mirror_valid_to] = COALESCE((SELECT n.[_mirror_valid_from] FROM [sh] n WHERE n.[id] = [sh].[id] "
                        + "AND n.[_mirror_active] = ? AND n.[_mirror_valid_to] IS NULL), CAST(? AS datetime2(6))), [_mirror_active] = ? "
                        + "WHERE [_mirror_active] = ? AND NOT EXISTS (SELECT 1 FROM [sh] n WHERE n.[id] = [sh].[id] AND "
                        + "n.[_mirror_active] = ? AND n.[_mirror_valid_to] IS NULL AND n.[_mirror_row_hash] = [sh].[_mirror_row_hash])",
                "DELETE FROM [sh] WHERE [_mirror_active] = ? AND [_mirror_valid_to] IS NULL AND EXISTS (SELECT 1 FROM [sh] o WHERE "
                        + "o.[id] = [sh].[id] AND o.[_mirror_active] = ? AND o.[_mirror_row_hash] = [sh].[_mirror_row_hash])",
                "UPDATE [sh] SET [_mirror_active] = ? WHERE [_mirror_active] = ? AND [_mirror_valid_to] IS NULL");
        assertThat(m.shadowMerge("we]ird", false, T)).extracting(BoundSql::sql)
                .containsExactly("UPDATE [sh] SET [_mirror_active] = ? WHERE [_mirror_active] = ? AND [_mirror_valid_to] IS NULL");
    }

    @Test
    void aRecreateCarriesOnlyTheColumnsTheOldTableHasWithTheSameType() {
        TableLayout l = TableLayout.of(source, new TableOptions(TableMode.HISTORY, Set.of(), Set.of()), null);
        List<Column> carried = l.mirror().columns().stream().filter(c -> !c.name().equals("secret")).toList();
        assertThat(new ModeSql(dialect, "sh", l).shadowMerge("t", carried, T)).extracting(BoundSql::sql).first().isEqualTo(
                "INSERT INTO [sh] ([id], [name], [_mirror_row_hash], [_mirror_valid_from], [_mirror_valid_to], [_mirror_active]) "
                        + "SELECT o.[id], o.[name], o.[_mirror_row_hash], o.[_mirror_valid_from], o.[_mirror_valid_to], "
                        + "o.[_mirror_active] FROM [t] o");
        TableLayout sd = TableLayout.of(source, new TableOptions(TableMode.SOFT_DELETE, Set.of(), Set.of()), null);
        List<Column> sdCarried = sd.mirror().columns().stream().filter(c -> !c.name().equals("secret")).toList();
        assertThat(new ModeSql(dialect, "sh", sd).shadowMerge("t", sdCarried, T)).extracting(BoundSql::sql).singleElement()
                .asString().startsWith("INSERT INTO [sh] ([id], [name], [_mirror_deleted], [_mirror_synced]) SELECT o.[id], o.[name], ");
        assertThat(new ModeSql(dialect, "sh", sd).shadowMerge("t", (List<Column>) null, T)).as("options changed: nothing").isEmpty();
    }

    @Test
    void historyKeyIsExtendedByValidFromAndModeColumnsAreSqlServerTypes() {
        TableLayout l = TableLayout.of(source, new TableOptions(TableMode.HISTORY, Set.of("secret"), Set.of()), null);
        assertThat(l.mirror().primaryKey()).containsExactly("id", "_mirror_valid_from");
        assertThat(dialect.ddl().createTable("we]ird", l.mirror())).singleElement().asString()
                .contains("[_mirror_valid_from] datetime2(6) NOT NULL")
                .contains("[_mirror_active] bit NOT NULL")
                .doesNotContain("secret");
    }
}
