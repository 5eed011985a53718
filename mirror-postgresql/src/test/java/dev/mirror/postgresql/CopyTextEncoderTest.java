package dev.mirror.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CopyTextEncoderTest {
    private static String encode(String type, Object value) {
        CopyTextEncoder e = new CopyTextEncoder("t", java.util.List.of(Column.of("c", SqlType.parse(type), true)));
        StringBuilder b = new StringBuilder();
        e.appendValue(b, 0, value, 1);
        return b.toString();
    }

    @Test
    void escapesTextSpecials() {
        assertThat(encode("nvarchar(max)", "a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re");
        assertThat(encode("nvarchar(max)", "\\.")).isEqualTo("\\\\.");
        assertThat(encode("nvarchar(max)", "\\N")).isEqualTo("\\\\N");
        assertThat(encode("nvarchar(max)", "Ærø 名前 😀 'q' \"d\"")).isEqualTo("Ærø 名前 😀 'q' \"d\"");
        assertThat(encode("nvarchar(max)", "")).isEqualTo("");
        assertThat(encode("nvarchar(max)", null)).isEqualTo("\\N");
    }

    @Test
    void rejectsNulNamingTableAndColumn() {
        assertThatThrownBy(() -> encode("nvarchar(10)", "a\0b")).isInstanceOfSatisfying(MirrorException.class, e -> {
            assertThat(e.code()).isEqualTo("VALUE_UNSUPPORTED");
            assertThat(e.getMessage()).contains("'t'").contains("'c'").contains("NUL");
        });
    }

    @Test
    void rejectsUnpairedSurrogatesButKeepsPairs() {
        assertThat(encode("nvarchar(10)", "a\uD83D\uDE00b")).isEqualTo("a😀b");
        assertThatThrownBy(() -> encode("nvarchar(10)", "a\uD83Db")).isInstanceOfSatisfying(MirrorException.class,
                e -> assertThat(e.getMessage()).contains("'c'").contains("surrogate").contains("D83D"));
        assertThatThrownBy(() -> encode("nvarchar(10)", "\uDE00")).isInstanceOf(MirrorException.class);
        assertThatThrownBy(() -> encode("nvarchar(10)", "x\uD83D")).isInstanceOf(MirrorException.class);
    }

    @Test
    void encodesNumbersAndBooleans() {
        assertThat(encode("int", 42)).isEqualTo("42");
        assertThat(encode("tinyint", (short) 255)).isEqualTo("255");
        assertThat(encode("bigint", Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
        assertThat(encode("bit", true)).isEqualTo("t");
        assertThat(encode("bit", false)).isEqualTo("f");
        assertThat(encode("decimal(30,10)", new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(encode("money", new BigDecimal("-922337203685477.5808"))).isEqualTo("-922337203685477.5808");
        assertThat(encode("float", Double.NaN)).isEqualTo("NaN");
        assertThat(encode("float", Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(encode("float", Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(encode("float", 1e300)).isEqualTo("1.0E300");
        assertThat(encode("float", -0.0)).isEqualTo("-0.0");
        assertThat(encode("real", 0.1f)).isEqualTo("0.1");
        assertThat(encode("real", Float.NaN)).isEqualTo("NaN");
    }

    @Test
    void encodesTemporalValuesTruncatingToTheColumn() {
        LocalDateTime t = LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_900);
        assertThat(encode("datetime2(7)", t)).isEqualTo("2024-02-29 23:59:59.999999");
        assertThat(encode("datetime2(2)", t)).isEqualTo("2024-02-29 23:59:59.99");
        assertThat(encode("datetime", LocalDateTime.of(2024, 1, 1, 0, 0, 0, 997_000_000))).isEqualTo("2024-01-01 00:00:00.997");
        assertThat(encode("smalldatetime", LocalDateTime.of(1900, 1, 1, 12, 30))).isEqualTo("1900-01-01 12:30:00");
        assertThat(encode("datetime2", LocalDateTime.of(1, 1, 1, 0, 0))).isEqualTo("0001-01-01 00:00:00");
        assertThat(encode("date", LocalDate.of(9999, 12, 31))).isEqualTo("9999-12-31");
        assertThat(encode("time(7)", LocalTime.of(23, 59, 59, 999_999_999))).isEqualTo("23:59:59.999999");
        assertThat(encode("time(0)", LocalTime.of(8, 5))).isEqualTo("08:05:00");
        assertThat(encode("datetimeoffset(7)", OffsetDateTime.of(2024, 1, 1, 1, 0, 0, 123_456_789, ZoneOffset.ofHours(2))))
                .isEqualTo("2023-12-31 23:00:00.123456+00");
    }

    /** datetime is rounded to SQL Server's 1/300 s tick as SQL Server shows it, not truncated to milliseconds. */
    @Test
    void datetimeRoundsToTheSqlServerTick() {
        assertThat(encode("datetime", LocalDateTime.parse("2024-02-29T12:34:56.0066667"))).isEqualTo("2024-02-29 12:34:56.007");
        assertThat(encode("datetime", LocalDateTime.parse("2024-02-29T12:34:56.0033333"))).isEqualTo("2024-02-29 12:34:56.003");
        assertThat(encode("datetime", LocalDateTime.parse("2024-02-29T12:34:56.995"))).isEqualTo("2024-02-29 12:34:56.997");
        assertThat(encode("datetime", LocalDateTime.parse("1998-12-31T23:59:59.999"))).isEqualTo("1999-01-01 00:00:00");
        assertThat(encode("datetime2(3)", LocalDateTime.parse("2024-02-29T12:34:56.0066667"))).as("datetime2 still truncates")
                .isEqualTo("2024-02-29 12:34:56.006");
    }

    @Test
    void encodesUuidAndBytea() {
        UUID u = UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        assertThat(encode("uniqueidentifier", u)).isEqualTo("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        assertThat(encode("varbinary(max)", new byte[] {0, 10, (byte) 0xff, 0x5c})).isEqualTo("\\\\x000aff5c");
        assertThat(encode("image", new byte[0])).isEqualTo("\\\\x");
    }

    @Test
    void rejectsWrongJavaTypesClearly() {
        assertThatThrownBy(() -> encode("int", "12")).isInstanceOfSatisfying(MirrorException.class,
                e -> assertThat(e.getMessage()).contains("column 'c'").contains("java.lang.String").contains("int"));
        assertThatThrownBy(() -> encode("datetime", LocalDate.of(2020, 1, 1))).isInstanceOf(MirrorException.class);
    }

    @Test
    void encodesWholeRowsAndChecksTheirShape() {
        CopyTextEncoder e = new CopyTextEncoder("t", java.util.List.of(Column.of("a", SqlType.parse("int"), false),
                Column.of("b", SqlType.parse("nvarchar(5)"), true)));
        StringBuilder b = new StringBuilder();
        e.appendRow(b, Row.of(1, null), 1);
        assertThat(b).hasToString("1\t\\N");
        assertThatThrownBy(() -> e.appendRow(new StringBuilder(), Row.of(1), 7))
                .isInstanceOf(MirrorException.class).hasMessageContaining("row 7").hasMessageContaining("2 columns");
    }
}
