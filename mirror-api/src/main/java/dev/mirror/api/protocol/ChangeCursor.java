package dev.mirror.api.protocol;

import dev.mirror.api.model.RowChange;
import java.util.Iterator;
import java.util.List;

/**
 * A stream of row changes that the consumer (core) reads once, in order, and then closes. Sources back
 * it with a JDBC result set, a StAX reader or a generator so that a table of any size passes through in
 * bounded memory. {@link #hasNext()} and {@link #next()} may throw
 * {@link dev.mirror.api.MirrorException} (category SOURCE) when the source fails mid-stream; core then
 * rolls the table's transaction back and reports the table as failed.
 */
public interface ChangeCursor extends Iterator<RowChange>, AutoCloseable {
    /** Releases what the cursor holds (result set, statement). Called exactly once by the consumer. */
    @Override
    void close();

    /** A cursor over an in-memory list (tests, small batches). */
    static ChangeCursor of(List<RowChange> changes) {
        return of(changes.iterator(), () -> { });
    }

    /** A cursor over an iterator, with an action run on close. */
    static ChangeCursor of(Iterator<RowChange> changes, Runnable onClose) {
        return new ChangeCursor() {
            @Override
            public boolean hasNext() {
                return changes.hasNext();
            }

            @Override
            public RowChange next() {
                return changes.next();
            }

            @Override
            public void close() {
                onClose.run();
            }
        };
    }
}
