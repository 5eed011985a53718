package dev.mirror.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresTypesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "nvarchar(10)|varchar(10)", "varchar(255)|varchar(255)", "nvarchar(max)|text", "varchar(max)|text",
            "ntext|text", "text|text", "nchar(5)|char(5)", "char|char(1)", "datetime|timestamp(3)",
            "smalldatetime|timestamp(0)", "datetime2|timestamp(6)", "datetime2(7)|timestamp(6)", "datetime2(3)|timestamp(3)",
            "datetime2(0)|timestamp(0)", "datetimeoffset|timestamptz(6)", "datetimeoffset(2)|timestamptz(2)", "date|date",
            "time|time(6)", "time(7)|time(6)", "time(0)|time(0)", "bit|boolean", "uniqueidentifier|uuid",
            "float|double precision", "float(53)|double precision", "real|real", "float(24)|real",
            "decimal(19,4)|numeric(19,4)", "numeric(38,0)|numeric(38,0)", "decimal|numeric(18,0)", "money|numeric(19,4)",
            "smallmoney|numeric(10,4)", "tinyint|smallint", "smallint|smallint", "int|integer", "bigint|bigint",
            "varbinary(16)|bytea", "varbinary(max)|bytea", "binary(8)|bytea", "image|bytea"})
    void mapsEverySqlServerType(String sqlServer, String postgres) {
        assertThat(PostgresTypes.columnType(SqlType.parse(sqlServer))).isEqualTo(postgres);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "character varying(10)|varchar(10)", "character varying|varchar", "character(5)|char(5)",
            "timestamp(3) without time zone|timestamp(3)", "timestamp without time zone|timestamp",
            "timestamp(6) with time zone|timestamptz(6)", "time(6) without time zone|time(6)", "time with time zone|timetz",
            "numeric(19,4)|numeric(19,4)", "double precision|double precision", "integer|integer", "bytea|bytea",
            "Boolean|boolean"})
    void normalizesCatalogSpelling(String catalog, String normalized) {
        assertThat(PostgresTypes.normalize(catalog)).isEqualTo(normalized);
    }

    @Test
    void fractionIsCappedAtMicroseconds() {
        assertThat(PostgresTypes.fraction(SqlType.parse("datetime2(7)"))).isEqualTo(6);
        assertThat(PostgresTypes.fraction(SqlType.parse("time(4)"))).isEqualTo(4);
    }
}
