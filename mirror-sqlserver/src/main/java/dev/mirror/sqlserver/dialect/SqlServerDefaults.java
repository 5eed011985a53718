package dev.mirror.sqlserver.dialect;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether a source default expression may be copied into mirror DDL.
 *
 * <p>The expression comes from a SQL Server catalog ({@code sys.default_constraints.definition}), so it is
 * already SQL Server syntax; but it is text from the source, and DDL cannot bind parameters. So it is kept
 * verbatim only when it is, inside any number of parentheses, one plain value: a number ({@code ((0))}), a
 * string ({@code (N'a''b')}), a binary literal ({@code (0x0A)}), {@code NULL}, or a call of a known
 * argument-less function ({@code (getdate())}). Anything else (expressions, user functions, sequences) is
 * left out: the mirror only receives values, so it never needs to compute a default itself.
 */
public final class SqlServerDefaults {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern STRING = Pattern.compile("N?'(?:[^']|'')*'", Pattern.DOTALL);
    private static final Pattern BINARY = Pattern.compile("0x[0-9A-Fa-f]*");
    private static final Set<String> FUNCTIONS = Set.of("getdate()", "getutcdate()", "sysdatetime()",
            "sysutcdatetime()", "sysdatetimeoffset()", "current_timestamp", "newid()", "newsequentialid()",
            "suser_sname()", "user_name()", "host_name()", "app_name()", "db_name()");

    private SqlServerDefaults() {
    }

    /** The expression unchanged when it is a plain literal or known function call, otherwise empty. */
    public static Optional<String> validate(String expression) {
        if (expression == null || expression.isBlank()) {
            return Optional.empty();
        }
        String inner = stripParentheses(expression.trim());
        if (inner == null) {
            return Optional.empty();
        }
        if (NUMBER.matcher(inner).matches() || STRING.matcher(inner).matches() || BINARY.matcher(inner).matches()
                || inner.equalsIgnoreCase("null")
                || FUNCTIONS.contains(inner.toLowerCase(Locale.ROOT).replace(" ", ""))) {
            return Optional.of(expression.trim());
        }
        return Optional.empty();
    }

    /** Removes enclosing parentheses pairs; null when they do not balance. */
    private static String stripParentheses(String s) {
        String r = s;
        while (r.startsWith("(") && r.endsWith(")") && enclosesAll(r)) {
            r = r.substring(1, r.length() - 1).trim();
        }
        return r.isEmpty() ? null : r;
    }

    /** Whether the opening parenthesis at 0 closes at the last character (ignoring parentheses in strings). */
    private static boolean enclosesAll(String s) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (!inString && c == '(') {
                depth++;
            } else if (!inString && c == ')') {
                depth--;
                if (depth == 0 && i < s.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0 && !inString;
    }
}
