package dev.mirror.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.ColumnDefault;
import dev.mirror.api.model.ColumnDefault.FunctionCall;
import dev.mirror.api.model.ColumnDefault.KnownFunction;
import dev.mirror.api.model.ColumnDefault.Literal;
import dev.mirror.api.model.ColumnDefault.LiteralKind;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefaultParserTest {
    /** The 413-table SuperOffice schema (a copy of /work/shared/superoffice/superoffice-schema.tsv kept in the repo). */
    private static final Path SUPEROFFICE = Path.of("../mirror-sample/src/main/resources/dev/mirror/sample/superoffice-schema.tsv");

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "((0))|NUMBER|0", "((-1))|NUMBER|-1", "((1.5))|NUMBER|1.5", "((1.50))|NUMBER|1.50", "(0)|NUMBER|0",
        "((+5))|NUMBER|+5", "((.5))|NUMBER|.5", "((1.))|NUMBER|1.", "((1e5))|NUMBER|1e5", "((-2.5E-3))|NUMBER|-2.5E-3",
        "(N'')|NATIONAL_STRING|''", "(N'it''s')|NATIONAL_STRING|it's", "('x')|STRING|x", "(n'lower')|NATIONAL_STRING|lower",
        "(N'a)b(')|NATIONAL_STRING|a)b(", "('1760-01-01 00:00:00')|STRING|1760-01-01 00:00:00",
        "(0x0A1b)|BINARY|0A1b", "(0x)|BINARY|''",
        "default ((-1))|NUMBER|-1", "default (N'')|NATIONAL_STRING|''", "DEFAULT 0|NUMBER|0", "  ( ( 7 ) )  |NUMBER|7"})
    void literals(String text, LiteralKind kind, String value) {
        assertThat(DefaultParser.parse(text)).isEqualTo(new Literal(kind, value));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "(getdate())|CURRENT_TIMESTAMP|getdate", "(GETDATE())|CURRENT_TIMESTAMP|GETDATE",
        "(sysdatetime())|CURRENT_TIMESTAMP|sysdatetime", "(current_timestamp)|CURRENT_TIMESTAMP|current_timestamp",
        "(CURRENT_TIMESTAMP)|CURRENT_TIMESTAMP|CURRENT_TIMESTAMP", "(sysdatetimeoffset())|CURRENT_TIMESTAMP|sysdatetimeoffset",
        "(getutcdate())|CURRENT_UTC_TIMESTAMP|getutcdate", "(sysutcdatetime())|CURRENT_UTC_TIMESTAMP|sysutcdatetime",
        "(newid())|NEW_UUID|newid", "(newsequentialid( ))|NEW_UUID|newsequentialid", "(suser_sname())|LOGIN_NAME|suser_sname",
        "(user_name())|USER_NAME|user_name", "(host_name())|HOST_NAME|host_name", "(app_name())|APPLICATION_NAME|app_name",
        "(db_name())|DATABASE_NAME|db_name"})
    void knownFunctions(String text, KnownFunction function, String name) {
        assertThat(DefaultParser.parse(text)).isEqualTo(new FunctionCall(function, name));
    }

    @Test
    void nullDefault() {
        assertThat(DefaultParser.parse("(NULL)")).isEqualTo(new ColumnDefault.Null());
        assertThat(DefaultParser.parse("((null))")).isEqualTo(new ColumnDefault.Null());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "((1)+(2))", "([dbo].[f]())", "(N'a');DROP TABLE x;--')", "(next value for s)", "((0)", "(0))", "(N'x'+N'y')",
        "(user_defined())", "(CONVERT([bit],(0)))", "(CAST((0) AS bit))", "()", "(N'unterminated)", "(getdate(1))",
        "('a' 'b')", "(0x0G)", "(- 1)", "(default)"})
    void everythingElseIsKeptVerbatim(String text) {
        assertThat(DefaultParser.parse(text)).isEqualTo(new ColumnDefault.Unparsed(text));
    }

    @Test
    void blankTextIsUnparsed() {
        assertThat(DefaultParser.parse("")).isEqualTo(new ColumnDefault.Unparsed(""));
        assertThat(DefaultParser.parse("  ")).isEqualTo(new ColumnDefault.Unparsed("  "));
    }

    @Test
    void columnsAndSchemasGetTheirDefaultsParsed() {
        Column text = new Column("c", SqlType.of(SqlServerType.INT), false, "((3))");
        assertThat(text.defaultParsed()).isFalse();
        assertThatThrownBy(text::defaultValue).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'c'").hasMessageContaining("DefaultParser");
        Column parsed = DefaultParser.parse(text);
        assertThat(parsed.defaultValue()).contains(Literal.number("3"));
        assertThat(parsed).as("equality ignores the derived parsed value").isEqualTo(text).hasSameHashCodeAs(text);
        assertThat(parsed.withType(SqlType.of(SqlServerType.BIGINT)).defaultValue()).as("withType keeps the parsed default")
                .contains(Literal.number("3"));
        Column none = Column.of("n", SqlType.of(SqlServerType.INT), true);
        assertThat(none.defaultValue()).isEmpty();
        assertThat(DefaultParser.parse(none)).isSameAs(none);

        TableSchema schema = new TableSchema("t", List.of(none, text), List.of("n"));
        TableSchema done = DefaultParser.parse(schema);
        assertThat(done.columns().get(1).defaultValue()).contains(Literal.number("3"));
        assertThat(done).isEqualTo(schema);
        assertThat(DefaultParser.parse(done)).as("a parsed schema is returned as is").isSameAs(done);
    }

    @Test
    void aParsedDefaultNeedsItsText() {
        assertThatThrownBy(() -> new Column("c", SqlType.of(SqlServerType.INT), true, null, new ColumnDefault.Null()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no default text");
    }

    @Test
    void everySuperOfficeDefaultParses() throws IOException {
        assertThat(SUPEROFFICE).as("the SuperOffice schema file in mirror-sample").exists();
        List<String> lines = Files.readAllLines(SUPEROFFICE, StandardCharsets.UTF_8);
        Set<String> tables = new TreeSet<>();
        List<String> unparsed = new ArrayList<>();
        int defaults = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            tables.add(f[0]);
            if (f.length > 5 && !f[5].isEmpty()) {
                defaults++;
                if (DefaultParser.parse(f[5]) instanceof ColumnDefault.Unparsed) {
                    unparsed.add(f[0] + "." + f[2] + " " + f[5]);
                }
            }
        }
        assertThat(tables).hasSize(413);
        assertThat(defaults).as("defaults in the SuperOffice schema").isEqualTo(485);
        assertThat(unparsed).as("SuperOffice defaults left unparsed").isEmpty();
        assertThat(DefaultParser.parse("default (N'1760-01-01 00:00:00')"))
                .isEqualTo(new Literal(LiteralKind.NATIONAL_STRING, "1760-01-01 00:00:00"));
        assertThat(DefaultParser.parse("default (N'17600101 00:00:00')"))
                .isEqualTo(new Literal(LiteralKind.NATIONAL_STRING, "17600101 00:00:00"));
    }
}
