package dev.mirror.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.model.ColumnDefault.FunctionCall;
import dev.mirror.api.model.ColumnDefault.KnownFunction;
import dev.mirror.api.model.ColumnDefault.Literal;
import dev.mirror.api.model.ColumnDefault.LiteralKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ColumnDefaultTest {

    @Test
    void literalsCheckTheirValue() {
        assertThat(Literal.number("-1.50").number()).isEqualByComparingTo(new BigDecimal("-1.5"));
        assertThat(new Literal(LiteralKind.NATIONAL_STRING, "it's").isString()).isTrue();
        assertThatThrownBy(() -> Literal.number("1+1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number literal");
        assertThatThrownBy(() -> new Literal(LiteralKind.BINARY, "0G")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hexadecimal");
        assertThatThrownBy(() -> new Literal(LiteralKind.STRING, "x").number()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void functionsAreKnownByTheirSpellings() {
        assertThat(KnownFunction.byName("GetDate")).contains(KnownFunction.CURRENT_TIMESTAMP);
        assertThat(KnownFunction.byName("newsequentialid")).contains(KnownFunction.NEW_UUID);
        assertThat(KnownFunction.byName("my_function")).isEmpty();
        assertThat(new FunctionCall(KnownFunction.CURRENT_TIMESTAMP, "CURRENT_TIMESTAMP").isKeyword()).isTrue();
        assertThat(new FunctionCall(KnownFunction.CURRENT_TIMESTAMP, "getdate").isKeyword()).isFalse();
        assertThatThrownBy(() -> new FunctionCall(KnownFunction.NEW_UUID, "getdate"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a spelling of NEW_UUID");
    }

    @Test
    void aColumnBuiltFromTextIsNotParsedYet() {
        Column text = new Column("c", SqlType.of(SqlServerType.INT), true, "((1))");
        assertThat(text.defaultParsed()).isFalse();
        assertThatThrownBy(text::defaultValue).isInstanceOf(IllegalStateException.class).hasMessageContaining("not parsed");
        Column typed = text.withParsedDefault(Literal.number("1"));
        assertThat(typed.defaultValue()).contains(Literal.number("1"));
        assertThat(typed).isEqualTo(text);
        assertThat(Column.of("n", SqlType.of(SqlServerType.INT), true).defaultValue()).isEmpty();
    }
}
