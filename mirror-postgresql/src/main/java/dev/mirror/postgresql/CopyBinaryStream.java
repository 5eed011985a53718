package dev.mirror.postgresql;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteConverter;

/**
 * One {@code COPY … FROM STDIN (FORMAT binary)} in progress: the file header, then tuples written into a bounded byte
 * buffer that goes to the server through {@link CopyIn#writeToCopy} whenever a row ends past the chunk size, then the
 * trailer (<a href="https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.4">COPY, Binary Format</a>).
 * Integers are written big-endian by pgjdbc's {@link ByteConverter}.
 *
 * <p>Not thread-safe; one instance per COPY. On any failure before {@link #finish()}, call {@link #abort()} (or close)
 * so the connection leaves COPY mode.
 */
final class CopyBinaryStream extends CopySession {
    /** The 11-byte signature, then the flags field (no OIDs) and the header extension length (none). */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

    private final int chunkBytes;
    private byte[] buffer;
    private int size;

    CopyBinaryStream(CopyIn copy, int chunkBytes) {
        super(copy);
        this.chunkBytes = chunkBytes;
        this.buffer = new byte[chunkBytes + 1024];
        write(HEADER);
    }

    /** Starts {@code copySql} (a {@code COPY … FROM STDIN (FORMAT binary)}) on the connection. */
    static CopyBinaryStream start(Connection connection, String copySql, int chunkBytes) throws SQLException {
        requireNonNull(connection, "connection is null");
        return new CopyBinaryStream(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql), chunkBytes);
    }

    /** Starts a tuple of {@code fields} fields. */
    void startRow(int fields) {
        int2(fields);
    }

    /** Ends a tuple; sends the buffer when it has reached the chunk size. */
    void endRow() throws SQLException {
        if (size >= chunkBytes) {
            flush();
        }
    }

    void nullField() {
        int4(-1);
    }

    void int2Field(short v) {
        int4(2);
        int2(v);
    }

    void int4Field(int v) {
        int4(4);
        int4(v);
    }

    void int8Field(long v) {
        int4(8);
        ensure(8);
        ByteConverter.int8(buffer, size, v);
        size += 8;
    }

    void float4Field(float v) {
        int4(4);
        ensure(4);
        ByteConverter.float4(buffer, size, v);
        size += 4;
    }

    void float8Field(double v) {
        int4(8);
        ensure(8);
        ByteConverter.float8(buffer, size, v);
        size += 8;
    }

    void boolField(boolean v) {
        int4(1);
        ensure(1);
        buffer[size++] = (byte) (v ? 1 : 0);
    }

    void uuidField(long mostSignificant, long leastSignificant) {
        int4(16);
        ensure(16);
        ByteConverter.int8(buffer, size, mostSignificant);
        ByteConverter.int8(buffer, size + 8, leastSignificant);
        size += 16;
    }

    /** A field whose value is these bytes (text as UTF-8, bytea, numeric, uuid). */
    void bytesField(byte[] v) {
        int4(v.length);
        write(v);
    }

    private void int2(int v) {
        ensure(2);
        ByteConverter.int2(buffer, size, v);
        size += 2;
    }

    private void int4(int v) {
        ensure(4);
        ByteConverter.int4(buffer, size, v);
        size += 4;
    }

    private void write(byte[] v) {
        ensure(v.length);
        System.arraycopy(v, 0, buffer, size, v.length);
        size += v.length;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }

    private void flush() throws SQLException {
        if (size > 0) {
            send(buffer, 0, size);
            size = 0;
        }
    }

    /** Writes the trailer, sends what is left and ends the COPY; returns the row count the server reports. */
    long finish() throws SQLException {
        int2(-1);
        flush();
        return end();
    }

    /** What has been written and not yet sent (for tests). */
    byte[] pending() {
        return Arrays.copyOf(buffer, size);
    }
}
