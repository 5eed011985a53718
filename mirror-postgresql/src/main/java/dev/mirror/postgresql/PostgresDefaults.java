package dev.mirror.postgresql;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlServerType;
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
 * Translates SQL Server default expressions (as {@code sys.default_constraints} prints them, e.g.
 * {@code ((0))}, {@code (N'')}, {@code (getdate())}) into PostgreSQL default expressions. Only expressions
 * whose meaning is certain are translated; anything else is left out (the column then has no default in
 * the mirror, which only matters for rows inserted into the mirror by hand).
 */
final class PostgresDefaults {
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    private static final Pattern HEX = Pattern.compile("0x([0-9A-Fa-f]*)");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSSS][.SSSSSS][.SSS]", Locale.ROOT),
            DateTimeFormatter.ofPattern("uuuuMMdd HH:mm:ss[.SSS]", Locale.ROOT),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]", Locale.ROOT));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT), DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT));

    private PostgresDefaults() {
    }

    /** The PostgreSQL default expression (without the {@code DEFAULT} keyword), or empty. */
    static Optional<String> translate(Column column) {
        String expr = column.defaultExpression();
        if (expr == null) {
            return Optional.empty();
        }
        String e = stripParentheses(expr.trim());
        SqlServerType base = column.type().base();
        if (NUMBER.matcher(e).matches()) {
            return number(base, e.startsWith("+") ? e.substring(1) : e);
        }
        Optional<String> literal = stringLiteral(e);
        if (literal.isPresent() && literal.get().indexOf('\0') < 0) {
            return string(base, literal.get());
        }
        var hex = HEX.matcher(e);
        if (hex.matches()) {
            return base.javaType() == byte[].class ? Optional.of("decode('" + hex.group(1) + "', 'hex')") : Optional.empty();
        }
        return function(base, e.toLowerCase(Locale.ROOT).replace(" ", ""));
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

    private static Optional<String> function(SqlServerType base, String f) {
        boolean dateTime = base.family() == dev.mirror.api.model.TypeFamily.DATETIME
                || base.family() == dev.mirror.api.model.TypeFamily.DATETIMEOFFSET
                || base.family() == dev.mirror.api.model.TypeFamily.DATE;
        switch (f) {
            case "getdate()", "sysdatetime()", "current_timestamp", "sysdatetimeoffset()":
                return dateTime ? Optional.of("CURRENT_TIMESTAMP") : Optional.empty();
            case "getutcdate()", "sysutcdatetime()":
                return dateTime ? Optional.of("(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')") : Optional.empty();
            case "newid()", "newsequentialid()":
                // gen_random_uuid() is built in since PostgreSQL 13.
                return base == SqlServerType.UNIQUEIDENTIFIER ? Optional.of("gen_random_uuid()") : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** {@code N'it''s'} or {@code 'x'} → the literal's content, or empty when {@code e} is not one literal. */
    static Optional<String> stringLiteral(String e) {
        String s = e.startsWith("N'") || e.startsWith("n'") ? e.substring(1) : e;
        if (s.length() < 2 || s.charAt(0) != '\'' || s.charAt(s.length() - 1) != '\'') {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                if (i + 1 < s.length() - 1 && s.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return Optional.empty(); // e.g. 'a' + 'b': not a single literal
                }
            }
            b.append(c);
        }
        return Optional.of(b.toString());
    }

    /**
     * A PostgreSQL string literal. With a backslash the escape-string form is used, so the result means the
     * same whatever {@code standard_conforming_strings} says.
     */
    static String quoteLiteral(String s) {
        String q = s.replace("'", "''");
        return s.indexOf('\\') >= 0 ? "E'" + q.replace("\\", "\\\\") + "'" : "'" + q + "'";
    }

    /** {@code ((0))} → {@code 0}; keeps {@code (a)+(b)} intact. */
    static String stripParentheses(String e) {
        String s = e;
        while (s.length() >= 2 && s.charAt(0) == '(' && s.charAt(s.length() - 1) == ')' && enclosesAll(s)) {
            s = s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    private static boolean enclosesAll(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0 && i < s.length() - 1) {
                    return false;
                }
            }
        }
        return true;
    }
}
