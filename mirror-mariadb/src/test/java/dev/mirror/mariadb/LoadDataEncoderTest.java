package dev.mirror.mariadb;

import static dev.mirror.api.model.SqlServerType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadDataEncoderTest {
    private static String encode(boolean raw, List<Column> cols, Object... values) {
        ByteSink sink = new ByteSink(64);
        new LoadDataEncoder("t", cols, raw).appendRow(sink, Row.of(values), 1);
        return new String(sink.buf, 0, sink.size, StandardCharsets.UTF_8);
    }

    @Test
    void escapesTextAndWritesNullAsBackslashN() {
        List<Column> cols = List.of(Column.of("a", SqlType.ofLength(NVARCHAR, 50), true),
                Column.of("b", SqlType.ofLength(NVARCHAR, 50), true), Column.of("c", SqlType.ofLength(NCHAR, 4), true));
        assertThat(encode(false, cols, "tab\there\\new\nline\r\0 😀 é", null, "ab"))
                .isEqualTo("tab\\there\\\\new\\nline\\r\\0 😀 é\t\\N\tab  ");
    }

    @Test
    void binaryAsHexOrEscapedRawBytes() {
        List<Column> cols = List.of(Column.of("b", SqlType.ofLength(VARBINARY, 10), true));
        assertThat(encode(false, cols, (Object) new byte[] {0, 9, (byte) 0xFF})).isEqualTo("0009ff");
        ByteSink sink = new ByteSink(8);
        new LoadDataEncoder("t", cols, true).appendRow(sink, Row.of((Object) new byte[] {0, 9, 10, 92, 65}), 1);
        assertThat(java.util.Arrays.copyOf(sink.buf, sink.size)).containsExactly('\\', '0', '\\', 't', '\\', 'n', '\\', '\\', 'A');
    }

    @Test
    void temporalValuesAreTruncatedAndOffsetsWrittenInUtc() {
        List<Column> cols = List.of(Column.of("a", SqlType.fractional(DATETIME2, 7), true),
                Column.of("b", SqlType.fractional(DATETIMEOFFSET, 7), true), Column.of("c", SqlType.of(DATETIME), true),
                Column.of("d", SqlType.of(BIT), true), Column.of("e", SqlType.decimal(DECIMAL, 38, 10), true));
        assertThat(encode(false, cols, LocalDateTime.parse("2024-02-29T12:34:56.1234567"),
                OffsetDateTime.parse("0001-01-02T00:30:00.9999999+01:00"), LocalDateTime.parse("2024-02-29T12:34:56.0066667"),
                true, new BigDecimal("1E-10")))
                .isEqualTo("2024-02-29 12:34:56.123456\t0001-01-01 23:30:00.999999\t2024-02-29 12:34:56.007\t1\t0.0000000001");
    }

    @Test
    void anUnpairedSurrogateIsRefusedWithTheColumnNamed() {
        List<Column> cols = List.of(Column.of("a", SqlType.ofLength(NVARCHAR, 50), true));
        assertThatThrownBy(() -> encode(false, cols, "x\uD800y")).isInstanceOf(MirrorException.class)
                .hasMessageContaining("column 'a'").hasMessageContaining("U+D800");
    }
}
