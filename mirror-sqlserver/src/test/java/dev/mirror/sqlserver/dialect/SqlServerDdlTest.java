package dev.mirror.sqlserver.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.sqlserver.common.SqlServerTypes;
import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.testkit.dialect.KitDefaults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlServerDdlTest {
    private final SqlServerDialect dialect = new SqlServerDialect(BulkSettings.DEFAULTS);

    @Test
    void everyTypeHasItsDdl() {
        Map<SqlType, String> expected = new LinkedHashMap<>();
        expected.put(SqlType.of(SqlServerType.TINYINT), "tinyint");
        expected.put(SqlType.of(SqlServerType.SMALLINT), "smallint");
        expected.put(SqlType.of(SqlServerType.INT), "int");
        expected.put(SqlType.of(SqlServerType.BIGINT), "bigint");
        expected.put(SqlType.of(SqlServerType.BIT), "bit");
        expected.put(SqlType.of(SqlServerType.REAL), "real");
        expected.put(SqlType.of(SqlServerType.FLOAT), "float");
        expected.put(SqlType.of(SqlServerType.SMALLMONEY), "smallmoney");
        expected.put(SqlType.of(SqlServerType.MONEY), "money");
        expected.put(SqlType.decimal(SqlServerType.DECIMAL, 19, 4), "decimal(19,4)");
        expected.put(SqlType.decimal(SqlServerType.NUMERIC, 38, 0), "numeric(38,0)");
        expected.put(SqlType.ofLength(SqlServerType.CHAR, 10), "char(10)");
        expected.put(SqlType.ofLength(SqlServerType.VARCHAR, 8000), "varchar(8000)");
        expected.put(SqlType.ofLength(SqlServerType.VARCHAR, SqlType.MAX), "varchar(max)");
        expected.put(SqlType.of(SqlServerType.TEXT), "varchar(max)");
        expected.put(SqlType.ofLength(SqlServerType.NCHAR, 2), "nchar(2)");
        expected.put(SqlType.ofLength(SqlServerType.NVARCHAR, 255), "nvarchar(255)");
        expected.put(SqlType.ofLength(SqlServerType.NVARCHAR, SqlType.MAX), "nvarchar(max)");
        expected.put(SqlType.of(SqlServerType.NTEXT), "nvarchar(max)");
        expected.put(SqlType.of(SqlServerType.SMALLDATETIME), "smalldatetime");
        expected.put(SqlType.of(SqlServerType.DATETIME), "datetime");
        expected.put(SqlType.fractional(SqlServerType.DATETIME2, 3), "datetime2(3)");
        expected.put(SqlType.of(SqlServerType.DATE), "date");
        expected.put(SqlType.fractional(SqlServerType.TIME, 0), "time(0)");
        expected.put(SqlType.fractional(SqlServerType.DATETIMEOFFSET, 7), "datetimeoffset(7)");
        expected.put(SqlType.of(SqlServerType.UNIQUEIDENTIFIER), "uniqueidentifier");
        expected.put(SqlType.ofLength(SqlServerType.BINARY, 16), "binary(16)");
        expected.put(SqlType.ofLength(SqlServerType.VARBINARY, 100), "varbinary(100)");
        expected.put(SqlType.ofLength(SqlServerType.VARBINARY, SqlType.MAX), "varbinary(max)");
        expected.put(SqlType.of(SqlServerType.IMAGE), "varbinary(max)");
        assertThat(expected.keySet().stream().map(SqlType::base).distinct()).hasSize(SqlServerType.values().length);
        expected.forEach((type, ddl) -> assertThat(dialect.types().columnType(type)).as(type.toString()).isEqualTo(ddl));
    }

    @Test
    void catalogRowsNormalizeToTheDdlText() {
        assertThat(SqlServerTypes.normalized("nvarchar", 510, 0, 0)).isEqualTo("nvarchar(255)");
        assertThat(SqlServerTypes.normalized("nvarchar", -1, 0, 0)).isEqualTo("nvarchar(max)");
        assertThat(SqlServerTypes.normalized("nchar", 4, 0, 0)).isEqualTo("nchar(2)");
        assertThat(SqlServerTypes.normalized("varchar", 30, 0, 0)).isEqualTo("varchar(30)");
        assertThat(SqlServerTypes.normalized("varbinary", -1, 0, 0)).isEqualTo("varbinary(max)");
        assertThat(SqlServerTypes.normalized("decimal", 9, 19, 4)).isEqualTo("decimal(19,4)");
        assertThat(SqlServerTypes.normalized("datetime2", 8, 27, 7)).isEqualTo("datetime2(7)");
        assertThat(SqlServerTypes.normalized("time", 3, 8, 0)).isEqualTo("time(0)");
        assertThat(SqlServerTypes.normalized("int", 4, 10, 0)).isEqualTo("int");
        assertThat(SqlServerTypes.normalized("ntext", 16, 0, 0)).isEqualTo("nvarchar(max)");
        assertThat(SqlServerTypes.normalized("sysname", 256, 0, 0)).isEqualTo("nvarchar(128)");
        assertThat(SqlServerTypes.normalized("xml", -1, 0, 0)).isEqualTo("xml");
        assertThat(SqlServerTypes.fromCatalog("geography", -1, 0, 0)).isEmpty();
    }

    private static TableSchema person() {
        return new TableSchema("person", List.of(
                KitDefaults.parse(new Column("person_id", SqlType.of(SqlServerType.INT), false, null)),
                KitDefaults.parse(new Column("name", SqlType.ofLength(SqlServerType.NVARCHAR, 50), false, "(N'')")),
                KitDefaults.parse(new Column("rank", SqlType.of(SqlServerType.SMALLINT), true, "((0))")),
                KitDefaults.parse(new Column("registered", SqlType.of(SqlServerType.DATETIME), true, "(getdate())")),
                KitDefaults.parse(new Column("notes", SqlType.of(SqlServerType.NTEXT), true, "([dbo].[fn_x]())"))),
                List.of("person_id"));
    }

    @Test
    void createTableWithPrimaryKeyAndPlainDefaultsOnly() {
        assertThat(dialect.ddl().createTable("person", person())).containsExactly(
                "CREATE TABLE [person] ([person_id] int NOT NULL, [name] nvarchar(50) NOT NULL DEFAULT (N''),"
                        + " [rank] smallint NULL DEFAULT ((0)), [registered] datetime NULL DEFAULT (getdate()),"
                        + " [notes] nvarchar(max) NULL, PRIMARY KEY ([person_id]))");
    }

    @Test
    void compositeKeyKeepsKeyOrder() {
        TableSchema s = new TableSchema("link", List.of(Column.of("a", SqlType.of(SqlServerType.INT), false),
                Column.of("b", SqlType.of(SqlServerType.BIGINT), false)), List.of("b", "a"));
        assertThat(dialect.ddl().createTable("link", s))
                .containsExactly("CREATE TABLE [link] ([a] int NOT NULL, [b] bigint NOT NULL, PRIMARY KEY ([b], [a]))");
    }

    @Test
    void defaultsAreKeptOnlyWhenPlain() {
        for (String ok : List.of("((0))", "((-1.5))", "(N'')", "(N'it''s')", "('x')", "(getdate())",
                "(GETUTCDATE())", "(newid())", "(NULL)", "(0x0A1B)", "((1e5))", "(current_timestamp)")) {
            assertThat(SqlServerDefaults.render(KitDefaults.parse(ok))).as(ok).contains(ok);
        }
        // rendered as SQL Server prints defaults, whatever the source's spelling
        assertThat(SqlServerDefaults.render(KitDefaults.parse("(0)"))).contains("((0))");
        assertThat(SqlServerDefaults.render(KitDefaults.parse("default (N'')"))).contains("(N'')");
        for (String bad : List.of("((1)+(2))", "([dbo].[f]())", "(N'a');DROP TABLE x;--')", "(next value for s)",
                "((0)", "(N'x'+N'y')", "(user_defined())", "")) {
            assertThat(SqlServerDefaults.render(KitDefaults.parse(bad))).as(bad).isEmpty();
        }
    }

    @Test
    void alterStatements() {
        Column added = KitDefaults.parse(new Column("flag", SqlType.of(SqlServerType.BIT), false, "((0))"));
        assertThat(dialect.ddl().addColumn("person", added))
                .containsExactly("ALTER TABLE [person] ADD [flag] bit NOT NULL DEFAULT ((0))");
        assertThat(dialect.ddl().addColumn("person", Column.of("x", SqlType.of(SqlServerType.INT), false)))
                .containsExactly("ALTER TABLE [person] ADD [x] int NULL");
        assertThat(dialect.ddl().dropColumn("person", "rank")).isEqualTo(
                "DECLARE @df sysname, @sql nvarchar(max); SELECT @df = dc.name FROM sys.default_constraints AS dc"
                        + " JOIN sys.columns AS c ON c.object_id = dc.parent_object_id AND c.column_id = dc.parent_column_id"
                        + " WHERE dc.parent_object_id = OBJECT_ID(N'[person]') AND c.name = N'rank';"
                        + " IF @df IS NOT NULL BEGIN SET @sql = N'ALTER TABLE [person] DROP CONSTRAINT ' + QUOTENAME(@df);"
                        + " EXEC sp_executesql @sql; END;"
                        + " ALTER TABLE [person] DROP COLUMN [rank]");
        Column from = KitDefaults.parse(new Column("name", SqlType.ofLength(SqlServerType.NVARCHAR, 50), false, "(N'')"));
        Column to = KitDefaults.parse(new Column("name", SqlType.ofLength(SqlServerType.NVARCHAR, 100), true, "(N'')"));
        List<String> alter = dialect.ddl().alterColumn("person", from, to);
        assertThat(alter).containsExactly(
                "DECLARE @df sysname, @sql nvarchar(max); SELECT @df = dc.name FROM sys.default_constraints AS dc"
                        + " JOIN sys.columns AS c ON c.object_id = dc.parent_object_id AND c.column_id = dc.parent_column_id"
                        + " WHERE dc.parent_object_id = OBJECT_ID(N'[person]') AND c.name = N'name';"
                        + " IF @df IS NOT NULL BEGIN SET @sql = N'ALTER TABLE [person] DROP CONSTRAINT ' + QUOTENAME(@df);"
                        + " EXEC sp_executesql @sql; END",
                "ALTER TABLE [person] ALTER COLUMN [name] nvarchar(100) NULL",
                "ALTER TABLE [person] ADD DEFAULT (N'') FOR [name]");
        Column big = Column.of("rank", SqlType.of(SqlServerType.INT), true);
        assertThat(dialect.ddl().alterColumn("person", Column.of("rank", SqlType.of(SqlServerType.SMALLINT), true), big))
                .hasSize(2).last().isEqualTo("ALTER TABLE [person] ALTER COLUMN [rank] int NULL");
        assertThat(dialect.ddl().dropTable("person")).isEqualTo("DROP TABLE IF EXISTS [person]");
        assertThat(dialect.ddl().truncateTable("person")).isEqualTo("DELETE FROM [person]");
    }

    /** No dynamic SQL runs a function call inside EXEC ( ... ): only sp_executesql with a variable. */
    @Test
    void dynamicSqlIsBuiltInAVariable() {
        Column d = KitDefaults.parse(new Column("d", SqlType.of(SqlServerType.INT), true, "((0))"));
        List<String> all = new java.util.ArrayList<>(dialect.ddl().alterColumn("t", d, d.withType(SqlType.of(SqlServerType.BIGINT))));
        all.add(dialect.ddl().dropColumn("t", "d"));
        for (String sql : all) {
            assertThat(sql).doesNotContain("EXEC (").doesNotContain("EXEC(").doesNotContain("EXECUTE (");
        }
    }

    @Test
    void renamesPassBareRegularNamesToSpRename() {
        assertThat(dialect.ddl().renameTable("person_shadow", "person"))
                .isEqualTo("EXEC sp_rename N'person_shadow', N'person', N'OBJECT'");
        assertThat(dialect.ddl().renameTable("with space", "select"))
                .isEqualTo("EXEC sp_rename N'[with space]', N'select', N'OBJECT'");
        assertThat(dialect.ddl().renameTable("select", "x")).as("a reserved keyword is delimited")
                .isEqualTo("EXEC sp_rename N'[select]', N'x', N'OBJECT'");
        assertThat(dialect.ddl().renameTable("1abc", "x")).as("a digit first is not regular")
                .isEqualTo("EXEC sp_rename N'[1abc]', N'x', N'OBJECT'");
        assertThat(dialect.ddl().renameIndex("person", "ix_shadow_name", "ix_name"))
                .isEqualTo("EXEC sp_rename N'person.ix_shadow_name', N'ix_name', N'INDEX'");
        assertThat(dialect.ddl().renameIndex("my table", "ix.1", "ix'1"))
                .isEqualTo("EXEC sp_rename N'[my table].[ix.1]', N'ix''1', N'INDEX'");
        assertThat(dialect.ddl().renameIndex("t]x", "i'x", "n"))
                .isEqualTo("EXEC sp_rename N'[t]]x].[i''x]', N'n', N'INDEX'");
        assertThatThrownBy(() -> dialect.ddl().renameIndex("t", "i", "n".repeat(129))).isInstanceOf(MirrorException.class);
    }

    @Test
    void hostileNamesAreQuotedAndEscaped() {
        assertThat(dialect.names().quote("a]b")).as("] delimits with double quotes").isEqualTo("\"a]b\"");
        assertThat(dialect.names().quote("a]\"b")).isEqualTo("\"a]\"\"b\"");
        assertThat(dialect.names().quote("a\"b")).isEqualTo("[a\"b]");
        assertThat(dialect.names().quote("x'; DROP TABLE y; --")).isEqualTo("[x'; DROP TABLE y; --]");
        assertThat(dialect.names().quote("with space")).isEqualTo("[with space]");
        assertThat(dialect.names().quote("sjø_ærlig_名前")).isEqualTo("[sjø_ærlig_名前]");
        assertThat(dialect.names().quote("[x]")).isEqualTo("\"[x]\"");
        // names the server parses from a string keep QUOTENAME's bracket form
        assertThat(dialect.ddl().renameTable("o']k", "n'e]w")).isEqualTo("EXEC sp_rename N'[o'']]k]', N'n''e]w', N'OBJECT'");
        assertThat(dialect.ddl().dropColumn("t]'", "c'"))
                .contains("OBJECT_ID(N'[t]]'']') AND c.name = N'c'''")
                .contains("SET @sql = N'ALTER TABLE \"t]''\" DROP CONSTRAINT ' + QUOTENAME(@df); EXEC sp_executesql @sql; END")
                .endsWith("ALTER TABLE \"t]'\" DROP COLUMN [c']");
        TableSchema s = new TableSchema("a]b;'c", List.of(Column.of("k]'", SqlType.of(SqlServerType.INT), false)),
                List.of("k]'"));
        assertThat(dialect.ddl().createTable("a]b;'c", s))
                .containsExactly("CREATE TABLE \"a]b;'c\" (\"k]'\" int NOT NULL, PRIMARY KEY (\"k]'\"))");
    }

    @Test
    void sessionSettingsTurnOnXactAbortAndQuotedIdentifier() {
        assertThat(SqlServerDialect.SESSION_SETTINGS).isEqualTo("SET XACT_ABORT ON; SET QUOTED_IDENTIFIER ON");
    }


    @Test
    void indexesWithIncludeAndFilter() {
        IndexDefinition ix = new IndexDefinition("ix_person_name",
                List.of(new IndexDefinition.IndexColumn("name", false), new IndexDefinition.IndexColumn("rank", true)),
                true, List.of("registered"), "[rank] IS NOT NULL");
        assertThat(dialect.ddl().createIndex("person", ix)).isEqualTo("CREATE UNIQUE NONCLUSTERED INDEX [ix_person_name] ON"
                + " [person] ([name] ASC, [rank] DESC) INCLUDE ([registered]) WHERE [rank] IS NOT NULL");
        IndexDefinition plain = new IndexDefinition("i]x", List.of(new IndexDefinition.IndexColumn("a", false)),
                false, List.of(), null);
        assertThat(dialect.ddl().createIndex("t", plain)).isEqualTo("CREATE NONCLUSTERED INDEX \"i]x\" ON [t] ([a] ASC)");
        assertThat(dialect.capabilities()).contains(Capability.INDEX_INCLUDE, Capability.INDEX_FILTER,
                Capability.TRANSACTIONAL_DDL, Capability.RENAME_TABLE, Capability.ALTER_COLUMN);
    }

    @Test
    void catalogQueriesUseTheDefaultSchemaAndBindNames() {
        assertThat(SqlServerCatalog.LIST_TABLES).isEqualTo("SELECT t.name FROM sys.tables AS t WHERE t.schema_id = SCHEMA_ID()");
        assertThat(SqlServerCatalog.DESCRIBE_TABLE).isEqualTo("SELECT c.name, ty.name AS type_name, c.max_length,"
                + " c.precision, c.scale, c.is_nullable FROM sys.columns AS c JOIN sys.tables AS t ON t.object_id = c.object_id"
                + " JOIN sys.types AS ty ON ty.user_type_id = c.system_type_id"
                + " WHERE t.schema_id = SCHEMA_ID() AND t.name = ? ORDER BY c.column_id");
        assertThat(SqlServerCatalog.LIST_INDEXES).contains("t.name = ?").contains("i.is_primary_key = 0");
    }
}
