package dev.mirror.postgresql;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * What both COPY encoders ({@link CopyTextEncoder}, {@link CopyBinaryEncoder}) accept as a column's Java value and how
 * they refuse one, so that text and binary COPY take exactly the same values and fail with the same messages.
 */
final class CopyValues {
    private CopyValues() {
    }

    static String integral(Object v) {
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

    static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.longValue() != 0;
        }
        throw new ClassCastException("not a boolean");
    }

    static String number(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number) {
            return v.toString(); // Double/Float print NaN, Infinity, -Infinity and exponents as PostgreSQL reads them
        }
        throw new ClassCastException("not a number");
    }

    static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Character ch) {
            return ch.toString();
        }
        throw new ClassCastException("not a string");
    }

    static UUID uuid(Object v) {
        return v instanceof UUID u ? u : UUID.fromString((String) v);
    }

    static LocalDateTime dateTime(Object v) {
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        return (LocalDateTime) v;
    }

    static LocalDate date(Object v) {
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return (LocalDate) v;
    }

    static LocalTime time(Object v) {
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        return (LocalTime) v;
    }

    static OffsetDateTime offsetDateTime(Object v) {
        if (v instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return (OffsetDateTime) v;
    }

    /**
     * The index of the first character PostgreSQL text cannot hold (a NUL, or an unpaired UTF-16 surrogate, which has
     * no UTF-8 form), or -1. The caller throws {@link #unstorable} for it.
     */
    static int firstUnstorable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\0' || Character.isSurrogate(ch) && !pairedAt(s, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the surrogate at {@code i} is half of a valid pair (high followed by low, or low preceded by high). */
    static boolean pairedAt(String s, int i) {
        char ch = s.charAt(i);
        return Character.isHighSurrogate(ch) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** The refusal of the character at {@code i} of {@code s} (a NUL or an unpaired surrogate). */
    static MirrorException unstorable(String table, Column c, long rowNumber, String s, int i) {
        char ch = s.charAt(i);
        if (ch == '\0') {
            return MirrorException.target("VALUE_UNSUPPORTED", false, "table '" + table + "' column '"
                    + c.name() + "' row " + rowNumber + ": the value contains a NUL character (U+0000) at position " + i
                    + ", which PostgreSQL text cannot store; remove it in the source or block the table", null);
        }
        return MirrorException.target("VALUE_UNSUPPORTED", false, "table '" + table + "' column '" + c.name()
                + "' row " + rowNumber + ": the value has an unpaired UTF-16 surrogate (U+"
                + Integer.toHexString(ch).toUpperCase(Locale.ROOT) + ") at position " + i
                + ", which is not valid Unicode and cannot be stored in PostgreSQL's UTF-8 text without "
                + "altering it; fix the value in the source or block the table", null);
    }

    /** A value of the wrong Java class, or one the conversion refused. */
    static MirrorException invalid(String table, Column c, long rowNumber, Object v, RuntimeException e) {
        return MirrorException.source("VALUE_INVALID", false, "table '" + table + "' column '" + c.name() + "' ("
                + c.type() + ") row " + rowNumber + ": cannot write a " + v.getClass().getName() + " value to PostgreSQL ("
                + e.getMessage() + "); expected " + c.type().base().javaType().getSimpleName(), e);
    }

    static MirrorException rowShape(String table, long rowNumber, int values, int columns) {
        return MirrorException.source("ROW_SHAPE", false, "table '" + table + "' row " + rowNumber + " has " + values
                + " values but the table has " + columns + " columns", null);
    }
}
