package dev.mirror.sqlserver.source;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.RowChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.NoSuchElementException;
import dev.mirror.api.protocol.ChangeCursor;

/**
 * Row changes read one at a time from a streaming result set (mssql-jdbc's default
 * {@code responseBuffering=adaptive} reads rows from the network as they are asked for, so a table of any
 * size passes in bounded memory: https://learn.microsoft.com/sql/connect/jdbc/using-adaptive-buffering).
 * Closing releases the result set and its statement.
 */
final class ResultSetChanges implements ChangeCursor {
    /** Maps the current row of the result set. */
    @FunctionalInterface
    interface Mapper {
        RowChange map(ResultSet rs) throws SQLException;
    }

    private final Statement statement;
    private final ResultSet rs;
    private final Mapper mapper;
    private final String table;
    private RowChange pending;
    private boolean done;

    ResultSetChanges(Statement statement, ResultSet rs, Mapper mapper, String table) {
        this.statement = statement;
        this.rs = rs;
        this.mapper = mapper;
        this.table = table;
    }

    @Override
    public boolean hasNext() {
        if (pending != null) {
            return true;
        }
        if (done) {
            return false;
        }
        try {
            if (rs.next()) {
                pending = mapper.map(rs);
                return true;
            }
            done = true;
            return false;
        } catch (SQLException e) {
            throw MirrorException.source("SOURCE_READ", isTransient(e), "reading table '" + table + "' from the source failed: "
                    + e.getMessage() + " (SQL Server error " + e.getErrorCode() + ")", e);
        }
    }

    @Override
    public RowChange next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RowChange r = pending;
        pending = null;
        return r;
    }

    @Override
    public void close() {
        try {
            rs.close();
        } catch (SQLException ignored) {
            // closing a result set of a failed read; the read's own error is what matters
        }
        try {
            statement.close();
        } catch (SQLException ignored) {
            // as above
        }
    }

    static boolean isTransient(SQLException e) {
        String s = e.getSQLState();
        return e.getErrorCode() == 1205 || e.getErrorCode() == 1222 || (s != null && s.startsWith("08"));
    }
}
