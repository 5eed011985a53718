package dev.mirror.postgresql;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * What every {@code COPY … FROM STDIN} the dialect runs shares, whatever its format: sending a chunk, ending the COPY
 * once, and cancelling it when a failure comes first, so the connection leaves COPY mode (the transaction is then
 * failed, and core rolls it back). Not thread-safe; one instance per COPY.
 */
abstract class CopySession implements AutoCloseable {
    private final CopyIn copy;
    private boolean done;

    CopySession(CopyIn copy) {
        this.copy = requireNonNull(copy, "copy is null");
    }

    /** Hands {@code length} bytes to the server. */
    final void send(byte[] bytes, int offset, int length) throws SQLException {
        copy.writeToCopy(bytes, offset, length);
    }

    /** Ends the COPY; returns the row count the server reports. Call after sending what is left. */
    final long end() throws SQLException {
        done = true;
        return copy.endCopy();
    }

    /** Cancels the COPY if it is still active; never throws over an earlier failure. */
    final void abort() {
        if (!done && copy.isActive()) {
            done = true;
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // The original failure is what the caller reports; the transaction is failed either way.
            }
        }
    }

    @Override
    public final void close() {
        abort();
    }
}
