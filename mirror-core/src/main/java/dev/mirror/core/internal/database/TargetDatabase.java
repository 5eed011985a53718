package dev.mirror.core.internal.database;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.Redactor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One target database: its dialect and a connection pool. Core owns transactions: {@link #inTransaction} opens
 * one (auto-commit off), hands the connection to the work, commits, and rolls back on any failure; the dialect
 * only writes inside it.
 */
public final class TargetDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(TargetDatabase.class);

    private final TargetDialect dialect;
    private final DataSource dataSource;
    private final Redactor redactor;
    private final RetryPolicy retry;

    public TargetDatabase(TargetDialect dialect, DataSource dataSource, Redactor redactor, RetryPolicy retry) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
        this.retry = requireNonNull(retry, "retry is null");
    }

    public TargetDialect dialect() {
        return dialect;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Work that runs inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction. Retryable failures (deadlock, lock timeout, lost connection) are retried
     * with backoff when {@code repeatable} (the work can run again from the start: it does not consume a stream).
     */
    public <T> T inTransaction(String what, boolean repeatable, Work<T> work) {
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                return once(what, work);
            } catch (MirrorException e) {
                if (!repeatable || !e.retryable() || attempt >= retry.attempts()) {
                    throw e;
                }
                long wait = retry.backoffMillis(attempt);
                LOG.warn("{} failed (attempt {} of {}), retrying in {} ms: {}", what, attempt, retry.attempts(), wait,
                        redactor.redact(e.getMessage()));
                sleep(wait);
            }
        }
    }

    private <T> T once(String what, Work<T> work) {
        Connection c = connect(what);
        try (c) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                rollback(c);
                throw translate(e, what);
            } catch (RuntimeException | Error e) {
                rollback(c);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e, what);
        }
    }

    /**
     * The pool reports a connection it could not open as "Connection is not available, request timed out" with the
     * driver's own failure as the cause: that cause is the real reason (a wrong password, a missing database, a
     * refused connection), so it is what gets classified and shown first.
     */
    static SQLException driverFailure(SQLException e) {
        if (e instanceof SQLTransientConnectionException && e.getCause() instanceof SQLException cause) {
            return cause;
        }
        return e;
    }

    private Connection connect(String what) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw translate(driverFailure(e), "connecting to the target for " + what);
        }
    }

    /** Runs work with auto-commit on (hooks, DDL on targets without transactional DDL). */
    public <T> T autoCommit(String what, Work<T> work) {
        Connection c = connect(what);
        try (c) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw translate(e, what);
        }
    }

    /** The dialect's translation of a driver failure, with secrets masked. */
    public MirrorException translate(SQLException e, String what) {
        MirrorException m = dialect.errors().translate(e, what);
        String safe = redactor.redact(m.getMessage());
        if (safe.equals(m.getMessage())) {
            return m;
        }
        return new MirrorException(m.code(), m.category(), m.retryable(), safe, null);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool discards it and the original failure is what matters
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MirrorException.internal("interrupted while waiting to retry", e);
        }
    }
}
