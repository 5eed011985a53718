package dev.mirror.mariadb;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.TypeFamily;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Renders SQL Server default expressions (as {@code sys.default_constraints} prints them: {@code ((0))}, {@code (N'')},
 * {@code (getdate())}) as MariaDB default expressions. Only expressions whose meaning is certain are translated; anything
 * else is left out (the column then has no default in the mirror, which only matters for rows inserted by hand).
 *
 * <p>A minimal copy of what the PostgreSQL dialect does, kept local on purpose: core is about to hand dialects a typed
 * default value instead of the expression text, and this class then shrinks to the rendering part.
 */
final class MariaDbDefaults {
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    private static final Pattern HEX = Pattern.compile("0x([0-9A-Fa-f]*)");
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSSS][.SSSSSS][.SSS]", Locale.ROOT),
            DateTimeFormatter.ofPattern("uuuuMMdd HH:mm:ss[.SSS]", Locale.ROOT),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]", Locale.ROOT));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT), DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT));

    private MariaDbDefaults() {
    }

    /** The MariaDB default expression (without the {@code DEFAULT} keyword), or empty. */
    static Optional<String> render(Column column) {
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
        if (literal.isPresent()) {
            return string(column, literal.get());
        }
        var hex = HEX.matcher(e);
        if (hex.matches()) {
            return base.javaType() == byte[].class ? Optional.of("X'" + hex.group(1) + "'") : Optional.empty();
        }
        return function(column, e.toLowerCase(Locale.ROOT).replace(" ", ""));
    }

    private static Optional<String> number(SqlServerType base, String n) {
        return switch (base.family()) {
            case INTEGER, EXACT_NUMERIC, APPROXIMATE_NUMERIC -> Optional.of(n);
            // bit: SQL Server turns any non-zero number into 1.
            case BOOLEAN -> Optional.of(Double.parseDouble(n) != 0 ? "1" : "0");
            case CHARACTER -> Optional.of(quoteLiteral(n));
            default -> Optional.empty();
        };
    }

    private static Optional<String> string(Column column, String s) {
        SqlServerType base = column.type().base();
        switch (base.family()) {
            case CHARACTER:
                return Optional.of(quoteLiteral(s));
            case DATETIME:
                return parse(s, DATE_TIMES).map(v -> quoteLiteral(LoadDataEncoder.dateTime(base == SqlServerType.DATETIME
                        ? SqlServerDatetime.round((LocalDateTime) v) : (LocalDateTime) v, LoadDataEncoder.digits(column.type()))));
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

    /** Functions become expression defaults (MariaDB 10.2+), with the column's own fractional digits. */
    private static Optional<String> function(Column column, String f) {
        SqlServerType base = column.type().base();
        TypeFamily family = base.family();
        boolean dateTime = family == TypeFamily.DATETIME || family == TypeFamily.DATETIMEOFFSET;
        int digits = LoadDataEncoder.digits(column.type());
        String p = digits == 0 ? "" : "(" + digits + ")";
        switch (f) {
            case "getdate()", "sysdatetime()", "current_timestamp", "sysdatetimeoffset()":
                // a datetimeoffset is stored as UTC (see MariaDbTypes): its default too
                return dateTime ? Optional.of(family == TypeFamily.DATETIMEOFFSET ? "(UTC_TIMESTAMP" + p + ")"
                        : "CURRENT_TIMESTAMP" + p) : family == TypeFamily.DATE ? Optional.of("(CURRENT_DATE)") : Optional.empty();
            case "getutcdate()", "sysutcdatetime()":
                return dateTime ? Optional.of("(UTC_TIMESTAMP" + p + ")")
                        : family == TypeFamily.DATE ? Optional.of("(UTC_DATE)") : Optional.empty();
            case "newid()", "newsequentialid()":
                return base == SqlServerType.UNIQUEIDENTIFIER ? Optional.of("(UUID())") : Optional.empty();
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
     * A MariaDB string literal that means the same whatever {@code sql_mode} says: plain {@code '...'} with quotes doubled
     * when the text has no backslash and no control character, otherwise a hex literal with the utf8mb4 introducer
     * ({@code _utf8mb4 X'5c6e'}), because a backslash is an escape character unless {@code NO_BACKSLASH_ESCAPES} is set.
     */
    static String quoteLiteral(String s) {
        boolean plain = s.chars().allMatch(c -> c >= 0x20 && c != '\\');
        return plain ? "'" + s.replace("'", "''") + "'"
                : "_utf8mb4 X'" + HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8)) + "'";
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
