package dev.mirror.postgresql;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Temporal values in the text form PostgreSQL's input functions accept whatever {@code DateStyle} and
 * {@code TimeZone} say: ISO 8601 dates ({@code 2024-01-31}), 24-hour times, and an explicit {@code +00}
 * offset for {@code timestamptz}.
 *
 * <p>Fractional seconds beyond what the column keeps are <strong>truncated</strong> here, before they reach
 * the server (the server itself would round). Truncation was chosen because rounding can carry into the
 * next second, day or year (and {@code time} would become {@code 24:00:00}, which Java's {@code LocalTime}
 * cannot represent), whereas truncation keeps every value inside the source's second.
 */
final class PgTemporal {
    private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    private static final long EPOCH_2000_SECONDS = 946_684_800L;
    private static final long EPOCH_2000_DAYS = 10_957L;
    /** PostgreSQL's END_TIMESTAMP (294277-01-01 00:00, the first value it cannot hold), microseconds since 2000. */
    static final long END_TIMESTAMP = 9_223_371_331_200_000_000L;
    /** PostgreSQL's END_DATE (5874898-01-01, the first date it cannot hold), days since 2000. */
    static final int END_DATE = 2_145_031_949;

    private PgTemporal() {
    }

    /** Drops the nanoseconds beyond {@code digits} fractional digits (0..9). */
    static int truncateNanos(int nanos, int digits) {
        int unit = POW10[9 - Math.max(0, Math.min(9, digits))];
        return nanos - nanos % unit;
    }

    static LocalDateTime truncate(LocalDateTime v, int digits) {
        return v.withNano(truncateNanos(v.getNano(), digits));
    }

    static LocalTime truncate(LocalTime v, int digits) {
        return v.withNano(truncateNanos(v.getNano(), digits));
    }

    static OffsetDateTime truncate(OffsetDateTime v, int digits) {
        return v.withNano(truncateNanos(v.getNano(), digits));
    }

    static String timestamp(LocalDateTime v) {
        StringBuilder b = new StringBuilder(26);
        appendTimestamp(b, v, 9);
        return b.toString();
    }

    /** Refuses a date before year 1 (both COPY formats; the encoders report it as an invalid value). */
    static void requireYear(LocalDate d) {
        if (d.getYear() < 1) {
            // SQL Server's types start at year 1; PostgreSQL would need the "BC" spelling for such a value.
            throw new IllegalArgumentException("date " + d + " is before year 1, which no SQL Server type can hold");
        }
    }

    static void appendDate(StringBuilder b, LocalDate d) {
        requireYear(d);
        b.append(pad4(d.getYear())).append('-');
        pad2(b, d.getMonthValue());
        b.append('-');
        pad2(b, d.getDayOfMonth());
    }

    static void appendTime(StringBuilder b, LocalTime t, int digits) {
        pad2(b, t.getHour());
        b.append(':');
        pad2(b, t.getMinute());
        b.append(':');
        pad2(b, t.getSecond());
        int nanos = truncateNanos(t.getNano(), digits);
        if (nanos != 0) {
            String n = Integer.toString(1_000_000_000 + nanos).substring(1);
            int end = n.length();
            while (n.charAt(end - 1) == '0') {
                end--;
            }
            b.append('.').append(n, 0, end);
        }
    }

    static void appendTimestamp(StringBuilder b, LocalDateTime v, int digits) {
        appendDate(b, v.toLocalDate());
        b.append(' ');
        appendTime(b, v.toLocalTime(), digits);
    }

    /** The instant in UTC with an explicit offset: PostgreSQL stores the instant only. */
    static void appendTimestampTz(StringBuilder b, OffsetDateTime v, int digits) {
        OffsetDateTime utc = v.withOffsetSameInstant(ZoneOffset.UTC);
        appendDate(b, utc.toLocalDate());
        b.append(' ');
        appendTime(b, utc.toLocalTime(), digits);
        b.append("+00");
    }

    /**
     * Microseconds since 2000-01-01 00:00 (PostgreSQL's binary {@code timestamp}), truncated to {@code digits} as
     * {@link #appendTimestamp} truncates. A value past PostgreSQL's last timestamp (294276-12-31) becomes
     * {@link #END_TIMESTAMP}, which the server refuses ("timestamp out of range", SQLSTATE 22008) as it refuses the
     * text form: never {@code Long.MAX_VALUE}, which the server would store as {@code infinity}.
     */
    static long timestampMicros(LocalDateTime v, int digits) {
        requireYear(v.toLocalDate());
        try {
            long micros = Math.addExact(Math.multiplyExact(v.toEpochSecond(ZoneOffset.UTC) - EPOCH_2000_SECONDS, 1_000_000L),
                    truncateNanos(v.getNano(), digits) / 1000);
            return Math.min(micros, END_TIMESTAMP);
        } catch (ArithmeticException e) {
            return END_TIMESTAMP;
        }
    }

    /** As {@link #timestampMicros} for the instant, as {@link #appendTimestampTz} writes it (UTC). */
    static long timestampTzMicros(OffsetDateTime v, int digits) {
        return timestampMicros(v.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), digits);
    }

    /** Days since 2000-01-01 (binary {@code date}); past PostgreSQL's last date, {@link #END_DATE} (refused, not infinity). */
    static int dateDays(LocalDate d) {
        requireYear(d);
        return (int) Math.min(d.toEpochDay() - EPOCH_2000_DAYS, END_DATE);
    }

    /** Microseconds since midnight (binary {@code time}), truncated to {@code digits}. */
    static long timeMicros(LocalTime t, int digits) {
        return t.toSecondOfDay() * 1_000_000L + truncateNanos(t.getNano(), digits) / 1000;
    }

    private static String pad4(int y) {
        String s = Integer.toString(y);
        return s.length() >= 4 ? s : "0000".substring(s.length()) + s;
    }

    private static void pad2(StringBuilder b, int v) {
        if (v < 10) {
            b.append('0');
        }
        b.append(v);
    }
}
