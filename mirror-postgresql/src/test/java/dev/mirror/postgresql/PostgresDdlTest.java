package dev.mirror.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.dialect.IndexDefinition.IndexColumn;
import dev.mirror.testkit.dialect.KitDefaults;
import java.util.List;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.dialect.support.StageUse;
import org.junit.jupiter.api.Test;

class PostgresDdlTest {
    private final PostgresDialect d = new PostgresDialect(4096, "mirror", w -> { });

    private static Column col(String name, String type, boolean nullable, String def) {
        return KitDefaults.parse(new Column(name, SqlType.parse(type), nullable, def));
    }

    @Test
    void createsTableWithTypesDefaultsAndKey() {
        TableSchema s = new TableSchema("contact", List.of(col("contact_id", "int", false, null),
                col("name", "nvarchar(220)", false, "(N'')"), col("registered", "datetime", true, "(getdate())"),
                col("active", "bit", false, "((1))"), col("we\"ird; name", "nvarchar(max)", true, null)),
                List.of("contact_id"));
        assertThat(d.ddl().createTable("contact", s)).containsExactly("CREATE TABLE \"contact\" (\"contact_id\" integer NOT NULL, "
                + "\"name\" varchar(220) DEFAULT '' NOT NULL, \"registered\" timestamp(3) DEFAULT CURRENT_TIMESTAMP, "
                + "\"active\" boolean DEFAULT true NOT NULL, \"we\"\"ird; name\" text, PRIMARY KEY (\"contact_id\"))");
    }

    @Test
    void createsTableWithCompositeKeyAndMappedLongNames() {
        String longName = "c".repeat(128);
        TableSchema s = new TableSchema("t", List.of(col("a", "int", false, null), col(longName, "bigint", false, null)),
                List.of("A", longName));
        String mapped = d.names().targetName(longName);
        assertThat(d.ddl().createTable("t", s)).containsExactly("CREATE TABLE \"t\" (\"a\" integer NOT NULL, \"" + mapped
                + "\" bigint NOT NULL, PRIMARY KEY (\"a\", \"" + mapped + "\"))");
    }

    @Test
    void simpleStatements() {
        assertThat(d.ddl().dropTable("a\"b")).isEqualTo("DROP TABLE IF EXISTS \"a\"\"b\"");
        assertThat(d.ddl().renameTable("x_shadow", "x")).isEqualTo("ALTER TABLE \"x_shadow\" RENAME TO \"x\"");
        assertThat(d.ddl().truncateTable("x")).isEqualTo("TRUNCATE TABLE \"x\"");
        assertThat(d.ddl().dropColumn("x", "old col")).isEqualTo("ALTER TABLE \"x\" DROP COLUMN \"old col\"");
        assertThat(d.name()).isEqualTo("postgresql");
        assertThat(d.capabilities()).containsExactlyInAnyOrder(Capability.values());
    }

    @Test
    void addsColumns() {
        assertThat(d.ddl().addColumn("x", col("n", "int", false, "((-1))")))
                .containsExactly("ALTER TABLE \"x\" ADD COLUMN \"n\" integer DEFAULT -1 NOT NULL");
        // NOT NULL without a default could not fill the existing rows: added nullable.
        assertThat(d.ddl().addColumn("x", col("m", "nvarchar(5)", false, null)))
                .containsExactly("ALTER TABLE \"x\" ADD COLUMN \"m\" varchar(5)");
        assertThat(d.ddl().addColumn("x", col("o", "datetime2(7)", true, null)))
                .containsExactly("ALTER TABLE \"x\" ADD COLUMN \"o\" timestamp(6)");
    }

    @Test
    void altersColumnsInPlace() {
        assertThat(d.ddl().alterColumn("x", col("c", "nvarchar(50)", false, null), col("c", "nvarchar(100)", true, null)))
                .containsExactly("ALTER TABLE \"x\" ALTER COLUMN \"c\" TYPE varchar(100), ALTER COLUMN \"c\" DROP NOT NULL");
        assertThat(d.ddl().alterColumn("x", col("c", "int", true, null), col("c", "bigint", true, null)))
                .containsExactly("ALTER TABLE \"x\" ALTER COLUMN \"c\" TYPE bigint");
        assertThat(d.ddl().alterColumn("x", col("c", "int", false, null), col("c", "int", true, null)))
                .containsExactly("ALTER TABLE \"x\" ALTER COLUMN \"c\" DROP NOT NULL");
        assertThat(d.ddl().alterColumn("x", col("c", "int", true, "((0))"), col("c", "int", true, "((1))")))
                .containsExactly("ALTER TABLE \"x\" ALTER COLUMN \"c\" SET DEFAULT 1");
        assertThat(d.ddl().alterColumn("x", col("c", "int", true, "((0))"), col("c", "int", true, null)))
                .containsExactly("ALTER TABLE \"x\" ALTER COLUMN \"c\" DROP DEFAULT");
        // Different in SQL Server, the same in PostgreSQL: nothing to do.
        assertThat(d.ddl().alterColumn("x", col("c", "varchar(max)", true, null), col("c", "ntext", true, null))).isEmpty();
        assertThat(d.ddl().alterColumn("x", col("c", "datetime2(6)", true, null), col("c", "datetime2(7)", true, null))).isEmpty();
    }

    @Test
    void createsIndexesWithIncludeAndFilter() {
        IndexDefinition plain = new IndexDefinition("ix_name", List.of(new IndexColumn("name", false)), false, List.of(), null);
        assertThat(d.ddl().createIndex("contact", plain)).isEqualTo("CREATE INDEX \"ix_name\" ON \"contact\" (\"name\" ASC)");
        IndexDefinition full = new IndexDefinition("ux \"x\"", List.of(new IndexColumn("a", false), new IndexColumn("b", true)),
                true, List.of("c", "d e"), "\"a\" > 0");
        assertThat(d.ddl().createIndex("t", full)).isEqualTo("CREATE UNIQUE INDEX \"ux \"\"x\"\"\" ON \"t\" (\"a\" ASC, \"b\" DESC)"
                + " INCLUDE (\"c\", \"d e\") WHERE \"a\" > 0");
    }

    private PostgresStageSql stageSql(boolean merge) {
        return new PostgresStageSql(d.names(), 4096, () -> merge, () -> null, () -> CopyFormat.TEXT);
    }

    @Test
    void stagedApplyStatements() {
        TableSchema s = new TableSchema("t", List.of(col("id", "int", false, null), col("k2", "nvarchar(5)", false, null),
                col("mirror_seq", "int", true, null), col("v", "nvarchar(5)", true, null)), List.of("id", "k2"));
        PostgresStageSql a = stageSql(false);
        StagedChanges st = a.stage(s, StageUse.APPLY);
        assertThat(a.createStage("t", s, st, StageUse.APPLY)).containsExactly("CREATE TEMP TABLE pg_temp.mirror_stage ON COMMIT DROP AS SELECT \"id\", \"k2\", "
                + "\"mirror_seq\", \"v\", 0::bigint AS \"_mirror_seq\", ''::text AS \"mirror_op\" FROM \"t\" WITH NO DATA");
        assertThat(a.copyStage(st)).isEqualTo("COPY pg_temp.mirror_stage (\"id\", \"k2\", \"mirror_seq\", \"v\", \"_mirror_seq\", "
                + "\"mirror_op\") FROM STDIN");
        assertThat(a.deleteJoin("t", s, st)).isEqualTo("DELETE FROM \"t\" AS m USING (SELECT DISTINCT ON (\"id\", \"k2\") \"id\", \"k2\", "
                + "\"mirror_op\" FROM pg_temp.mirror_stage ORDER BY \"id\", \"k2\", \"_mirror_seq\" DESC) AS s "
                + "WHERE s.\"mirror_op\" = 'D' AND m.\"id\" = s.\"id\" AND m.\"k2\" = s.\"k2\"");
        assertThat(a.upsertFromStage("t", s, st)).isEqualTo("INSERT INTO \"t\" AS m (\"id\", \"k2\", \"mirror_seq\", \"v\") SELECT s.\"id\", "
                + "s.\"k2\", s.\"mirror_seq\", s.\"v\" FROM (SELECT DISTINCT ON (\"id\", \"k2\") * FROM pg_temp.mirror_stage "
                + "ORDER BY \"id\", \"k2\", \"_mirror_seq\" DESC) AS s WHERE s.\"mirror_op\" <> 'D' ON CONFLICT (\"id\", \"k2\") "
                + "DO UPDATE SET \"mirror_seq\" = EXCLUDED.\"mirror_seq\", \"v\" = EXCLUDED.\"v\" "
                + "WHERE ROW(m.\"mirror_seq\", m.\"v\") IS DISTINCT FROM ROW(EXCLUDED.\"mirror_seq\", EXCLUDED.\"v\")");
        assertThat(a.dropStage(st, StageUse.APPLY)).containsExactly("DROP TABLE pg_temp.mirror_stage");
        StagedChanges core = a.stage(s, StageUse.CORE);
        assertThat(core.table()).as("core's stage never meets the apply's").isEqualTo("pg_temp.mirror_core_stage");
        assertThat(a.createStage("t", s, core, StageUse.CORE)).first().isEqualTo("DROP TABLE IF EXISTS pg_temp.mirror_core_stage");
    }

    @Test
    void mergeDeletesUpdatesChangedRowsAndInsertsInOneStatement() {
        TableSchema s = new TableSchema("t", List.of(col("id", "int", false, null), col("v", "nvarchar(5)", true, null)),
                List.of("id"));
        assertThat(stageSql(true).merge("t", s, stageSql(true).stage(s, StageUse.APPLY))).isEqualTo("MERGE INTO \"t\" AS m USING (SELECT DISTINCT ON "
                + "(\"id\") * FROM pg_temp.mirror_stage ORDER BY \"id\", \"mirror_seq\" DESC) AS s ON m.\"id\" = s.\"id\" "
                + "WHEN MATCHED AND s.\"mirror_op\" = 'D' THEN DELETE WHEN MATCHED AND ROW(m.\"v\") IS DISTINCT FROM ROW(s.\"v\") "
                + "THEN UPDATE SET \"v\" = s.\"v\" WHEN NOT MATCHED AND s.\"mirror_op\" <> 'D' THEN INSERT (\"id\", \"v\") "
                + "VALUES (s.\"id\", s.\"v\")");
    }

    @Test
    void fillFactorBelowOneHundredIsAStorageParameter() {
        TableSchema s = new TableSchema("t", List.of(col("id", "int", false, null)), List.of("id"));
        assertThat(new PostgresDialect().withFillFactor(80).ddl().createTable("t", s).get(0)).endsWith("PRIMARY KEY (\"id\")) WITH (fillfactor = 80)");
        assertThat(new PostgresDialect().ddl().createTable("t", s).get(0)).endsWith("PRIMARY KEY (\"id\"))");
    }

    @Test
    void keyOnlyTableUpsertDoesNothingOnConflict() {
        TableSchema s = new TableSchema("link", List.of(col("a", "int", false, null), col("b", "int", false, null)),
                List.of("a", "b"));
        assertThat(stageSql(false).upsertFromStage("link", s, stageSql(false).stage(s, StageUse.APPLY))).endsWith("ON CONFLICT (\"a\", \"b\") DO NOTHING");
    }

    @Test
    void bulkCopyStatement() {
        TableSchema s = new TableSchema("My Table", List.of(col("id", "int", false, null), col("na'me", "nvarchar(5)", true, null)),
                List.of("id"));
        assertThat(new PostgresBulkLoader(d.names(), 4096, () -> CopyFormat.TEXT).copySql("My Table", s)).isEqualTo("COPY \"My Table\" (\"id\", \"na'me\") FROM STDIN");
    }
}
