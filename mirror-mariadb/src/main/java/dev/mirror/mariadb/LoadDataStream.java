package dev.mirror.mariadb;

import dev.mirror.api.MirrorException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The file of one {@code LOAD DATA LOCAL INFILE}, produced on the fly: the driver reads this stream while it sends the
 * file to the server, and each read encodes just enough rows to fill a chunk of about {@code chunkBytes}. Memory stays
 * bounded whatever the number of rows, and nothing touches the disk (MariaDB Connector/J's
 * {@code org.mariadb.jdbc.Statement#setLocalInfileInputStream}).
 *
 * <p>A failure while producing rows (a source that fails half way, a value that cannot be encoded) must not break the
 * connection's protocol in the middle of the file transfer: the stream then ends cleanly at the last complete row, and
 * {@link #execute} throws the failure once the statement has returned (core rolls the transaction back, which takes the
 * partly loaded rows with it: InnoDB's LOAD DATA is transactional).
 *
 * <p>Not thread-safe; one per load, used on the loading thread.
 */
final class LoadDataStream extends InputStream {
    /** Produces one row per call: appends it to the sink with its line end, or returns false when there are no more. */
    @FunctionalInterface
    interface RowWriter {
        boolean writeNext(ByteSink sink);
    }

    private final RowWriter writer;
    private final int chunkBytes;
    private final ByteSink sink;
    private int pos;
    private boolean done;
    private long rows;
    private RuntimeException failure;
    private Error fatal;

    LoadDataStream(RowWriter writer, int chunkBytes) {
        this.writer = writer;
        this.chunkBytes = chunkBytes;
        this.sink = new ByteSink(chunkBytes + 1024);
    }

    /** Rows handed to the driver so far. */
    long rows() {
        return rows;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (pos == sink.size) {
            if (done) {
                return -1;
            }
            refill();
        }
        int n = Math.min(len, sink.size - pos);
        System.arraycopy(sink.buf, pos, b, off, n);
        pos += n;
        return n;
    }

    private void refill() {
        sink.size = 0;
        pos = 0;
        while (!done && sink.size < chunkBytes) {
            int rowStart = sink.size;
            try {
                if (writer.writeNext(sink)) {
                    rows++;
                } else {
                    done = true;
                }
            } catch (RuntimeException e) {
                failure = e;
                done = true;
                sink.size = rowStart; // never send half a row
            } catch (Error e) {
                fatal = e;
                done = true;
                sink.size = rowStart;
            }
        }
    }

    /**
     * Runs {@code loadSql} (a {@code LOAD DATA LOCAL INFILE}) with this stream as the file, then throws what producing the
     * rows threw, if anything; then checks that the server took every row. With {@code LOCAL} the server cannot stop the
     * transfer, so it turns duplicate keys and bad values into warnings and skips or alters the row (as with
     * {@code IGNORE}); a load whose row count differs or that left a warning is refused with the server's first warnings.
     *
     * @param expectEveryRow false for a {@code REPLACE} load, whose count includes the replaced rows
     * @return the rows sent
     */
    long execute(Connection connection, String loadSql, String what, boolean expectEveryRow) throws SQLException {
        long affected;
        try (Statement st = connection.createStatement()) {
            st.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(this);
            try {
                affected = st.executeLargeUpdate(loadSql);
            } catch (SQLException e) {
                rethrowFailure();
                throw e;
            }
            rethrowFailure();
            if (st.getWarnings() != null || (expectEveryRow && affected != rows)) {
                String warnings = warnings(connection);
                if (!warnings.isEmpty() || (expectEveryRow && affected != rows)) {
                    String message = "MariaDB did not load every row while " + what + " (" + rows + " rows sent, " + affected
                            + " loaded): " + (warnings.isEmpty() ? "no warning given" : warnings);
                    // A duplicate key (1062) is an integrity violation the server only warned about: say so as SQLSTATE
                    // 23000 in the cause, as a failing INSERT would, so that callers (core's first-load fallback to the
                    // staged upsert) can tell it from other failures.
                    SQLException cause = warnings.contains("(Warning 1062)")
                            ? new java.sql.SQLIntegrityConstraintViolationException(message, "23000", 1062) : null;
                    throw MirrorException.target("TARGET_DATA_INVALID", false, message, cause);
                }
            }
        }
        return rows;
    }

    private void rethrowFailure() {
        if (fatal != null) {
            throw fatal;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The server's warnings of the last statement (level Warning or Error, at most 5), or empty. */
    private static String warnings(Connection connection) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW WARNINGS LIMIT 5")) {
            while (rs.next()) {
                if (!"Note".equalsIgnoreCase(rs.getString(1))) {
                    b.append(b.length() == 0 ? "" : "; ").append(rs.getString(3)).append(" (").append(rs.getString(1))
                            .append(' ').append(rs.getInt(2)).append(')');
                }
            }
        }
        return b.toString();
    }
}
