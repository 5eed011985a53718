package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MonikerDecoderTest {
    private static Object d(String value, String type) {
        return MonikerDecoder.decode(value, Column.of("c", SqlType.parse(type), true));
    }

    @Test
    void decodesEachMonikerIntoTheColumnsType() {
        assertThat(d("[I:135]", "int")).isEqualTo(135);
        assertThat(d("[I:135]", "bigint")).isEqualTo(135L);
        assertThat(d("[S:0]", "smallint")).isEqualTo((short) 0);
        assertThat(d("[I:7]", "tinyint")).isEqualTo((short) 7);
        assertThat(d("[I:1]", "bit")).isEqualTo(true);
        assertThat(d("[F:1.5]", "float")).isEqualTo(1.5d);
        assertThat(d("[F:1.5]", "real")).isEqualTo(1.5f);
        assertThat(d("[F:1.5]", "decimal(10,2)")).isEqualTo(new BigDecimal("1.5"));
        assertThat(d("[M:12.3400]", "money")).isEqualTo(new BigDecimal("12.3400"));
        assertThat(d("[DT:05/18/2020 10:40:43.0000000]", "datetime")).isEqualTo(LocalDateTime.of(2020, 5, 18, 10, 40, 43));
        assertThat(d("[DT:05/18/2020 10:40:43.1234567]", "datetime2")).isEqualTo(LocalDateTime.of(2020, 5, 18, 10, 40, 43, 123456700));
        assertThat(d("[DT:01/01/1760 00:00:00.0000000]", "datetime")).isEqualTo(LocalDateTime.of(1760, 1, 1, 0, 0));
        assertThat(d("[D:05/18/2020]", "date")).isEqualTo(LocalDate.of(2020, 5, 18));
        assertThat(d("[DT:05/18/2020 00:00:00.0000000]", "date")).isEqualTo(LocalDate.of(2020, 5, 18));
        assertThat(d("[T:10:40:43.5000000]", "time")).isEqualTo(LocalTime.of(10, 40, 43, 500000000));
        assertThat(d("[TS:01:02:03]", "time")).isEqualTo(LocalTime.of(1, 2, 3));
        assertThat(d("[TS:0.01:02:03.5]", "time")).isEqualTo(LocalTime.of(1, 2, 3, 500000000));
        assertThat((byte[]) d("[B:AQID]", "varbinary(max)")).containsExactly(1, 2, 3);
        assertThat((byte[]) d("[A:1,2]", "varbinary(8)")).containsExactly(1, 0, 0, 0, 2, 0, 0, 0);
        assertThat(d("Nonnast, Leon", "nvarchar(255)")).isEqualTo("Nonnast, Leon");
        assertThat(d("[I:5]", "nvarchar(10)")).as("strings are taken as they are").isEqualTo("[I:5]");
        assertThat(d("", "nvarchar(10)")).isEqualTo("");
        assertThat(d(null, "int")).isNull();
        UUID u = UUID.randomUUID();
        assertThat(d(u.toString(), "uniqueidentifier")).isEqualTo(u);
    }

    @Test
    void valuesThatDoNotFitAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> d("[I:70000]", "smallint")).hasMessageContaining("column 'c' (smallint) cannot hold a [I:] int value");
        assertThatThrownBy(() -> d("[F:1.5]", "int")).hasMessageContaining("cannot hold");
        assertThatThrownBy(() -> d("[I:300]", "tinyint")).hasMessageContaining("0..255");
        assertThatThrownBy(() -> d("[DT:secret-ish]", "datetime")).hasMessageContaining("not in the expected format")
                .hasMessageNotContaining("secret-ish");
        assertThatThrownBy(() -> d("[DT:05/18/2020 10:40:43.0000000]", "int")).hasMessageContaining("[DT:] datetime");
        assertThatThrownBy(() -> d("[DT:05/18/2020 10:40:43.0000000]", "date")).hasMessageContaining("time of day");
        assertThatThrownBy(() -> d("[Q:1]", "int")).hasMessageContaining("unknown moniker");
        assertThatThrownBy(() -> d("[DS:1]", "int")).hasMessageContaining("unknown moniker [DS:]");
        assertThatThrownBy(() -> d("[TT:1]", "time")).hasMessageContaining("unknown moniker [TT:]");
        assertThatThrownBy(() -> d("[i:1]", "int")).hasMessageContaining("unknown moniker [i:]");
        assertThatThrownBy(() -> d("[I:abc]", "int")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> d("[B:!!!]", "varbinary(10)")).hasMessageContaining("cannot hold");
        assertThatThrownBy(() -> d("not-a-guid-personal", "uniqueidentifier")).hasMessageNotContaining("personal");
        assertThatThrownBy(() -> d("[I:2]", "bit")).hasMessageContaining("0 or 1");
    }
}
