package dev.mirror.dialect.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DefaultLiteralsTest {
    @Test
    void readsTheUnambiguousDateTimeSpellings() {
        LocalDateTime noon = LocalDateTime.of(2020, 1, 31, 12, 0);
        assertThat(DefaultLiterals.dateTime("2020-01-31 12:00:00")).contains(noon);
        assertThat(DefaultLiterals.dateTime(" 20200131 12:00:00.250 ")).contains(noon.plusNanos(250_000_000));
        assertThat(DefaultLiterals.dateTime("2020-01-31T12:00:00")).contains(noon);
        assertThat(DefaultLiterals.dateTime("2020-01-31 12:00:00.1234567")).contains(noon.plusNanos(123_456_700));
        assertThat(DefaultLiterals.dateTime("01/31/2020")).as("depends on the language setting").isEmpty();
        assertThat(DefaultLiterals.dateTime("2020-02-30 00:00:00")).isEmpty();
    }

    @Test
    void readsDatesAndUuids() {
        assertThat(DefaultLiterals.date("2020-01-31")).contains(LocalDate.of(2020, 1, 31));
        assertThat(DefaultLiterals.date("20200131")).contains(LocalDate.of(2020, 1, 31));
        assertThat(DefaultLiterals.date("Jan 31 2020")).isEmpty();
        String id = "0E984725-C51C-4BF4-9960-E1C80E27ABA0";
        assertThat(DefaultLiterals.uuid(id)).contains(UUID.fromString(id));
        assertThat(DefaultLiterals.uuid("1-2-3-4-5")).isEmpty();
        assertThat(DefaultLiterals.uuid("not a uuid")).isEmpty();
    }
}
