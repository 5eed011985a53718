package dev.mirror.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SqlServerDatetimeTest {
    private static LocalDateTime at(String fraction) {
        return LocalDateTime.parse("2024-02-29T12:34:56" + fraction);
    }

    @Test
    void ticksShowAsSqlServerShowsThem() {
        assertThat(SqlServerDatetime.round(at(".0066667"))).isEqualTo(at(".007"));
        assertThat(SqlServerDatetime.round(at(".0033333"))).isEqualTo(at(".003"));
        assertThat(SqlServerDatetime.round(at(".006666666"))).isEqualTo(at(".007"));
        assertThat(SqlServerDatetime.round(at(".123"))).isEqualTo(at(".123"));
        assertThat(SqlServerDatetime.round(at(".997"))).isEqualTo(at(".997"));
    }

    /** The table of Microsoft's datetime page, "Rounding of datetime fractional second precision". */
    @Test
    void millisecondsRoundToTheDocumentedIncrements() {
        for (String ms : new String[] {".990", ".991"}) {
            assertThat(SqlServerDatetime.round(at(ms))).as(ms).isEqualTo(at(".990"));
        }
        for (String ms : new String[] {".992", ".993", ".994"}) {
            assertThat(SqlServerDatetime.round(at(ms))).as(ms).isEqualTo(at(".993"));
        }
        for (String ms : new String[] {".995", ".996", ".997", ".998"}) {
            assertThat(SqlServerDatetime.round(at(ms))).as(ms).isEqualTo(at(".997"));
        }
        assertThat(SqlServerDatetime.round(LocalDateTime.parse("1998-01-01T23:59:59.999")))
                .isEqualTo(LocalDateTime.parse("1998-01-02T00:00:00"));
    }

    @Test
    void valuesOnTheGridAreUnchangedAndNullStaysNull() {
        for (int tick = 0; tick < 300; tick++) {
            LocalDateTime shown = SqlServerDatetime.round(at("").plusNanos(Math.round(tick * 1e9 / 300)));
            assertThat(SqlServerDatetime.round(shown)).isEqualTo(shown);
            assertThat(shown.getNano() % 1_000_000).isZero();
        }
        assertThat(SqlServerDatetime.round(null)).isNull();
    }
}
