package dev.mirror.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueNormalizerTest {
    private static String n(SqlType t, Object v) {
        return ValueNormalizer.normalize(t, v);
    }

    @Test
    void documentedLossesCompareEqual() {
        SqlType dt2 = SqlType.fractional(SqlServerType.DATETIME2, 7);
        assertThat(n(dt2, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789)))
                .isEqualTo(n(dt2, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000)));
        SqlType time = SqlType.fractional(SqlServerType.TIME, 7);
        assertThat(n(time, LocalTime.of(1, 2, 3, 999_999_900))).isEqualTo(n(time, LocalTime.of(1, 2, 3, 999_999_000)));
        SqlType dto = SqlType.fractional(SqlServerType.DATETIMEOFFSET, 7);
        assertThat(n(dto, OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo(n(dto, OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC)));
        SqlType ch = SqlType.ofLength(SqlServerType.NCHAR, 5);
        assertThat(n(ch, "ab   ")).isEqualTo(n(ch, "ab"));
        SqlType dec = SqlType.decimal(SqlServerType.DECIMAL, 10, 4);
        assertThat(n(dec, new BigDecimal("1.5000"))).isEqualTo(n(dec, new BigDecimal("1.5")));
        assertThat(n(dec, new BigDecimal("0.0000"))).isEqualTo(n(dec, BigDecimal.ZERO));
        UUID u = UUID.randomUUID();
        assertThat(n(SqlType.of(SqlServerType.UNIQUEIDENTIFIER), u))
                .isEqualTo(n(SqlType.of(SqlServerType.UNIQUEIDENTIFIER), u.toString().toUpperCase()));
        assertThat(n(SqlType.of(SqlServerType.SMALLINT), (short) 7)).isEqualTo(n(SqlType.of(SqlServerType.SMALLINT), 7L));
    }

    @Test
    void realDifferencesStayDifferent() {
        SqlType dt2 = SqlType.fractional(SqlServerType.DATETIME2, 7);
        assertThat(n(dt2, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 1_000)))
                .isNotEqualTo(n(dt2, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 2_000)));
        SqlType nv = SqlType.ofLength(SqlServerType.NVARCHAR, 10);
        assertThat(n(nv, "ab ")).isNotEqualTo(n(nv, "ab"));
        assertThat(n(nv, "x")).isNotEqualTo(n(nv, "X"));
        assertThat(n(nv, "")).isNotNull();
        assertThat(n(nv, null)).isNull();
        SqlType dec = SqlType.decimal(SqlServerType.DECIMAL, 10, 4);
        assertThat(n(dec, new BigDecimal("1.5001"))).isNotEqualTo(n(dec, new BigDecimal("1.5")));
        assertThat(n(SqlType.of(SqlServerType.BIT), true)).isNotEqualTo(n(SqlType.of(SqlServerType.BIT), false));
        assertThat(n(SqlType.ofLength(SqlServerType.VARBINARY, 4), new byte[] {1, 2}))
                .isNotEqualTo(n(SqlType.ofLength(SqlServerType.VARBINARY, 4), new byte[] {1, 3}));
    }

    @Test
    void datetimeKeepsMillisecondsOnly() {
        SqlType dt = SqlType.of(SqlServerType.DATETIME);
        assertThat(n(dt, LocalDateTime.of(2024, 1, 1, 0, 0, 0, 3_000_000))).isEqualTo("2024-01-01T00:00:00.003");
    }
}
