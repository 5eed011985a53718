package dev.mirror.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.BulkProgress;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.dialect.IndexDefinition.IndexColumn;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.testkit.dialect.KitDefaults;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DDL, introspection, indexes and error translation against a real PostgreSQL. */
class PostgresSchemaIntegrationTest {
    private static PostgresTestDatabase db;
    private final List<String> warnings = new ArrayList<>();
    private final PostgresDialect d = new PostgresDialect(4096, "mirror-test", warnings::add);

    @BeforeAll
    static void setUp() throws SQLException {
        db = PostgresTestDatabase.create("mirror_pg_schema");
    }

    @BeforeEach
    void requireServer() {
        PostgresTestDatabase.assumeAvailable(db);
    }

    @AfterAll
    static void tearDown() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private static void exec(Connection c, List<String> sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    static TableSchema everyType(String name) {
        List<Column> cols = new ArrayList<>();
        cols.add(Column.of("id", SqlType.of(SqlServerType.INT), false));
        String[] types = {"nvarchar(10)", "varchar(255)", "nvarchar(max)", "ntext", "text", "nchar(5)", "char(3)", "datetime",
            "smalldatetime", "datetime2(7)", "datetime2(3)", "datetimeoffset(7)", "datetimeoffset(0)", "date", "time(7)", "time(2)",
            "bit", "uniqueidentifier", "float", "real", "decimal(19,4)", "numeric(38,10)", "money", "smallmoney", "tinyint",
            "smallint", "bigint", "varbinary(16)", "binary(4)", "varbinary(max)", "image"};
        for (int i = 0; i < types.length; i++) {
            cols.add(Column.of("c" + i, SqlType.parse(types[i]), i % 2 == 0));
        }
        return new TableSchema(name, cols, List.of("id"));
    }

    @Test
    void describeTableReportsWhatColumnTypeProduces() throws SQLException {
        TableSchema s = everyType("every_type");
        try (Connection c = db.open()) {
            exec(c, d.ddl().createTable("every_type", s));
            List<TargetColumn> cols = d.catalog().describeTable(c, "every_type").orElseThrow();
            assertThat(cols).hasSize(s.columnCount());
            for (int i = 0; i < cols.size(); i++) {
                Column sc = s.columns().get(i);
                assertThat(cols.get(i)).as(sc.type().toString())
                        .isEqualTo(new TargetColumn(sc.name(), d.types().columnType(sc.type()), sc.nullable()));
            }
            assertThat(d.catalog().describeTable(c, "no_such_table")).isEmpty();
            c.rollback();
        }
    }

    @Test
    void listTablesSeesOnlyTheCurrentSchema() throws SQLException {
        try (Connection plain = db.openPlain(); Statement s = plain.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS public.mirror_pg_elsewhere (x int)");
        }
        try (Connection c = db.open()) {
            exec(c, List.of("CREATE TABLE \"Mixed Case\" (a int)", "CREATE TABLE plain_one (a int)",
                    "CREATE VIEW not_a_table AS SELECT 1 AS a"));
            assertThat(d.catalog().listTables(c)).contains("Mixed Case", "plain_one").doesNotContain("not_a_table", "mirror_pg_elsewhere");
            assertThat(d.catalog().describeTable(c, "mirror_pg_elsewhere")).isEmpty();
            c.rollback();
        } finally {
            try (Connection plain = db.openPlain(); Statement s = plain.createStatement()) {
                s.execute("DROP TABLE IF EXISTS public.mirror_pg_elsewhere");
            }
        }
    }

    @Test
    void hostileAndLongNamesWork() throws SQLException {
        String table = d.names().targetName("we\"ird; DROP TABLE x; -- 'tbl' Ærø");
        String longCol = "k".repeat(128);
        TableSchema s = new TableSchema("t", List.of(Column.of(longCol, SqlType.of(SqlServerType.INT), false),
                Column.of("it's \"quoted\"", SqlType.parse("nvarchar(20)"), true), Column.of("名前", SqlType.parse("nvarchar(5)"), true)),
                List.of(longCol));
        try (Connection c = db.open()) {
            exec(c, d.ddl().createTable(table, s));
            assertThat(d.catalog().listTables(c)).contains(table);
            assertThat(d.catalog().describeTable(c, table).orElseThrow()).extracting(TargetColumn::name)
                    .containsExactly(d.names().targetName(longCol), "it's \"quoted\"", "名前");
            assertThat(d.bulk().bulkLoad(c, table, s, List.of(Row.of(1, "x;'\"", "ü")).iterator(), BulkProgress.NONE)).isEqualTo(1);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + d.names().quote(table))) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("x;'\"");
            }
            c.rollback();
        }
        assertThat(warnings).hasSize(1).allMatch(w -> w.contains(longCol));
    }

    @Test
    void translatedDefaultsAreAppliedByTheServer() throws SQLException {
        TableSchema s = new TableSchema("defaults", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                KitDefaults.parse(new Column("n", SqlType.of(SqlServerType.INT), false, "((-1))")),
                KitDefaults.parse(new Column("s", SqlType.parse("nvarchar(10)"), false, "(N'')")),
                KitDefaults.parse(new Column("d", SqlType.of(SqlServerType.DATETIME), false, "(N'1760-01-01 00:00:00')")),
                KitDefaults.parse(new Column("now", SqlType.of(SqlServerType.DATETIME), true, "(getdate())")),
                KitDefaults.parse(new Column("b", SqlType.of(SqlServerType.BIT), false, "((1))")),
                KitDefaults.parse(new Column("skip", SqlType.of(SqlServerType.DATETIME), true, "((0))"))), List.of("id"));
        try (Connection c = db.open()) {
            exec(c, d.ddl().createTable("defaults", s));
            exec(c, List.of("INSERT INTO defaults (id) VALUES (1)"));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT n, s, d, now, b, skip FROM defaults")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(-1);
                assertThat(rs.getString(2)).isEmpty();
                assertThat(rs.getObject(3, LocalDateTime.class)).isEqualTo(LocalDateTime.of(1760, 1, 1, 0, 0));
                assertThat(rs.getObject(4)).isNotNull();
                assertThat(rs.getBoolean(5)).isTrue();
                assertThat(rs.getObject(6)).isNull();
            }
            c.rollback();
        }
    }

    @Test
    void altersAddsDropsRenamesAndTruncates() throws SQLException {
        Column v10 = Column.of("v", SqlType.parse("nvarchar(10)"), false);
        Column n = Column.of("n", SqlType.of(SqlServerType.INT), true);
        TableSchema s = new TableSchema("alter_me", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false), v10, n),
                List.of("id"));
        try (Connection c = db.open()) {
            exec(c, d.ddl().createTable("alter_me", s));
            d.bulk().bulkLoad(c, "alter_me", s, List.of(Row.of(1, "abc", 7)).iterator(), BulkProgress.NONE);
            Column v20 = Column.of("v", SqlType.parse("nvarchar(20)"), true);
            exec(c, d.ddl().alterColumn("alter_me", v10, v20));
            exec(c, d.ddl().alterColumn("alter_me", n, Column.of("n", SqlType.of(SqlServerType.BIGINT), true)));
            exec(c, d.ddl().addColumn("alter_me", KitDefaults.parse(new Column("added", SqlType.of(SqlServerType.INT), false, "((0))"))));
            exec(c, d.ddl().addColumn("alter_me", Column.of("gone", SqlType.of(SqlServerType.BIT), true)));
            exec(c, List.of(d.ddl().dropColumn("alter_me", "gone")));
            assertThat(d.catalog().describeTable(c, "alter_me").orElseThrow()).containsExactly(
                    new TargetColumn("id", "integer", false), new TargetColumn("v", "varchar(20)", true),
                    new TargetColumn("n", "bigint", true), new TargetColumn("added", "integer", false));
            exec(c, List.of(d.ddl().renameTable("alter_me", "alter_me 2")));
            assertThat(d.catalog().listTables(c)).contains("alter_me 2").doesNotContain("alter_me");
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT v, n, added FROM \"alter_me 2\"")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("abc");
                assertThat(rs.getLong(2)).isEqualTo(7);
                assertThat(rs.getInt(3)).isZero();
            }
            exec(c, List.of(d.ddl().truncateTable("alter_me 2")));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM \"alter_me 2\"")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
            exec(c, List.of(d.ddl().dropTable("alter_me 2"), d.ddl().dropTable("alter_me 2")));
            assertThat(d.catalog().listTables(c)).doesNotContain("alter_me 2");
            c.rollback();
        }
    }

    @Test
    void indexesWithIncludeAndFilterAreListedWithoutThePrimaryKey() throws SQLException {
        TableSchema s = new TableSchema("indexed", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of("a", SqlType.parse("nvarchar(10)"), true), Column.of("b", SqlType.of(SqlServerType.INT), true)),
                List.of("id"));
        try (Connection c = db.open()) {
            exec(c, d.ddl().createTable("indexed", s));
            assertThat(d.catalog().listIndexes(c, "indexed")).isEmpty();
            exec(c, List.of(d.ddl().createIndex("indexed", new IndexDefinition("ix a\"1", List.of(new IndexColumn("a", true)), true,
                    List.of("b"), "\"b\" > 0"))));
            assertThat(d.catalog().listIndexes(c, "indexed")).containsExactly("ix a\"1");
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT pg_get_indexdef('\"ix a\"\"1\"'::regclass)")) {
                rs.next();
                assertThat(rs.getString(1)).contains("UNIQUE").contains("DESC").contains("INCLUDE (b)").contains("WHERE (b > 0)");
            }
            c.rollback();
        }
    }

    @Test
    void translatesRealServerErrors() throws SQLException {
        try (Connection c = db.openAutoCommit(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE locked (id int PRIMARY KEY)");
            s.execute("INSERT INTO locked VALUES (1)");
            SQLException dup = catchSql(() -> s.execute("INSERT INTO locked VALUES (1)"));
            MirrorException e = d.errors().translate(dup, "inserting into 'locked'");
            assertThat(e.code()).isEqualTo("TARGET_UNIQUE_VIOLATION");
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("duplicate key");
            try (Connection holder = db.open(); Statement hs = holder.createStatement()) {
                hs.execute("SELECT * FROM locked FOR UPDATE");
                SQLException nowait = catchSql(() -> s.execute("SELECT * FROM locked FOR UPDATE NOWAIT"));
                MirrorException lock = d.errors().translate(nowait, "locking");
                assertThat(lock.code()).isEqualTo("TARGET_LOCK_TIMEOUT");
                assertThat(lock.retryable()).isTrue();
                s.execute("SET statement_timeout = '50ms'");
                SQLException cancel = catchSql(() -> s.execute("SELECT pg_sleep(5)"));
                assertThat(d.errors().translate(cancel, "sleeping").retryable()).isTrue();
                holder.rollback();
            }
        }
    }

    @Test
    void prepareConnectionSetsTheApplicationName() throws SQLException {
        try (Connection c = db.open()) {
            d.prepareConnection(c);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW application_name")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("mirror-test");
            }
            c.rollback();
        }
    }

    @Test
    void nulInAValueIsRejectedNamingTableAndColumn() throws SQLException {
        TableSchema s = new TableSchema("nul", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of("txt", SqlType.parse("nvarchar(10)"), true)), List.of("id"));
        try (Connection c = db.open()) {
            exec(c, d.ddl().createTable("nul", s));
            Iterator<Row> rows = List.of(Row.of(1, "ok"), Row.of(2, "bad\0")).iterator();
            assertThatThrownBy(() -> d.bulk().bulkLoad(c, "nul", s, rows, BulkProgress.NONE))
                    .isInstanceOf(MirrorException.class).hasMessageContaining("'nul'").hasMessageContaining("'txt'")
                    .hasMessageContaining("row 2");
            c.rollback();
            // The connection is usable again after the rollback.
            assertThat(d.catalog().listTables(c)).doesNotContain("nul");
        }
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static SQLException catchSql(SqlAction a) {
        try {
            a.run();
        } catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected an SQLException");
    }
}
