package dev.mirror.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.model.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PlainCopyEncoderTest {
    private static String encode(Object... values) {
        StringBuilder b = new StringBuilder();
        PlainCopyEncoder.appendRow(b, Row.of(values));
        return b.toString();
    }

    @Test
    void escapesTheCharactersCopyTextReservesAndWritesNullAsBackslashN() {
        assertThat(encode("a\tb\nc\\d\re", null, "Ødegård 山田")).isEqualTo("a\\tb\\nc\\\\d\\re\t\\N\tØdegård 山田\n");
    }

    @Test
    void writesNumbersBooleansAndTemporalsInFormsPostgresReads() {
        assertThat(encode(1, 2L, (short) 3, 1.5, new BigDecimal("12.3400"), true, false))
                .isEqualTo("1\t2\t3\t1.5\t12.3400\tt\tf\n");
        assertThat(encode(LocalDateTime.of(1760, 1, 1, 0, 0), LocalDate.of(2024, 2, 29),
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(1))))
                .isEqualTo("1760-01-01 00:00:00.000000\t2024-02-29\t2024-01-02 03:04:05.000000+01:00\n");
        assertThat(encode(new UUID(0, 1))).isEqualTo("00000000-0000-0000-0000-000000000001\n");
    }

    @Test
    void writesByteaInHexWithItsBackslashEscaped() {
        assertThat(encode((Object) new byte[] {0x0a, (byte) 0xff})).isEqualTo("\\\\x0aff\n");
    }

    @Test
    void refusesAValueItCannotEncode() {
        assertThatThrownBy(() -> encode(new Object())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }
}
