package dev.mirror.bench;

import dev.mirror.core.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code --sqlserver-url} as the benchmark uses it: pointed at another database, and masked wherever it is
 * printed. Properties follow the driver's syntax
 * (https://learn.microsoft.com/sql/connect/jdbc/building-the-connection-url):
 * {@code jdbc:sqlserver://host[:port][;name=value]…}, a value in braces ({@code password={a;b}}) may hold semicolons.
 */
final class SqlServerUrl {
    private static final String PREFIX = "jdbc:sqlserver://";
    private static final Pattern BRACED_SECRET = Pattern.compile(
            "(?i)((?:password|pwd|secret|token|accesstoken|privatekey)[a-z]*\\s*=\\s*)\\{[^}]*}");

    private SqlServerUrl() {
    }

    /** Checks the URL's form; the message never contains the URL (it holds a password). */
    static String validate(String url) {
        if (url == null || !url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new IllegalArgumentException("--sqlserver-url must be a SQL Server JDBC URL starting with " + PREFIX
                    + ", e.g. jdbc:sqlserver://host:1433;databaseName=master;user=sa;password=...;encrypt=false");
        }
        return url;
    }

    /** The URL with its {@code databaseName} (or {@code database}) property replaced by {@code database}. */
    static String withDatabase(String url, String database) {
        List<String> parts = split(validate(url));
        StringBuilder b = new StringBuilder(parts.get(0));
        for (String p : parts.subList(1, parts.size())) {
            int eq = p.indexOf('=');
            String name = (eq < 0 ? p : p.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            if (!p.isBlank() && !name.equals("databasename") && !name.equals("database")) {
                b.append(';').append(p);
            }
        }
        return b.append(";databaseName=").append(database).toString();
    }

    /** The text with password-like values masked, braced ones included. */
    static String redact(String text) {
        return text == null ? null : new Redactor().redact(BRACED_SECRET.matcher(text).replaceAll("$1" + Redactor.MASK));
    }

    /** Splits at semicolons outside braces: the server part first, then each {@code name=value}. */
    static List<String> split(String url) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean braced = false;
        for (int i = 0; i < url.length(); i++) {
            char ch = url.charAt(i);
            if (ch == ';' && !braced) {
                parts.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            if (ch == '{') {
                braced = true;
            } else if (ch == '}') {
                braced = false;
            }
            cur.append(ch);
        }
        parts.add(cur.toString());
        return parts;
    }
}
