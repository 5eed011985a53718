package dev.mirror.sqlserver.dialect;

import dev.mirror.api.MirrorException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Classifies SQL Server failures. Retryable (core retries with backoff): 1205 deadlock victim and 1222
 * lock request timeout (https://learn.microsoft.com/sql/relational-databases/errors-events/database-engine-events-and-errors),
 * the Azure SQL transient errors Microsoft lists for retry logic (40197, 40501, 40613, 49918, 49919, 49920;
 * https://learn.microsoft.com/azure/azure-sql/database/troubleshoot-common-errors-issues), lost connections
 * (SQLState class 08, e.g. 08S01 communication link failure) and query timeouts. Everything else fails the
 * table with the server's message.
 */
public final class SqlServerErrors {
    private static final Set<Integer> AZURE_TRANSIENT = Set.of(40197, 40501, 40613, 49918, 49919, 49920);

    private SqlServerErrors() {
    }

    /** The failure as a TARGET {@link MirrorException}; {@code what} says what was being done. */
    public static MirrorException translate(SQLException e, String what) {
        String code = classify(e);
        boolean retryable = !code.equals("TARGET_SQL");
        String message = what + " failed: " + e.getMessage() + " (SQL Server error " + e.getErrorCode() + ", SQLState "
                + e.getSQLState() + ")" + (retryable ? "; transient, will be retried" : "");
        return MirrorException.target(code, retryable, message, e);
    }

    /** The code for a failure, looking through chained exceptions. */
    static String classify(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String c = classifyOne(s);
                if (c != null) {
                    return c;
                }
                SQLException next = s.getNextException();
                if (next != null && next != s) {
                    c = classifyOne(next);
                    if (c != null) {
                        return c;
                    }
                }
            }
        }
        return "TARGET_SQL";
    }

    private static String classifyOne(SQLException s) {
        int n = s.getErrorCode();
        String state = s.getSQLState();
        if (n == 1205) {
            return "TARGET_DEADLOCK";
        }
        if (n == 1222) {
            return "TARGET_LOCK_TIMEOUT";
        }
        if (AZURE_TRANSIENT.contains(n)) {
            return "TARGET_UNAVAILABLE";
        }
        if ((state != null && state.startsWith("08")) || s instanceof SQLTransientConnectionException
                || s instanceof SQLRecoverableException) {
            return "TARGET_CONNECTION_LOST";
        }
        if (s instanceof SQLTimeoutException || "HYT00".equals(state) || "HY008".equals(state)) {
            return "TARGET_TIMEOUT";
        }
        return null;
    }
}
