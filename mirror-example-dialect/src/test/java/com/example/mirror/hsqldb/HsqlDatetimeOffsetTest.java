package com.example.mirror.hsqldb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.dialect.BulkProgress;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * Dates before the Gregorian reform keep their proleptic Gregorian value in HSQLDB (bound as text by
 * {@link HsqlBinder}), and only {@code getObject(int)} of a TIMESTAMP WITH TIME ZONE reads them in the Julian
 * calendar, which {@link HsqlDialectConformanceTest} allows for.
 */
class HsqlDatetimeOffsetTest {
    /**
     * What HSQLDB's {@code getObject(int)} returns for {@code t}: the instant whose Julian-calendar fields are
     * {@code t}'s, shown in the proleptic Gregorian calendar (0001-01-02 becomes 0000-12-31).
     */
    static OffsetDateTime asHsqldbReadsIt(OffsetDateTime t) {
        GregorianCalendar hybrid = new GregorianCalendar(TimeZone.getTimeZone(t.getOffset()));
        hybrid.clear();
        hybrid.set(t.getYear(), t.getMonthValue() - 1, t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        return Instant.ofEpochMilli(hybrid.getTimeInMillis()).atOffset(t.getOffset()).withNano(t.getNano());
    }

    @Test
    void earlyDatesAreStoredProlepticGregorian() throws Exception {
        HsqlDialect d = new HsqlDialect();
        TableSchema schema = new TableSchema("t", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of("at", SqlType.fractional(SqlServerType.DATETIMEOFFSET, 7), true),
                Column.of("day", SqlType.of(SqlServerType.DATE), true)), List.of("id"));
        OffsetDateTime early = OffsetDateTime.of(1, 1, 2, 0, 0, 0, 0, ZoneOffset.ofHours(1));
        try (Connection c = DriverManager.getConnection("jdbc:hsqldb:mem:offsets", "SA", "");
             Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(d.ddl().createTable("t", schema).get(0));
            d.bulk().bulkLoad(c, "t", schema, List.of(Row.of(1, early, LocalDate.of(1, 1, 1))).iterator(), BulkProgress.NONE);
            c.commit();
            try (ResultSet rs = s.executeQuery("SELECT \"at\", CAST(\"at\" AS VARCHAR(60)), \"day\" FROM \"t\"")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, OffsetDateTime.class)).isEqualTo(early);
                assertThat(rs.getString(2)).startsWith("0001-01-02 00:00:00");
                assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.of(1, 1, 1));
                assertThat(rs.getObject(1)).as("HSQLDB's getObject(int)").isEqualTo(asHsqldbReadsIt(early))
                        .isEqualTo(OffsetDateTime.of(0, 12, 31, 0, 0, 0, 0, ZoneOffset.ofHours(1)));
            }
        }
    }
}
