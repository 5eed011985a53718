package dev.mirror.h2;

import dev.mirror.api.MirrorException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.regex.Pattern;
import org.h2.api.ErrorCode;

/**
 * Classifies H2 failures (codes from org.h2.api.ErrorCode, https://h2database.com/javadoc/org/h2/api/ErrorCode.html).
 * Lock timeouts, deadlocks, concurrent updates, lost connections and a database file held by another
 * process are retryable: the same work can succeed later.
 */
final class H2Errors {
    // H2 accepts PASSWORD=... in the URL, and some connection errors repeat the URL: never let it into a message.
    private static final Pattern PASSWORD = Pattern.compile("(?i)(PASSWORD|FILE_PASSWORD)=[^;\\s]*");

    private H2Errors() {
    }

    static MirrorException translate(SQLException e, String what) {
        String code;
        boolean retryable;
        String hint;
        int error = e.getErrorCode();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (error == ErrorCode.LOCK_TIMEOUT_1) {
            code = "TARGET_LOCK_TIMEOUT";
            retryable = true;
            hint = "another transaction held a lock too long; it will be retried (raise target.lockTimeoutMillis if it persists)";
        } else if (error == ErrorCode.DEADLOCK_1 || state.startsWith("40")) {
            code = "TARGET_DEADLOCK";
            retryable = true;
            hint = "the transaction was chosen as a deadlock victim; it will be retried";
        } else if (error == ErrorCode.CONCURRENT_UPDATE_1) {
            code = "TARGET_CONCURRENT_UPDATE";
            retryable = true;
            hint = "another transaction changed the same rows; it will be retried";
        } else if (error == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            code = "TARGET_IN_USE";
            retryable = true;
            hint = "the H2 database file is open in another process (an H2 shell or console?); close it";
        } else if (error == ErrorCode.CONNECTION_BROKEN_1 || error == ErrorCode.DATABASE_IS_CLOSED
                || state.startsWith("08") || e instanceof SQLRecoverableException) {
            code = "TARGET_CONNECTION";
            retryable = true;
            hint = "the connection to H2 was lost; it will be retried";
        } else if (error == ErrorCode.DUPLICATE_KEY_1) {
            code = "TARGET_DUPLICATE_KEY";
            retryable = false;
            hint = "a row with the same key already exists; check that the mirror table's primary key matches the source";
        } else if (e instanceof SQLTransientException) {
            code = "TARGET_TRANSIENT";
            retryable = true;
            hint = "a transient failure; it will be retried";
        } else {
            code = "TARGET_SQL";
            retryable = false;
            hint = "H2 refused the statement";
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : PASSWORD.matcher(e.getMessage()).replaceAll("$1=***");
        return MirrorException.target(code, retryable, what + " failed: " + hint + " (H2 error " + error + ", SQLState "
                + state + ": " + detail + ")", e);
    }
}
