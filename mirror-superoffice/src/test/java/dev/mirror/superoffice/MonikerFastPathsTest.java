package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class MonikerFastPathsTest {
    private static Column col(String type) {
        return Column.of("c", SqlType.parse(type), true);
    }

    @Test
    void plainIntegersAndDatetimesDecodeAsTheGeneralPathDid() {
        assertThat(MonikerDecoder.decode("[I:135]", col("int"))).isEqualTo(135);
        assertThat(MonikerDecoder.decode("[I:-7]", col("bigint"))).isEqualTo(-7L);
        assertThat(MonikerDecoder.decode("[S:3]", col("smallint"))).isEqualTo((short) 3);
        assertThat(MonikerDecoder.decode("[I:255]", col("tinyint"))).isEqualTo((short) 255);
        assertThat(MonikerDecoder.decode("[I:1.0]", col("int"))).as("not plain: the general path").isEqualTo(1);
        assertThat(MonikerDecoder.decode("[DT:05/18/2020 10:40:43.1234567]", col("datetime2(7)")))
                .isEqualTo(LocalDateTime.of(2020, 5, 18, 10, 40, 43, 123_456_700));
        assertThat(MonikerDecoder.decode("[DT:12/31/1999 23:59:59]", col("datetime"))).isEqualTo(LocalDateTime.of(1999, 12, 31, 23, 59, 59));
        assertThat(MonikerDecoder.decode("[DT:05/18/2020 10:40:43.5]", col("datetime")))
                .isEqualTo(LocalDateTime.of(2020, 5, 18, 10, 40, 43, 500_000_000));
    }

    @Test
    void otherValuesGoThroughTheGeneralPathUnchanged() {
        assertThat(MonikerFastPaths.integer("2147483648", SqlServerType.INT)).isNull();
        assertThat(MonikerFastPaths.integer("256", SqlServerType.TINYINT)).isNull();
        assertThat(MonikerFastPaths.dateTime("02/30/2020 10:00:00")).isNull();
        assertThat(MonikerFastPaths.dateTime("2020-05-18 10:00:00")).isNull();
        assertThatThrownBy(() -> MonikerDecoder.decode("[I:2147483648]", col("int"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 'c'");
        // The general path's formatter resolves smartly (February 30 → 29), as it did before the fast path existed.
        assertThat(MonikerDecoder.decode("[DT:02/30/2020 10:00:00]", col("datetime"))).isEqualTo(LocalDateTime.of(2020, 2, 29, 10, 0));
    }
}
