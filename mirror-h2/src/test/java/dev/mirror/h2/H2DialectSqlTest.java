package dev.mirror.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.dialect.support.StageUse;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.dialect.IndexDefinition.IndexColumn;
import dev.mirror.testkit.dialect.KitDefaults;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact SQL the dialect generates. */
class H2DialectSqlTest {
    private final H2Dialect d = new H2Dialect();

    private static final TableSchema PERSON = new TableSchema("person", List.of(
            Column.of("person_id", SqlType.of(SqlServerType.INT), false),
            KitDefaults.parse(new Column("firstname", SqlType.ofLength(SqlServerType.NVARCHAR, 50), false, "(N'')")),
            Column.of("notes", SqlType.ofLength(SqlServerType.NVARCHAR, SqlType.MAX), true),
            KitDefaults.parse(new Column("registered", SqlType.of(SqlServerType.DATETIME), false, "(getdate())")),
            KitDefaults.parse(new Column("weird", SqlType.of(SqlServerType.INT), true, "([dbo].[f]())"))), List.of("person_id"));

    @Test
    void createTable() {
        assertThat(d.ddl().createTable("person", PERSON)).containsExactly("CREATE TABLE \"person\" ("
                + "\"person_id\" INTEGER NOT NULL, \"firstname\" CHARACTER VARYING(50) DEFAULT '' NOT NULL, "
                + "\"notes\" CHARACTER LARGE OBJECT, \"registered\" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP NOT NULL, "
                + "\"weird\" INTEGER, PRIMARY KEY (\"person_id\"))");
    }

    @Test
    void createTableWithHostileNamesAndCompositeKey() {
        TableSchema s = new TableSchema("x", List.of(Column.of("a\"b", SqlType.of(SqlServerType.INT), false),
                Column.of("c]; DROP TABLE y; --", SqlType.of(SqlServerType.BIGINT), false),
                Column.of("d'e", SqlType.of(SqlServerType.BIT), true)), List.of("a\"b", "c]; DROP TABLE y; --"));
        assertThat(d.ddl().createTable("t\"; --", s)).containsExactly("CREATE TABLE \"t\"\"; --\" (\"a\"\"b\" INTEGER NOT NULL, "
                + "\"c]; DROP TABLE y; --\" BIGINT NOT NULL, \"d'e\" BOOLEAN, PRIMARY KEY (\"a\"\"b\", \"c]; DROP TABLE y; --\"))");
    }

    @Test
    void quoting() {
        assertThat(d.names().quote("plain")).isEqualTo("\"plain\"");
        assertThat(d.names().quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(d.names().quote("\"\"")).isEqualTo("\"\"\"\"\"\"");
        assertThat(d.names().quote("]';--")).isEqualTo("\"]';--\"");
        assertThat(d.names().quote("Ünï 😀")).isEqualTo("\"Ünï 😀\"");
        assertThatThrownBy(() -> d.names().quote("a\0b")).isInstanceOfSatisfying(MirrorException.class,
                e -> assertThat(e.code()).isEqualTo("IDENTIFIER_INVALID"));
    }

    @Test
    void dropRenameTruncate() {
        assertThat(d.ddl().dropTable("a\"b")).isEqualTo("DROP TABLE IF EXISTS \"a\"\"b\"");
        assertThat(d.ddl().renameTable("a", "b\"")).isEqualTo("ALTER TABLE \"a\" RENAME TO \"b\"\"\"");
        // DELETE, not TRUNCATE: H2's TRUNCATE TABLE commits the open transaction.
        assertThat(d.ddl().truncateTable("a")).isEqualTo("DELETE FROM \"a\"");
    }

    @Test
    void addAndDropColumn() {
        assertThat(d.ddl().addColumn("t", Column.of("n", SqlType.of(SqlServerType.INT), false)))
                .as("NOT NULL without an expressible default is added nullable")
                .containsExactly("ALTER TABLE \"t\" ADD COLUMN \"n\" INTEGER");
        assertThat(d.ddl().addColumn("t", KitDefaults.parse(new Column("n", SqlType.of(SqlServerType.INT), false, "((0))"))))
                .containsExactly("ALTER TABLE \"t\" ADD COLUMN \"n\" INTEGER DEFAULT 0 NOT NULL");
        assertThat(d.ddl().addColumn("t", KitDefaults.parse(new Column("b", SqlType.of(SqlServerType.BIT), true, "((1))"))))
                .containsExactly("ALTER TABLE \"t\" ADD COLUMN \"b\" BOOLEAN DEFAULT TRUE");
        assertThat(d.ddl().dropColumn("t", "c\"")).isEqualTo("ALTER TABLE \"t\" DROP COLUMN \"c\"\"\"");
    }

    @Test
    void alterColumn() {
        Column name10 = Column.of("name", SqlType.ofLength(SqlServerType.NVARCHAR, 10), false);
        assertThat(d.ddl().alterColumn("t", name10, Column.of("name", SqlType.ofLength(SqlServerType.NVARCHAR, 50), true)))
                .containsExactly("ALTER TABLE \"t\" ALTER COLUMN \"name\" SET DATA TYPE CHARACTER VARYING(50)",
                        "ALTER TABLE \"t\" ALTER COLUMN \"name\" SET NULL");
        assertThat(d.ddl().alterColumn("t", Column.of("n", SqlType.of(SqlServerType.INT), true),
                Column.of("n", SqlType.of(SqlServerType.BIGINT), true)))
                .containsExactly("ALTER TABLE \"t\" ALTER COLUMN \"n\" SET DATA TYPE BIGINT");
        assertThat(d.ddl().alterColumn("t", Column.of("a", SqlType.decimal(SqlServerType.DECIMAL, 10, 2), true),
                KitDefaults.parse(new Column("a", SqlType.decimal(SqlServerType.DECIMAL, 18, 2), true, "((0))"))))
                .containsExactly("ALTER TABLE \"t\" ALTER COLUMN \"a\" SET DATA TYPE NUMERIC(18,2)",
                        "ALTER TABLE \"t\" ALTER COLUMN \"a\" SET DEFAULT 0");
        assertThat(d.ddl().alterColumn("t", Column.of("s", SqlType.of(SqlServerType.SMALLINT), true),
                Column.of("s", SqlType.of(SqlServerType.TINYINT), true))).as("same H2 type: nothing to do").isEmpty();
        assertThat(d.capabilities()).contains(Capability.ALTER_COLUMN, Capability.RENAME_TABLE)
                .doesNotContain(Capability.TRANSACTIONAL_DDL, Capability.INDEX_INCLUDE, Capability.INDEX_FILTER);
    }

    @Test
    void indexes() {
        assertThat(d.ddl().createIndex("t\"", new IndexDefinition("ix\"1", List.of(new IndexColumn("a", false),
                new IndexColumn("b\"", true)), true, List.of(), null)))
                .isEqualTo("CREATE UNIQUE INDEX \"ix\"\"1\" ON \"t\"\"\" (\"a\" ASC, \"b\"\"\" DESC)");
        assertThatThrownBy(() -> d.ddl().createIndex("t", new IndexDefinition("ix", List.of(new IndexColumn("a", false)), false,
                List.of("b"), null))).isInstanceOfSatisfying(MirrorException.class,
                        e -> assertThat(e.code()).isEqualTo("INDEX_INCLUDE_UNSUPPORTED"));
        assertThatThrownBy(() -> d.ddl().createIndex("t", new IndexDefinition("ix", List.of(new IndexColumn("a", false)), false,
                List.of(), "\"a\" > 0"))).isInstanceOfSatisfying(MirrorException.class,
                        e -> assertThat(e.code()).isEqualTo("INDEX_FILTER_UNSUPPORTED"));
    }

    @Test
    void stagingAndMerge() {
        TableSchema s = new TableSchema("t", List.of(Column.of("k1", SqlType.of(SqlServerType.INT), false),
                Column.of("v", SqlType.ofLength(SqlServerType.NVARCHAR, 5), true),
                Column.of("k\"2", SqlType.of(SqlServerType.UNIQUEIDENTIFIER), false)), List.of("k1", "k\"2"));
        String stage = H2StageSql.stageName(s);
        assertThat(stage).matches("MIRROR_STAGE_[0-9A-F]{16}");
        H2StageSql sql = new H2StageSql(d.names(), H2Limits.DEFAULTS);
        StagedChanges st;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:mem:")) {
            st = sql.stage(c, "t", s, StageUse.APPLY);
            assertThat(sql.stage(c, "t", s, StageUse.CORE).table()).as("core's stage is an ordinary table of its own schema")
                    .matches("MIRROR_STAGING\\.STAGE_[0-9A-F]{20}");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(st.table()).isEqualTo(stage);
        assertThat(sql.createStage("t", s, st, StageUse.APPLY)).containsExactly("CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS "
                + stage + " (M_SEQ BIGINT PRIMARY KEY, M_OP CHARACTER(1) NOT NULL, C1 INTEGER, C2 CHARACTER VARYING(5), C3 UUID)"
                + " TRANSACTIONAL", "DELETE FROM " + stage);
        assertThat(H2StageSql.insertStage(st)).isEqualTo("INSERT INTO " + stage
                + " (M_SEQ, M_OP, C1, C2, C3) VALUES (?, ?, ?, ?, ?)");
        assertThat(sql.mergeFromStage("t", s, st)).contains("MERGE INTO \"t\" T USING (SELECT * FROM " + stage
                + " WHERE M_SEQ IN (SELECT MAX(M_SEQ) FROM " + stage + " GROUP BY C1, C3)) S"
                + " ON T.\"k1\" = S.C1 AND T.\"k\"\"2\" = S.C3"
                + " WHEN MATCHED AND S.M_OP = 'D' THEN DELETE"
                + " WHEN MATCHED THEN UPDATE SET \"v\" = S.C2"
                + " WHEN NOT MATCHED AND S.M_OP <> 'D' THEN INSERT (\"k1\", \"v\", \"k\"\"2\") VALUES (S.C1, S.C2, S.C3)");
        assertThat(sql.deleteJoin("t", s, st)).isEqualTo("DELETE FROM \"t\" T WHERE EXISTS (SELECT 1 FROM (SELECT * FROM "
                + stage + " WHERE M_SEQ IN (SELECT MAX(M_SEQ) FROM " + stage + " GROUP BY C1, C3) AND M_OP = 'D') S"
                + " WHERE T.\"k1\" = S.C1 AND T.\"k\"\"2\" = S.C3)");
        assertThat(sql.upsertFromStage("t", s, st)).startsWith("MERGE INTO \"t\" T USING (SELECT * FROM " + stage
                + " WHERE M_SEQ IN (SELECT MAX(M_SEQ) FROM " + stage + " GROUP BY C1, C3) AND M_OP <> 'D') S")
                .endsWith(" WHEN MATCHED THEN UPDATE SET \"v\" = S.C2 WHEN NOT MATCHED THEN INSERT (\"k1\", \"v\", \"k\"\"2\")"
                        + " VALUES (S.C1, S.C2, S.C3)");
        TableSchema wider = new TableSchema("t", List.of(s.columns().get(0),
                Column.of("v", SqlType.ofLength(SqlServerType.NVARCHAR, 6), true), s.columns().get(2)), s.primaryKey());
        assertThat(H2StageSql.stageName(wider)).as("a changed schema gets its own staging table").isNotEqualTo(stage);
    }
}
