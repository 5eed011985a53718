package dev.mirror.postgresql;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY … FROM STDIN} in progress: rows are encoded into a bounded buffer that is handed to the
 * server through {@link CopyIn#writeToCopy} whenever it exceeds the chunk size, so memory stays bounded
 * whatever the number of rows. pgjdbc always sets {@code client_encoding} to UTF8, so the buffer is sent
 * as UTF-8.
 *
 * <p>Not thread-safe; one instance per COPY. On any failure before {@link #finish()}, call
 * {@link #abort()} so the connection leaves COPY mode (the transaction is then failed, and core rolls it back).
 */
final class CopyStream extends CopySession {
    private final int chunkChars;
    private final StringBuilder buffer;

    private CopyStream(CopyIn copy, int chunkChars) {
        super(copy);
        this.chunkChars = chunkChars;
        this.buffer = new StringBuilder(chunkChars + 1024);
    }

    /** Starts {@code copySql} (a {@code COPY … FROM STDIN} statement) on the connection. */
    static CopyStream start(Connection connection, String copySql, int chunkChars) throws SQLException {
        requireNonNull(connection, "connection is null");
        PGConnection pg = connection.unwrap(PGConnection.class);
        return new CopyStream(pg.getCopyAPI().copyIn(copySql), chunkChars);
    }

    /** The buffer to append one row to (without its line end); call {@link #endRow()} after. */
    StringBuilder row() {
        return buffer;
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        if (buffer.length() >= chunkChars) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            send(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    /** Sends what is left and ends the COPY; returns the row count the server reports. */
    long finish() throws SQLException {
        flush();
        return end();
    }
}
