package dev.mirror.sqlserver.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.sqlserver.common.SqlServerNames;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.dialect.support.StageUse;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlServerStageSqlTest {
    private final SqlServerStageSql sql = new SqlServerStageSql(SqlServerNames.NAMES,
            new SqlServerBulkWriter(BulkSettings.DEFAULTS));
    private final TableSchema schema = new TableSchema("order]s", List.of(
            Column.of("tenant", SqlType.ofLength(SqlServerType.NVARCHAR, 20), false),
            Column.of("id", SqlType.of(SqlServerType.INT), false),
            Column.of("amount", SqlType.of(SqlServerType.MONEY), true),
            Column.of("seq", SqlType.of(SqlServerType.BIGINT), true)),
            List.of("tenant", "id"));

    @Test
    void stageNameIsShortDeterministicAndPerTable() {
        String name = SqlServerStageSql.stageName("order]s");
        assertThat(name).matches("#mirror_stage_[0-9a-f]{16}").isEqualTo(SqlServerStageSql.stageName("order]s"))
                .isNotEqualTo(SqlServerStageSql.stageName("orders"));
        assertThat(SqlServerStageSql.stageName("x".repeat(128)).length()).isLessThanOrEqualTo(116);
        assertThat(SqlServerStageSql.bulkDestination("order]s")).isEqualTo("tempdb.." + name);
    }

    @Test
    void stageTableHasPositionalNullableColumnsWithDatabaseCollation() {
        String n = SqlServerStageSql.stageName("order]s");
        StagedChanges st = sql.stage("order]s", schema);
        assertThat(st.columns()).containsExactly("[c0]", "[c1]", "[c2]", "[c3]");
        assertThat(sql.createStage("order]s", schema, st, StageUse.APPLY)).containsExactly("DROP TABLE IF EXISTS " + n, "CREATE TABLE " + n
                + " ([seq] bigint NOT NULL, [op] char(1) NOT NULL, [c0] nvarchar(20) COLLATE DATABASE_DEFAULT NULL,"
                + " [c1] int NULL, [c2] money NULL, [c3] bigint NULL)");
        assertThat(sql.dropStage(st, StageUse.APPLY)).containsExactly("DROP TABLE IF EXISTS " + n);
        assertThat(sql.stage("order]s", schema)).as("core's stage is the same table").isEqualTo(st);
    }

    @Test
    void applyDeletesEveryStagedKeyThenInsertsTheLastNonDeleteChange() {
        String n = SqlServerStageSql.stageName("order]s");
        StagedChanges st = sql.stage("order]s", schema);
        assertThat(sql.deleteNeeded(new TableCounts(1, 0, 0))).as("the delete removes every staged key").isTrue();
        assertThat(sql.deleteJoin("order]s", schema, st)).isEqualTo("DELETE t FROM \"order]s\" AS t INNER JOIN " + n
                + " AS s ON t.[tenant] = s.[c0] AND t.[id] = s.[c1]");
        assertThat(sql.upsertFromStage("order]s", schema, st)).isEqualTo("INSERT INTO \"order]s\" ([tenant], [id], [amount], [seq])"
                + " SELECT [c0], [c1], [c2], [c3] FROM (SELECT [c0], [c1], [c2], [c3], [op], ROW_NUMBER() OVER"
                + " (PARTITION BY [c0], [c1] ORDER BY [seq] DESC) AS [rn] FROM " + n + ") AS s"
                + " WHERE s.[rn] = 1 AND s.[op] <> 'D'");
    }
}
