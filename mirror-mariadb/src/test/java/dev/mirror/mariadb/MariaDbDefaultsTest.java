package dev.mirror.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.ColumnDefault;
import dev.mirror.api.model.SqlType;
import dev.mirror.testkit.dialect.KitDefaults;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rendering of typed defaults (parsed as core parses them) as MariaDB expressions. */
class MariaDbDefaultsTest {
    private static Optional<String> render(String type, String sqlServer) {
        return MariaDbDefaults.render(KitDefaults.defaulted("c", SqlType.parse(type), true, sqlServer));
    }

    @Test
    void numbersFollowTheColumnsType() {
        assertThat(render("int", "((0))")).contains("0");
        assertThat(render("decimal(10,2)", "((-1.50))")).contains("-1.50");
        assertThat(render("float", "((1e5))")).contains("100000");
        assertThat(render("bit", "((2))")).as("any non-zero is 1 in SQL Server").contains("1");
        assertThat(render("bit", "((0))")).contains("0");
        assertThat(render("nvarchar(10)", "((7))")).contains("'7'");
        assertThat(render("datetime", "((0))")).as("1900-01-01 implicitly: left out").isEmpty();
    }

    @Test
    void stringsAreQuotedTheSameWhateverSqlModeSays() {
        assertThat(render("nvarchar(10)", "(N'it''s')")).contains("'it''s'");
        assertThat(render("varchar(10)", "('a\\b')")).contains("_utf8mb4 X'615c62'");
        assertThat(render("nvarchar(10)", "(N'')")).contains("''");
        assertThat(render("int", "('42')")).contains("42");
        assertThat(render("int", "('x')")).isEmpty();
    }

    @Test
    void temporalAndUuidLiteralsAreReadAsSqlServerReadsThem() {
        assertThat(render("datetime", "('2020-01-31 12:00:00.002')")).as("rounded to the 1/300 s tick")
                .contains("'2020-01-31 12:00:00.003'");
        assertThat(render("datetime2(0)", "('20200131 12:00:00')")).contains("'2020-01-31 12:00:00'");
        assertThat(render("date", "('20200131')")).contains("'2020-01-31'");
        assertThat(render("date", "('31.01.2020')")).isEmpty();
        assertThat(render("uniqueidentifier", "('0E984725-C51C-4BF4-9960-E1C80E27ABA0')"))
                .contains("'0e984725-c51c-4bf4-9960-e1c80e27aba0'");
        assertThat(render("varbinary(4)", "(0x0A1B)")).contains("X'0A1B'");
        assertThat(render("int", "(0x0A1B)")).isEmpty();
    }

    @Test
    void knownFunctionsBecomeExpressionDefaultsWithTheColumnsDigits() {
        assertThat(render("datetime2(3)", "(getdate())")).contains("CURRENT_TIMESTAMP(3)");
        assertThat(render("datetime2(0)", "(sysdatetime())")).contains("CURRENT_TIMESTAMP");
        assertThat(render("datetimeoffset(7)", "(sysdatetimeoffset())")).as("stored as UTC").contains("(UTC_TIMESTAMP(6))");
        assertThat(render("datetime", "(getutcdate())")).contains("(UTC_TIMESTAMP(3))");
        assertThat(render("date", "(getdate())")).contains("(CURRENT_DATE)");
        assertThat(render("uniqueidentifier", "(newid())")).contains("(UUID())");
        assertThat(render("int", "(getdate())")).isEmpty();
        assertThat(render("nvarchar(50)", "(suser_sname())")).as("session functions mean nothing in the mirror").isEmpty();
    }

    @Test
    void nullUnparsedAndNoDefaultAreLeftOut() {
        assertThat(render("int", "(NULL)")).isEmpty();
        assertThat(render("int", "((1)+(2))")).isEmpty();
        assertThat(MariaDbDefaults.render(Column.of("c", SqlType.parse("int"), true))).isEmpty();
        Column typed = new Column("c", SqlType.parse("int"), true, "(dbo.f())").withParsedDefault(new ColumnDefault.Unparsed("dbo.f()"));
        assertThat(MariaDbDefaults.render(typed)).isEmpty();
    }
}
