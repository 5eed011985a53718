package dev.mirror.postgresql;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.ColumnDefault;
import dev.mirror.api.model.ColumnDefault.KnownFunction;
import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.TypeFamily;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Renders a column's typed default ({@link Column#defaultValue()}, parsed by core) as a PostgreSQL default
 * expression. Only values whose meaning is certain are rendered; anything else (NULL, other functions, unparsed
 * expressions) is left out (the column then has no default in the mirror, which only matters for rows inserted into
 * the mirror by hand).
 */
final class PostgresDefaults {
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSSS][.SSSSSS][.SSS]", Locale.ROOT),
            DateTimeFormatter.ofPattern("uuuuMMdd HH:mm:ss[.SSS]", Locale.ROOT),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]", Locale.ROOT));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT), DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT));

    private PostgresDefaults() {
    }

    /**
     * The PostgreSQL default expression (without the {@code DEFAULT} keyword), or empty. (Java 17 has no pattern
     * switch: the sealed type is matched with instanceof.)
     */
    static Optional<String> translate(Column column) {
        Optional<ColumnDefault> value = column.defaultValue();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        SqlServerType base = column.type().base();
        if (value.get() instanceof ColumnDefault.Literal l) {
            switch (l.kind()) {
                case NUMBER:
                    return number(base, l.value().startsWith("+") ? l.value().substring(1) : l.value());
                case STRING, NATIONAL_STRING:
                    // PostgreSQL text cannot hold NUL
                    return l.value().indexOf('\0') < 0 ? string(base, l.value()) : Optional.empty();
                default: // BINARY
                    return base.javaType() == byte[].class ? Optional.of("decode('" + l.value() + "', 'hex')") : Optional.empty();
            }
        }
        if (value.get() instanceof ColumnDefault.FunctionCall f) {
            return function(base, f.function());
        }
        return Optional.empty(); // NULL (what no default does anyway) or an expression that was not parsed
    }

    private static Optional<String> number(SqlServerType base, String n) {
        return switch (base.family()) {
            case INTEGER, EXACT_NUMERIC, APPROXIMATE_NUMERIC -> Optional.of(n);
            // bit: SQL Server turns any non-zero number into 1.
            case BOOLEAN -> Optional.of(Double.parseDouble(n) != 0 ? "true" : "false");
            case CHARACTER -> Optional.of(quoteLiteral(n));
            default -> Optional.empty();
        };
    }

    private static Optional<String> string(SqlServerType base, String s) {
        switch (base.family()) {
            case CHARACTER:
                return Optional.of(quoteLiteral(s));
            case DATETIME:
                // a datetime default shows as SQL Server shows it: rounded to the 1/300 s tick (SqlServerDatetime)
                return parse(s, DATE_TIMES).map(v -> quoteLiteral(PgTemporal.timestamp(base == SqlServerType.DATETIME
                        ? SqlServerDatetime.round((LocalDateTime) v) : (LocalDateTime) v)));
            case DATE:
                return parse(s, DATES).map(v -> quoteLiteral(v.toString()));
            case UUID:
                try {
                    return Optional.of(quoteLiteral(UUID.fromString(s.trim()).toString()));
                } catch (IllegalArgumentException notUuid) {
                    return Optional.empty();
                }
            case INTEGER, EXACT_NUMERIC, APPROXIMATE_NUMERIC:
                return NUMBER.matcher(s.trim()).matches() ? Optional.of(s.trim()) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static Optional<Object> parse(String s, List<DateTimeFormatter> formats) {
        for (DateTimeFormatter f : formats) {
            try {
                return Optional.of(formats == DATES ? LocalDate.parse(s.trim(), f) : LocalDateTime.parse(s.trim(), f));
            } catch (DateTimeParseException next) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }

    private static Optional<String> function(SqlServerType base, KnownFunction f) {
        boolean dateTime = base.family() == TypeFamily.DATETIME || base.family() == TypeFamily.DATETIMEOFFSET
                || base.family() == TypeFamily.DATE;
        switch (f) {
            case CURRENT_TIMESTAMP:
                return dateTime ? Optional.of("CURRENT_TIMESTAMP") : Optional.empty();
            case CURRENT_UTC_TIMESTAMP:
                return dateTime ? Optional.of("(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')") : Optional.empty();
            case NEW_UUID:
                // gen_random_uuid() is built in since PostgreSQL 13.
                return base == SqlServerType.UNIQUEIDENTIFIER ? Optional.of("gen_random_uuid()") : Optional.empty();
            default:
                return Optional.empty(); // session functions (login, host, application): no meaning in the mirror
        }
    }

    /**
     * A PostgreSQL string literal. With a backslash the escape-string form is used, so the result means the
     * same whatever {@code standard_conforming_strings} says.
     */
    static String quoteLiteral(String s) {
        String q = s.replace("'", "''");
        return s.indexOf('\\') >= 0 ? "E'" + q.replace("\\", "\\\\") + "'" : "'" + q + "'";
    }
}
