package dev.mirror.postgresql;

import dev.mirror.api.MirrorException;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Classifies PostgreSQL failures by SQLSTATE
 * (<a href="https://www.postgresql.org/docs/15/errcodes-appendix.html">Appendix A. Error Codes</a>).
 * Transient conditions (deadlock, serialization failure, lock not available, statement cancelled by a
 * timeout, lost or refused connections, server shutting down, too many connections) are retryable;
 * everything else (constraint violations, bad data, missing objects) is not, because repeating the same
 * statement would fail the same way.
 */
final class PostgresErrors {
    private static final Pattern URL_CREDENTIALS = Pattern.compile("//[^/@\\s]+@");
    private static final Pattern KEY_VALUE_SECRET = Pattern.compile(
            "(?i)(password|passwd|pwd|sslpassword|secret|token)=[^&;\\s]*");

    private PostgresErrors() {
    }

    static MirrorException translate(SQLException e, String what) {
        SQLException first = e;
        // A batch failure carries the real SQLSTATE on the next exception.
        while (first.getSQLState() == null && first.getNextException() != null) {
            first = first.getNextException();
        }
        String state = first.getSQLState() == null ? "" : first.getSQLState();
        String code;
        boolean retryable;
        switch (state) {
            case "40P01" -> { code = "TARGET_DEADLOCK"; retryable = true; }
            case "40001" -> { code = "TARGET_SERIALIZATION_FAILURE"; retryable = true; }
            case "55P03" -> { code = "TARGET_LOCK_TIMEOUT"; retryable = true; }
            case "57014" -> { code = "TARGET_QUERY_CANCELED"; retryable = true; }
            case "57P01", "57P02", "57P03", "53300" -> { code = "TARGET_UNAVAILABLE"; retryable = true; }
            case "23505" -> { code = "TARGET_UNIQUE_VIOLATION"; retryable = false; }
            default -> {
                if (state.startsWith("08")) {
                    code = "TARGET_CONNECTION";
                    retryable = true;
                } else if (state.startsWith("23")) {
                    code = "TARGET_CONSTRAINT_VIOLATION";
                    retryable = false;
                } else if (state.startsWith("22")) {
                    code = "TARGET_DATA_INVALID";
                    retryable = false;
                } else if (state.startsWith("42")) {
                    code = "TARGET_SQL_INVALID";
                    retryable = false;
                } else {
                    code = "TARGET_FAILED";
                    retryable = false;
                }
            }
        }
        String message = "PostgreSQL failed while " + what + ": " + redact(String.valueOf(first.getMessage()))
                + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")")
                + (retryable ? "; this is usually transient and will be retried" : "");
        return MirrorException.target(code, retryable, message, e);
    }

    /** Removes credentials that a driver message might echo from a JDBC URL. */
    static String redact(String message) {
        String m = URL_CREDENTIALS.matcher(message).replaceAll("//***@");
        return KEY_VALUE_SECRET.matcher(m).replaceAll("$1=***");
    }
}
