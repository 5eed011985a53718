package dev.mirror.superoffice;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns SuperOffice's row value strings into the Java values of a column's declared type
 * ({@link SqlServerType#javaType()}). SuperOffice writes typed values as monikers: {@code [I:135]} int,
 * {@code [S:0]} smallint, {@code [DT:05/18/2020 10:40:43.0000000]} datetime ({@code MM/dd/yyyy HH:mm:ss.fffffff},
 * invariant culture), {@code [F:1.5]} float/decimal, {@code [B:base64]} binary, {@code [D:..]} date, {@code [M:..]}
 * money, {@code [T:..]} time, {@code [TS:..]} timespan, {@code [A:1,2]} int array; strings are sent as they are.
 * Values for character columns are therefore always taken literally. A value that does not fit its column
 * raises {@link IllegalArgumentException} naming the column and the kind of value, never the value itself
 * (it may be personal data).
 */
public final class MonikerDecoder {
    private static final DateTimeFormatter NET_DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("MM/dd/yyyy HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 7, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter NET_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 7, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    private MonikerDecoder() {
    }

    /** Decodes one value (null for {@code i:nil}) into {@code column}'s Java type. */
    public static Object decode(String value, Column column) {
        if (value == null) {
            return null;
        }
        SqlType type = column.type();
        SqlServerType base = type.base();
        if (base.javaType() == String.class) {
            return value; // strings are sent as they are, even when they look like a moniker
        }
        String tag = "";
        String body = value;
        int colon = value.indexOf(':');
        if (value.startsWith("[") && value.endsWith("]") && colon > 1 && colon <= 3) {
            tag = tag(value, colon);
            body = value.substring(colon + 1, value.length() - 1);
        }
        try {
            return convert(tag, body, base);
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("column '" + column.name() + "' (" + type + ") cannot hold a "
                    + describe(tag) + " value" + (e.getMessage() == null ? "" : ": " + safe(e)), e);
        }
    }

    /**
     * The moniker's tag, {@code value.substring(1, colon)}: the known tags as constants, so the request thread neither
     * allocates one per value nor hashes it for {@link #convert}'s switch (profiled: both showed per value).
     */
    private static String tag(String value, int colon) {
        char c = value.charAt(1);
        if (colon == 2) {
            switch (c) {
                case 'I': return "I";
                case 'S': return "S";
                case 'F': return "F";
                case 'M': return "M";
                case 'D': return "D";
                case 'T': return "T";
                case 'B': return "B";
                case 'A': return "A";
                default: break;
            }
        } else if (colon == 3) {
            char d = value.charAt(2);
            if (c == 'D' && d == 'T') {
                return "DT";
            }
            if (c == 'T' && d == 'S') {
                return "TS";
            }
        }
        return value.substring(1, colon);
    }

    private static Object convert(String tag, String body, SqlServerType base) {
        if ((tag.equals("I") || tag.equals("S")) && base.family() == dev.mirror.api.model.TypeFamily.INTEGER) {
            Object fast = MonikerFastPaths.integer(body, base);
            if (fast != null) {
                return fast;
            }
        } else if (tag.equals("DT") && (base == SqlServerType.DATETIME || base == SqlServerType.DATETIME2
                || base == SqlServerType.SMALLDATETIME)) {
            LocalDateTime fast = MonikerFastPaths.dateTime(body);
            if (fast != null) {
                return fast;
            }
        }
        switch (tag) {
            case "I", "S", "F", "M", "" -> {
                if (tag.isEmpty() && !isNumeric(base)) {
                    return fromText(body, base);
                }
                return number(new BigDecimal(body.strip()), base);
            }
            case "DT" -> {
                return temporal(LocalDateTime.parse(body.strip(), NET_DATETIME), base);
            }
            case "D" -> {
                String b = body.strip();
                LocalDateTime dt = b.length() > 10 ? LocalDateTime.parse(b, NET_DATETIME)
                        : b.contains("/") ? LocalDate.parse(b, NET_DATE).atStartOfDay() : LocalDate.parse(b).atStartOfDay();
                return temporal(dt, base);
            }
            case "T", "TS" -> {
                return time(body.strip(), base);
            }
            case "B" -> {
                byte[] bytes = base64(body);
                return binary(bytes, base);
            }
            case "A" -> {
                return binary(intArray(body), base);
            }
            default -> throw new Misfit("unknown moniker [" + tag + ":]");
        }
    }

    /** Strict Base64 (whitespace allowed, any other stray character refused). */
    private static byte[] base64(String body) {
        return Base64.getDecoder().decode(body.replaceAll("\\s+", ""));
    }

    private static boolean isNumeric(SqlServerType base) {
        return switch (base.family()) {
            case INTEGER, EXACT_NUMERIC, APPROXIMATE_NUMERIC, BOOLEAN -> true;
            default -> false;
        };
    }

    private static Object number(BigDecimal n, SqlServerType base) {
        return switch (base) {
            case TINYINT -> {
                int v = n.intValueExact();
                if (v < 0 || v > 255) {
                    throw new ArithmeticException("out of range 0..255");
                }
                yield (short) v;
            }
            case SMALLINT -> n.shortValueExact();
            case INT -> n.intValueExact();
            case BIGINT -> n.longValueExact();
            case BIT -> {
                if (n.signum() != 0 && n.compareTo(BigDecimal.ONE) != 0) {
                    throw new ArithmeticException("bit takes 0 or 1");
                }
                yield n.signum() != 0;
            }
            case REAL -> n.floatValue();
            case FLOAT -> n.doubleValue();
            case DECIMAL, NUMERIC, MONEY, SMALLMONEY -> n;
            default -> throw new Misfit("a number does not fit");
        };
    }

    private static Object temporal(LocalDateTime dt, SqlServerType base) {
        return switch (base) {
            case DATETIME, DATETIME2, SMALLDATETIME -> dt;
            case DATE -> {
                if (!dt.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                    throw new Misfit("a date column cannot hold a time of day");
                }
                yield dt.toLocalDate();
            }
            case DATETIMEOFFSET -> OffsetDateTime.of(dt, ZoneOffset.UTC);
            default -> throw new Misfit("a date/time does not fit");
        };
    }

    /** time "HH:mm:ss.fffffff", or a .NET TimeSpan "[-][d.]hh:mm:ss[.fffffff]" within one day. */
    private static Object time(String body, SqlServerType base) {
        if (base != SqlServerType.TIME) {
            throw new Misfit("a time of day fits only a time column");
        }
        String b = body;
        int dot = b.indexOf('.');
        int firstColon = b.indexOf(':');
        if (dot >= 0 && dot < firstColon) {
            long days = Long.parseLong(b.substring(0, dot));
            if (days != 0) {
                throw new Misfit("a timespan of a day or more does not fit a time column");
            }
            b = b.substring(dot + 1);
        }
        if (b.startsWith("-")) {
            throw new Misfit("a negative timespan does not fit a time column");
        }
        return LocalTime.parse(b.length() == 7 ? "0" + b : b, TIME);
    }

    private static Object binary(byte[] bytes, SqlServerType base) {
        if (base.javaType() == byte[].class) {
            return bytes;
        }
        if (base == SqlServerType.UNIQUEIDENTIFIER && bytes.length == 16) {
            ByteBuffer bb = ByteBuffer.wrap(bytes);
            return new UUID(bb.getLong(), bb.getLong());
        }
        throw new Misfit("binary data fits only a binary column");
    }

    /** An int array as SuperOffice stores it in binary columns: 32-bit little-endian integers, as .NET writes them. */
    private static byte[] intArray(String body) {
        String b = body.strip();
        if (b.isEmpty()) {
            return new byte[0];
        }
        String[] parts = b.split("[,;]");
        ByteBuffer bb = ByteBuffer.allocate(parts.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (String p : parts) {
            bb.putInt(Integer.parseInt(p.strip()));
        }
        return bb.array();
    }

    /** A plain (untagged) string for a non-character, non-numeric column. */
    private static Object fromText(String text, SqlServerType base) {
        String t = text.strip();
        return switch (base.family()) {
            case UUID -> UUID.fromString(t);
            case DATETIME, DATE, DATETIMEOFFSET -> {
                LocalDateTime dt = t.contains("/") ? LocalDateTime.parse(t, NET_DATETIME) : LocalDateTime.parse(t);
                yield temporal(dt, base);
            }
            case TIME -> time(t, base);
            case BINARY -> base64(t);
            default -> throw new Misfit("a plain string does not fit");
        };
    }

    private static String describe(String tag) {
        return switch (tag) {
            case "" -> "plain string";
            case "I" -> "[I:] int";
            case "S" -> "[S:] smallint";
            case "F" -> "[F:] float";
            case "M" -> "[M:] money";
            case "DT" -> "[DT:] datetime";
            case "D" -> "[D:] date";
            case "T" -> "[T:] time";
            case "TS" -> "[TS:] timespan";
            case "B" -> "[B:] binary";
            case "A" -> "[A:] int array";
            default -> "[" + tag + ":]";
        };
    }

    /** The reason, without echoing the value (parse exceptions quote their input). */
    private static String safe(RuntimeException e) {
        if (e instanceof DateTimeParseException) {
            return "not in the expected format";
        }
        if (e instanceof NumberFormatException) {
            return "not a number";
        }
        if (e instanceof Misfit || e instanceof ArithmeticException) {
            return e.getMessage();
        }
        return "not in the expected format";
    }

    /** A value that does not fit, with a reason that quotes nothing of the value. */
    private static final class Misfit extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Misfit(String reason) {
            super(reason);
        }
    }
}
