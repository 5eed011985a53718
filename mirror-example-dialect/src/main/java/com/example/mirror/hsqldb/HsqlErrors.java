package com.example.mirror.hsqldb;

import dev.mirror.api.MirrorException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.regex.Pattern;

/**
 * Classifies HSQLDB failures by SQLState (HSQLDB follows the standard classes, https://hsqldb.org/doc/2.0/guide/):
 * serialization failures and deadlocks (40xxx), lost connections (08xxx) and a database held by another process are
 * retryable: the same work can succeed later.
 */
final class HsqlErrors {
    /** HSQLDB's "Database lock acquisition failure": the database files are open in another process. */
    private static final int DATABASE_LOCKED = -451;
    // A URL may carry password=... and a connection error may repeat it: never let it into a message.
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password|crypt_key)=[^;\\s]*");

    private HsqlErrors() {
    }

    static MirrorException translate(SQLException e, String what) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int error = e.getErrorCode();
        String code;
        boolean retryable;
        String hint;
        if (state.startsWith("40")) {
            code = "TARGET_DEADLOCK";
            retryable = true;
            hint = "the transaction was rolled back (deadlock or serialization failure); it will be retried";
        } else if (error == DATABASE_LOCKED) {
            code = "TARGET_IN_USE";
            retryable = true;
            hint = "the HSQLDB database files are open in another process; close it, or reach the database through a server";
        } else if (state.startsWith("08") || e instanceof SQLRecoverableException) {
            code = "TARGET_CONNECTION";
            retryable = true;
            hint = "the connection to HSQLDB was lost; it will be retried";
        } else if (state.equals("23505")) {
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
            hint = "HSQLDB refused the statement";
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : PASSWORD.matcher(e.getMessage()).replaceAll("$1=***");
        return MirrorException.target(code, retryable, what + " failed: " + hint + " (HSQLDB error " + error + ", SQLState "
                + state + ": " + detail + ")", e);
    }
}
