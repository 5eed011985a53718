package dev.mirror.mariadb;

import dev.mirror.api.MirrorException;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Classifies MariaDB failures (the {@code errors()} concern) by the server's error number
 * (<a href="https://mariadb.com/kb/en/mariadb-error-code-reference/">MariaDB Error Code Reference</a>) and SQLSTATE.
 * Transient conditions are retryable: deadlock (1213), lock wait timeout (1205), a lost or refused connection (client
 * errors 2002, 2006, 2013, a killed connection 1927, server shutdown 1053, too many connections 1040, and any SQLSTATE
 * of class 08) and SQLSTATE class 40 (transaction rollback). Everything else (duplicate keys, bad data, missing objects,
 * syntax) is not, because the same statement would fail the same way. The server's message comes first in the text.
 */
final class MariaDbErrors {
    private static final Pattern URL_CREDENTIALS = Pattern.compile("//[^/@\\s]+@");
    private static final Pattern KEY_VALUE_SECRET = Pattern.compile(
            "(?i)(password|passwd|pwd|secret|token)=[^&;\\s]*");

    private MariaDbErrors() {
    }

    static MirrorException translate(SQLException e, String what) {
        SQLException first = e;
        // A batch failure carries the real error on the next exception.
        while (first.getSQLState() == null && first.getErrorCode() == 0 && first.getNextException() != null) {
            first = first.getNextException();
        }
        String state = first.getSQLState() == null ? "" : first.getSQLState();
        int number = first.getErrorCode();
        String code;
        boolean retryable;
        switch (number) {
            case 1213 -> { code = "TARGET_DEADLOCK"; retryable = true; }
            case 1205 -> { code = "TARGET_LOCK_TIMEOUT"; retryable = true; }
            case 2002, 2006, 2013, 1927, 1053, 1040 -> { code = "TARGET_CONNECTION"; retryable = true; }
            case 1062, 1586 -> { code = "TARGET_UNIQUE_VIOLATION"; retryable = false; }
            case 1148, 3948 -> { code = "TARGET_LOCAL_INFILE_DISABLED"; retryable = false; }
            default -> {
                if (state.startsWith("08")) {
                    code = "TARGET_CONNECTION";
                    retryable = true;
                } else if (state.startsWith("40")) {
                    code = "TARGET_TRANSACTION_ROLLBACK";
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
        String hint = code.equals("TARGET_LOCAL_INFILE_DISABLED") ? "; the mirror loads with LOAD DATA LOCAL INFILE: set "
                + "local_infile=ON on the server (SET GLOBAL local_infile = 1)" : "";
        String message = redact(String.valueOf(first.getMessage())) + " (MariaDB error " + number
                + (state.isEmpty() ? "" : ", SQLSTATE " + state) + ") while " + what + hint
                + (retryable ? "; this is usually transient and will be retried" : "");
        return MirrorException.target(code, retryable, message, e);
    }

    /** Removes credentials that a driver message might echo from a JDBC URL. */
    static String redact(String message) {
        String m = URL_CREDENTIALS.matcher(message).replaceAll("//***@");
        return KEY_VALUE_SECRET.matcher(m).replaceAll("$1=***");
    }
}
