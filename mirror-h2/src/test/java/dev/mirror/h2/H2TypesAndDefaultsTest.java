package dev.mirror.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import dev.mirror.testkit.dialect.KitDefaults;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The type table of README.md, describe normalization, and default translation. */
class H2TypesAndDefaultsTest {

    @Test
    void typeTable() {
        String[][] table = {
            {"tinyint", "SMALLINT"}, {"smallint", "SMALLINT"}, {"int", "INTEGER"}, {"bigint", "BIGINT"},
            {"bit", "BOOLEAN"}, {"real", "REAL"}, {"float", "DOUBLE PRECISION"}, {"float(24)", "REAL"},
            {"decimal(38,10)", "NUMERIC(38,10)"}, {"numeric", "NUMERIC(18,0)"}, {"money", "NUMERIC(19,4)"},
            {"smallmoney", "NUMERIC(10,4)"}, {"nvarchar(255)", "CHARACTER VARYING(255)"},
            {"varchar(8000)", "CHARACTER VARYING(8000)"}, {"nvarchar(max)", "CHARACTER LARGE OBJECT"},
            {"varchar(max)", "CHARACTER LARGE OBJECT"}, {"ntext", "CHARACTER LARGE OBJECT"}, {"text", "CHARACTER LARGE OBJECT"},
            {"nchar(10)", "CHARACTER(10)"}, {"char(1)", "CHARACTER(1)"}, {"datetime", "TIMESTAMP(3)"},
            {"smalldatetime", "TIMESTAMP(0)"}, {"datetime2", "TIMESTAMP(7)"}, {"datetime2(3)", "TIMESTAMP(3)"},
            {"date", "DATE"}, {"time(0)", "TIME(0)"}, {"datetimeoffset(7)", "TIMESTAMP(7) WITH TIME ZONE"},
            {"uniqueidentifier", "UUID"}, {"binary(16)", "BINARY(16)"}, {"varbinary(100)", "BINARY VARYING(100)"},
            {"varbinary(max)", "BINARY LARGE OBJECT"}, {"image", "BINARY LARGE OBJECT"}, {"sysname", "CHARACTER VARYING(128)"},
        };
        H2Dialect d = new H2Dialect();
        for (String[] row : table) {
            assertThat(d.types().columnType(SqlType.parse(row[0]))).as(row[0]).isEqualTo(row[1]);
        }
    }

    @Test
    void normalizesInformationSchema() {
        assertThat(H2Types.normalize("CHARACTER VARYING", 50L, null, null, null)).isEqualTo("CHARACTER VARYING(50)");
        assertThat(H2Types.normalize("NUMERIC", null, 19, 4, null)).isEqualTo("NUMERIC(19,4)");
        assertThat(H2Types.normalize("TIMESTAMP", null, null, null, 3)).isEqualTo("TIMESTAMP(3)");
        assertThat(H2Types.normalize("TIMESTAMP WITH TIME ZONE", null, null, null, 7)).isEqualTo("TIMESTAMP(7) WITH TIME ZONE");
        assertThat(H2Types.normalize("CHARACTER LARGE OBJECT", Long.MAX_VALUE, null, null, null))
                .as("LOB lengths are not part of the type").isEqualTo("CHARACTER LARGE OBJECT");
        assertThat(H2Types.normalize("INTEGER", null, 32, 0, null)).isEqualTo("INTEGER");
    }

    private static Optional<String> def(String type, String expression) {
        // through a column, as the dialect sees it (parsed as core does); null text is a column without default
        Column column = KitDefaults.parse(new Column("c", SqlType.parse(type), true, expression));
        return H2Defaults.clause(column).map(clause -> clause.substring("DEFAULT ".length()));
    }

    @Test
    void translatesDefaults() {
        assertThat(def("int", "((0))")).contains("0");
        assertThat(def("bigint", "((-1))")).contains("-1");
        assertThat(def("decimal(10,2)", "((1.50))")).contains("1.50");
        assertThat(def("bit", "((1))")).contains("TRUE");
        assertThat(def("bit", "((0))")).contains("FALSE");
        assertThat(def("nvarchar(10)", "(N'')")).contains("''");
        assertThat(def("nvarchar(10)", "('it''s')")).contains("'it''s'");
        assertThat(def("nvarchar(10)", "((0))")).contains("'0'");
        assertThat(def("datetime", "(N'1760-01-01 00:00:00')")).contains("TIMESTAMP '1760-01-01 00:00:00'");
        assertThat(def("datetime", "('19000101')")).contains("TIMESTAMP '1900-01-01 00:00:00'");
        assertThat(def("datetime", "(N'2000-01-01 12:00:00.002')")).as("datetime rounds to its tick")
                .contains("TIMESTAMP '2000-01-01 12:00:00.003'");
        assertThat(def("datetime2(3)", "(N'2000-01-01 12:00:00.002')")).contains("TIMESTAMP '2000-01-01 12:00:00.002'");
        assertThat(def("date", "('2020-02-29')")).contains("DATE '2020-02-29'");
        assertThat(def("datetime", "(getdate())")).contains("CURRENT_TIMESTAMP");
        assertThat(def("datetime2", "(sysdatetime())")).contains("CURRENT_TIMESTAMP");
        assertThat(def("uniqueidentifier", "(newid())")).contains("RANDOM_UUID()");
        assertThat(def("int", "([dbo].[f]())")).isEmpty();
        assertThat(def("int", "((1)+(2))")).isEmpty();
        assertThat(def("datetime", "((0))")).as("numeric datetime defaults are left out").isEmpty();
        assertThat(def("datetime", "('not a date')")).isEmpty();
        assertThat(def("int", null)).isEmpty();
    }
}
