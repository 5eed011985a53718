package dev.mirror.dialect.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.ColumnDefault;
import dev.mirror.api.model.ColumnDefault.KnownFunction;
import dev.mirror.api.model.ColumnDefault.LiteralKind;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import org.junit.jupiter.api.Test;

class StandardDefaultsTest {
    private final StandardDefaults defaults = new StandardDefaults("NOW_LOCAL", "NOW_ZONED", "TODAY", "NEW_ID()");

    @Test
    void functionsAreTheDialectsSpelling() {
        ColumnDefault getdate = new ColumnDefault.FunctionCall(KnownFunction.CURRENT_TIMESTAMP, "getdate");
        assertThat(defaults.expression(SqlType.of(SqlServerType.DATETIME), getdate)).contains("NOW_LOCAL");
        assertThat(defaults.expression(SqlType.fractional(SqlServerType.DATETIMEOFFSET, 7), getdate)).contains("NOW_ZONED");
        assertThat(defaults.expression(SqlType.of(SqlServerType.DATE), getdate)).contains("TODAY");
        assertThat(defaults.expression(SqlType.of(SqlServerType.UNIQUEIDENTIFIER),
                new ColumnDefault.FunctionCall(KnownFunction.NEW_UUID, "newid"))).contains("NEW_ID()");
        assertThat(defaults.expression(SqlType.of(SqlServerType.INT), getdate)).as("getdate() on an int column").isEmpty();
    }

    @Test
    void literalsAreStandardSqlAndTheRestIsLeftOut() {
        assertThat(defaults.expression(SqlType.of(SqlServerType.BIT), ColumnDefault.Literal.number("1"))).contains("TRUE");
        assertThat(defaults.expression(SqlType.ofLength(SqlServerType.NVARCHAR, 10),
                new ColumnDefault.Literal(LiteralKind.NATIONAL_STRING, "it's"))).contains("'it''s'");
        assertThat(defaults.expression(SqlType.of(SqlServerType.DATETIME), new ColumnDefault.Literal(LiteralKind.STRING,
                "2020-01-01 10:00:00.002"))).as("datetime on SQL Server's 1/300 s grid")
                .contains("TIMESTAMP '2020-01-01 10:00:00.003'");
        assertThat(defaults.expression(SqlType.of(SqlServerType.DATE), new ColumnDefault.Literal(LiteralKind.STRING,
                "20200131"))).contains("DATE '2020-01-31'");
        assertThat(defaults.expression(SqlType.of(SqlServerType.DATETIME), ColumnDefault.Literal.number("0")))
                .as("((0)) on datetime is too implicit").isEmpty();
        assertThat(defaults.expression(SqlType.of(SqlServerType.INT), new ColumnDefault.Unparsed("(abs(-1))"))).isEmpty();
        Column plain = Column.of("c", SqlType.of(SqlServerType.INT), true);
        assertThat(defaults.clause(plain)).isEmpty();
        Column five = new Column("c", SqlType.of(SqlServerType.INT), true, "((5))").withParsedDefault(ColumnDefault.Literal.number("5"));
        assertThat(defaults.clause(five)).contains("DEFAULT 5");
    }
}
