package dev.mirror.h2;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates SQL Server default expressions, as SQL Server prints them in sys.default_constraints
 * ({@code ((0))}, {@code (N'')}, {@code (getdate())}), into H2 DEFAULT clauses. Only literals and the
 * current-time/new-id functions are translated; anything else (user functions, arithmetic) is left out,
 * because a wrong default is worse than none: the mirror always writes every column explicitly.
 */
final class H2Defaults {
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d*)?");
    private static final Pattern STRING = Pattern.compile("N?'((?:[^']|'')*)'", Pattern.DOTALL);
    private static final Pattern FUNCTION = Pattern.compile("([A-Za-z_]+)\\s*\\(\\s*\\)");
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private H2Defaults() {
    }

    /** The clause ({@code DEFAULT 0}), or empty when the column has no default or it cannot be expressed. */
    static Optional<String> clause(Column column) {
        return expression(column.type(), column.defaultExpression()).map(e -> "DEFAULT " + e);
    }

    static Optional<String> expression(SqlType type, String sqlServer) {
        if (sqlServer == null) {
            return Optional.empty();
        }
        String e = unwrap(sqlServer.trim());
        Matcher m;
        if (NUMBER.matcher(e).matches()) {
            return number(type, e);
        }
        if ((m = STRING.matcher(e)).matches()) {
            return string(type, m.group(1).replace("''", "'"));
        }
        if ((m = FUNCTION.matcher(e)).matches() || e.equalsIgnoreCase("current_timestamp")) {
            return function(type, m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "current_timestamp");
        }
        return Optional.empty();
    }

    /** Strips the parentheses SQL Server wraps defaults in: {@code ((0))} → {@code 0}. */
    private static String unwrap(String e) {
        while (e.length() >= 2 && e.charAt(0) == '(' && e.charAt(e.length() - 1) == ')' && balanced(e.substring(1, e.length() - 1))) {
            e = e.substring(1, e.length() - 1).trim();
        }
        return e;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (!inString && c == '(') {
                depth++;
            } else if (!inString && c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0 && !inString;
    }

    private static Optional<String> number(SqlType type, String n) {
        BigDecimal value = new BigDecimal(n);
        return switch (type.base().family()) {
            case BOOLEAN -> Optional.of(value.signum() == 0 ? "FALSE" : "TRUE");
            case INTEGER, EXACT_NUMERIC, APPROXIMATE_NUMERIC -> Optional.of(value.toPlainString());
            case CHARACTER -> Optional.of(literal(n));
            default -> Optional.empty(); // e.g. ((0)) on datetime means 1900-01-01 in SQL Server: too implicit
        };
    }

    private static Optional<String> string(SqlType type, String s) {
        try {
            return switch (type.base().family()) {
                case CHARACTER -> Optional.of(literal(s));
                case INTEGER, EXACT_NUMERIC, APPROXIMATE_NUMERIC -> Optional.of(new BigDecimal(s.trim()).toPlainString());
                // a datetime default shows as SQL Server shows it: rounded to the 1/300 s tick (SqlServerDatetime)
                case DATETIME -> Optional.of("TIMESTAMP '" + print(type.base() == SqlServerType.DATETIME
                        ? SqlServerDatetime.round(dateTime(s.trim())) : dateTime(s.trim())) + "'");
                case DATETIMEOFFSET -> Optional.of("TIMESTAMP WITH TIME ZONE '" + print(dateTime(s.trim())) + "+00:00'");
                case DATE -> Optional.of("DATE '" + date(s.trim()) + "'");
                case TIME -> Optional.of("TIME '" + DateTimeFormatter.ISO_LOCAL_TIME.format(LocalTime.parse(s.trim())) + "'");
                case UUID -> Optional.of("CAST(" + literal(UUID.fromString(s.trim()).toString()) + " AS UUID)");
                default -> Optional.empty();
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty(); // not a literal H2 can read the same way: leave the default out
        }
    }

    private static LocalDateTime dateTime(String s) {
        if (s.length() == 8) {
            return LocalDate.parse(s, COMPACT_DATE).atStartOfDay();
        }
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay();
        }
        return LocalDateTime.parse(s.replace(' ', 'T'));
    }

    /** {@code 1760-01-01 00:00:00}: H2's literal form, always with seconds (LocalDateTime.toString drops them). */
    private static String print(LocalDateTime t) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(t) + " " + DateTimeFormatter.ISO_LOCAL_TIME.format(t);
    }

    private static LocalDate date(String s) {
        return s.length() == 8 ? LocalDate.parse(s, COMPACT_DATE) : dateTime(s).toLocalDate();
    }

    private static Optional<String> function(SqlType type, String name) {
        boolean now = name.equals("getdate") || name.equals("sysdatetime") || name.equals("current_timestamp")
                || name.equals("sysdatetimeoffset");
        return switch (type.base().family()) {
            // H2's CURRENT_TIMESTAMP is WITH TIME ZONE; assigned to a TIMESTAMP column it becomes the session's
            // local time, which is what getdate() gives on SQL Server.
            case DATETIME, DATETIMEOFFSET -> now ? Optional.of("CURRENT_TIMESTAMP") : Optional.empty();
            case DATE -> now ? Optional.of("CURRENT_DATE") : Optional.empty();
            case UUID -> name.equals("newid") || name.equals("newsequentialid") ? Optional.of("RANDOM_UUID()")
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
