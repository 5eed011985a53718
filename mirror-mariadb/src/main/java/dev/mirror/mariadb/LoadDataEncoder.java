package dev.mirror.mariadb;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Encodes row values for {@code LOAD DATA ... FIELDS TERMINATED BY X'09' ESCAPED BY X'5c' LINES TERMINATED BY X'0a'}
 * (<a href="https://mariadb.com/kb/en/load-data-infile/">LOAD DATA INFILE</a>): fields separated by a tab, rows ended by
 * a newline, NULL as {@code \N}, and a backslash, tab, newline, carriage return and NUL inside a value escaped as
 * {@code \\}, {@code \t}, {@code \n}, {@code \r}, {@code \0} (MariaDB text holds U+0000, unlike PostgreSQL's).
 *
 * <p>Text goes as UTF-8 (the load names {@code CHARACTER SET utf8mb4}); binary values as hex digits into a user variable
 * that the load's {@code SET col = UNHEX(@v)} decodes, or, with {@code rawBinary}, as the bytes themselves escaped the
 * same way (the load then names {@code CHARACTER SET binary}: no conversion at all, the text being UTF-8 already).
 * char/nchar(n) and binary(n) values are padded to n as SQL Server pads them (MariaDB's varchar keeps the padding;
 * binary(n) up to 255 pads itself). Temporal values are written in ISO form truncated to the column's fractional digits
 * (see {@link #digits}), except {@code datetime}, first rounded to SQL Server's 1/300 s tick as SQL Server shows it
 * ({@link SqlServerDatetime}); a datetimeoffset is written as its UTC instant. An unpaired UTF-16 surrogate (which SQL
 * Server's UCS-2 nvarchar accepts) has no UTF-8 form: such a value is refused with the table and column named.
 */
final class LoadDataEncoder {
    private static final byte[] NULL = {'\\', 'N'};
    private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    private final String table;
    private final List<Column> columns;
    private final int[] digits;
    private final boolean rawBinary;

    LoadDataEncoder(String table, List<Column> columns, boolean rawBinary) {
        this.table = requireNonNull(table, "table is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.rawBinary = rawBinary;
        this.digits = new int[this.columns.size()];
        for (int i = 0; i < digits.length; i++) {
            digits[i] = digits(this.columns.get(i).type());
        }
    }

    /** The fractional-second digits a value of this type is written with. */
    static int digits(SqlType type) {
        return switch (type.base()) {
            case DATETIME -> 3;
            case SMALLDATETIME -> 0;
            case DATETIME2, TIME, DATETIMEOFFSET -> MariaDbTypes.fraction(type);
            default -> 9;
        };
    }

    /**
     * How column {@code i} is assigned from its user variable {@code @v} ({@code SET col = <expression>}), or null when
     * the field goes straight into the column: binary values in hex are {@code UNHEX(@v)}; in a {@code CHARACTER SET
     * binary} load, a uuid column needs its text as characters ({@code CONVERT(@v USING ascii)}), because MariaDB reads a
     * binary string as the uuid's 16 raw bytes.
     */
    String viaVariable(int i, String variable) {
        var base = columns.get(i).type().base();
        if (!rawBinary && base.javaType() == byte[].class) {
            return "UNHEX(" + variable + ")";
        }
        if (rawBinary && base == SqlServerType.UNIQUEIDENTIFIER) {
            return "CONVERT(" + variable + " USING ascii)";
        }
        return null;
    }

    /** The character set the load must name. */
    String characterSet() {
        return rawBinary ? "binary" : "utf8mb4";
    }

    /** Appends the row's fields, tab-separated, without the line end. */
    void appendRow(ByteSink b, Row row, long rowNumber) {
        if (row.size() != columns.size()) {
            throw MirrorException.source("ROW_SHAPE", false, "table '" + table + "' row " + rowNumber + " has " + row.size()
                    + " values but the table has " + columns.size() + " columns", null);
        }
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                b.put('\t');
            }
            appendValue(b, i, row.get(i), rowNumber);
        }
    }

    void appendValue(ByteSink b, int column, Object v, long rowNumber) {
        if (v == null) {
            b.ensure(2);
            b.buf[b.size++] = NULL[0];
            b.buf[b.size++] = NULL[1];
            return;
        }
        Column c = columns.get(column);
        try {
            switch (c.type().base().family()) {
                case INTEGER -> b.putAscii(integral(v));
                case BOOLEAN -> b.put(bool(v) ? '1' : '0');
                case APPROXIMATE_NUMERIC, EXACT_NUMERIC -> b.putAscii(number(v));
                case CHARACTER -> appendText(b, pad(text(v), c.type()), c, rowNumber);
                case DATETIME -> b.putAscii(dateTime(c.type().base() == SqlServerType.DATETIME
                        ? SqlServerDatetime.round(localDateTime(v)) : localDateTime(v), digits[column]));
                case DATE -> b.putAscii(date(localDate(v)));
                case TIME -> b.putAscii(time(localTime(v), digits[column]));
                case DATETIMEOFFSET -> b.putAscii(dateTime(offsetDateTime(v).withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDateTime(), digits[column]));
                case UUID -> b.putAscii(v instanceof UUID u ? u.toString() : UUID.fromString((String) v).toString());
                case BINARY -> {
                    byte[] bytes = padBytes((byte[]) v, c.type());
                    if (rawBinary) {
                        b.putEscapedBytes(bytes);
                    } else {
                        b.putHex(bytes);
                    }
                }
                default -> throw new IllegalStateException("unhandled type family " + c.type().base().family());
            }
        } catch (ClassCastException | IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw MirrorException.source("VALUE_INVALID", false, "table '" + table + "' column '" + c.name() + "' ("
                    + c.type() + ") row " + rowNumber + ": cannot write a " + v.getClass().getName() + " value to MariaDB ("
                    + e.getMessage() + "); expected " + c.type().base().javaType().getSimpleName(), e);
        }
    }

    private void appendText(ByteSink b, String s, Column c, long rowNumber) {
        int bad = b.putEscapedUtf8(s);
        if (bad >= 0) {
            throw MirrorException.target("VALUE_UNSUPPORTED", false, "table '" + table + "' column '" + c.name() + "' row "
                    + rowNumber + ": the value has an unpaired UTF-16 surrogate (U+"
                    + Integer.toHexString(s.charAt(bad)).toUpperCase(Locale.ROOT) + ") at position " + bad
                    + ", which is not valid Unicode and cannot be stored in MariaDB's utf8mb4 without altering it; fix the "
                    + "value in the source or block the table", null);
        }
    }

    /** char(n)/nchar(n): SQL Server pads with spaces to n UTF-16 units; so does the mirror (its column is a varchar). */
    private static String pad(String s, SqlType type) {
        SqlServerType base = type.base();
        if ((base == SqlServerType.CHAR || base == SqlServerType.NCHAR) && !type.isMax() && s.length() < type.length()) {
            return s + " ".repeat(type.length() - s.length());
        }
        return s;
    }

    /** binary(n) over MariaDB's 255 bytes is a varbinary/blob: padded with zero bytes as SQL Server pads binary(n). */
    private static byte[] padBytes(byte[] v, SqlType type) {
        if (type.base() == SqlServerType.BINARY && !type.isMax() && v.length < type.length()) {
            return Arrays.copyOf(v, type.length());
        }
        return v;
    }

    /** {@code 2024-02-29 12:34:56.123456}, the fraction truncated to {@code digits} and trailing zeros dropped. */
    static String dateTime(LocalDateTime v, int digits) {
        return date(v.toLocalDate()) + ' ' + time(v.toLocalTime(), digits);
    }

    static String date(LocalDate d) {
        int year = d.getYear();
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("date " + d + " is outside years 1..9999, which no SQL Server type can hold");
        }
        StringBuilder b = new StringBuilder(10);
        String y = Integer.toString(year);
        b.append("0000", 0, 4 - y.length()).append(y).append('-');
        pad2(b, d.getMonthValue());
        b.append('-');
        pad2(b, d.getDayOfMonth());
        return b.toString();
    }

    static String time(LocalTime t, int digits) {
        StringBuilder b = new StringBuilder(15);
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
        return b.toString();
    }

    /** Drops the nanoseconds beyond {@code digits} fractional digits (0..9): truncation, never rounding. */
    static int truncateNanos(int nanos, int digits) {
        int unit = POW10[9 - Math.max(0, Math.min(9, digits))];
        return nanos - nanos % unit;
    }

    private static void pad2(StringBuilder b, int v) {
        if (v < 10) {
            b.append('0');
        }
        b.append(v);
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
        if (v instanceof Double d && (d.isNaN() || d.isInfinite()) || v instanceof Float f && (f.isNaN() || f.isInfinite())) {
            throw new IllegalArgumentException("MariaDB cannot store NaN or infinity (neither can SQL Server)");
        }
        if (v instanceof Number) {
            return v.toString(); // Java's shortest round-tripping form; MariaDB reads its exponents
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

    private static LocalDateTime localDateTime(Object v) {
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        return (LocalDateTime) v;
    }

    private static LocalDate localDate(Object v) {
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) v;
    }

    private static LocalTime localTime(Object v) {
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
