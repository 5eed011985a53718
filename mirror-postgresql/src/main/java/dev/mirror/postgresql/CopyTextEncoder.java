package dev.mirror.postgresql;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlServerType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Encodes row values in PostgreSQL's COPY text format
 * (<a href="https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.2">COPY, Text Format</a>):
 * fields separated by a tab, rows ended by a newline, NULL as {@code \N}, and a backslash, tab, newline and
 * carriage return inside a value escaped as {@code \\}, {@code \t}, {@code \n}, {@code \r}. Because every
 * backslash is escaped, the end-of-data marker {@code \.} can never appear in a value.
 *
 * <p>bytea goes in hex form ({@code \x0a1b}, its backslash escaped for COPY), temporal values in ISO form
 * truncated to the column's fractional digits ({@link PgTemporal}), except {@code datetime}, which is first rounded
 * to SQL Server's 1/300 s tick as SQL Server shows it ({@code .0066667} is {@code .007},
 * {@link dev.mirror.api.model.SqlServerDatetime}), floats through Java's shortest
 * round-tripping text (PostgreSQL reads {@code NaN}, {@code Infinity}, {@code -Infinity} as Java prints
 * them). A NUL character cannot be stored in PostgreSQL text at all, and an unpaired UTF-16 surrogate (which
 * SQL Server's UCS-2 nvarchar accepts) has no UTF-8 form; a string containing either is rejected with the table
 * and column named rather than silently altered.
 */
final class CopyTextEncoder {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String table;
    private final List<Column> columns;
    private final int[] digits;

    CopyTextEncoder(String table, List<Column> columns) {
        this.table = requireNonNull(table, "table is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.digits = new int[this.columns.size()];
        for (int i = 0; i < digits.length; i++) {
            SqlServerType base = this.columns.get(i).type().base();
            digits[i] = switch (base) {
                case DATETIME -> 3;
                case SMALLDATETIME -> 0;
                case DATETIME2, TIME, DATETIMEOFFSET -> PostgresTypes.fraction(this.columns.get(i).type());
                default -> 9;
            };
        }
    }

    /** Appends the row's fields, tab-separated, without the line end. */
    void appendRow(StringBuilder b, Row row, long rowNumber) {
        if (row.size() != columns.size()) {
            throw MirrorException.source("ROW_SHAPE", false, "table '" + table + "' row " + rowNumber + " has " + row.size()
                    + " values but the table has " + columns.size() + " columns", null);
        }
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                b.append('\t');
            }
            appendValue(b, i, row.get(i), rowNumber);
        }
    }

    void appendValue(StringBuilder b, int column, Object v, long rowNumber) {
        if (v == null) {
            b.append("\\N");
            return;
        }
        Column c = columns.get(column);
        try {
            switch (c.type().base().family()) {
                case INTEGER -> b.append(integral(v));
                case BOOLEAN -> b.append(bool(v) ? 't' : 'f');
                case APPROXIMATE_NUMERIC, EXACT_NUMERIC -> b.append(number(v));
                case CHARACTER -> appendText(b, text(v), c, rowNumber);
                case DATETIME -> PgTemporal.appendTimestamp(b, c.type().base() == SqlServerType.DATETIME
                        ? SqlServerDatetime.round(dateTime(v)) : dateTime(v), digits[column]);
                case DATE -> PgTemporal.appendDate(b, date(v));
                case TIME -> PgTemporal.appendTime(b, time(v), digits[column]);
                case DATETIMEOFFSET -> PgTemporal.appendTimestampTz(b, offsetDateTime(v), digits[column]);
                case UUID -> b.append(v instanceof UUID u ? u.toString() : UUID.fromString((String) v).toString());
                case BINARY -> appendBytea(b, (byte[]) v);
                default -> throw new IllegalStateException("unhandled type family " + c.type().base().family());
            }
        } catch (ClassCastException | IllegalArgumentException | ArithmeticException e) {
            throw MirrorException.source("VALUE_INVALID", false, "table '" + table + "' column '" + c.name() + "' ("
                    + c.type() + ") row " + rowNumber + ": cannot write a " + v.getClass().getName() + " value to PostgreSQL ("
                    + e.getMessage() + "); expected " + c.type().base().javaType().getSimpleName(), e);
        }
    }

    private void appendText(StringBuilder b, String s, Column c, long rowNumber) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\0' -> throw MirrorException.target("VALUE_UNSUPPORTED", false, "table '" + table + "' column '"
                        + c.name() + "' row " + rowNumber + ": the value contains a NUL character (U+0000) at position " + i
                        + ", which PostgreSQL text cannot store; remove it in the source or block the table", null);
                default -> {
                    if (Character.isSurrogate(ch) && !pairedAt(s, i)) {
                        throw MirrorException.target("VALUE_UNSUPPORTED", false, "table '" + table + "' column '" + c.name()
                                + "' row " + rowNumber + ": the value has an unpaired UTF-16 surrogate (U+"
                                + Integer.toHexString(ch).toUpperCase(java.util.Locale.ROOT) + ") at position " + i
                                + ", which is not valid Unicode and cannot be stored in PostgreSQL's UTF-8 text without "
                                + "altering it; fix the value in the source or block the table", null);
                    }
                    b.append(ch);
                }
            }
        }
    }

    /** Whether the surrogate at {@code i} is half of a valid pair (high followed by low, or low preceded by high). */
    private static boolean pairedAt(String s, int i) {
        char ch = s.charAt(i);
        return Character.isHighSurrogate(ch) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** bytea hex format; the leading backslash is itself escaped for COPY text. */
    static void appendBytea(StringBuilder b, byte[] bytes) {
        b.append("\\\\x");
        for (byte x : bytes) {
            b.append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
        }
    }

    private static String integral(Object v) {
        if (v instanceof Short || v instanceof Integer || v instanceof Long || v instanceof Byte) {
            return v.toString();
        }
        if (v instanceof BigDecimal d) {
            return d.toBigIntegerExact().toString();
        }
        if (v instanceof java.math.BigInteger i) {
            return i.toString();
        }
        throw new ClassCastException("not an integer");
    }

    private static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.longValue() != 0;
        }
        throw new ClassCastException("not a boolean");
    }

    private static String number(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number) {
            return v.toString(); // Double/Float print NaN, Infinity, -Infinity and exponents as PostgreSQL reads them
        }
        throw new ClassCastException("not a number");
    }

    private static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Character ch) {
            return ch.toString();
        }
        throw new ClassCastException("not a string");
    }

    private static LocalDateTime dateTime(Object v) {
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        return (LocalDateTime) v;
    }

    private static LocalDate date(Object v) {
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) v;
    }

    private static LocalTime time(Object v) {
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        return (LocalTime) v;
    }

    private static OffsetDateTime offsetDateTime(Object v) {
        if (v instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return (OffsetDateTime) v;
    }
}
