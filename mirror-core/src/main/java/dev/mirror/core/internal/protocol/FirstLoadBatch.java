package dev.mirror.core.internal.protocol;

import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.BulkProgress;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.config.TableMode;
import dev.mirror.api.protocol.TableCounts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch of a table being repopulated by its source (push: after a Wipe, or a table created this cycle), loaded
 * through the dialect's bulk path ({@link TargetDialect#bulkLoad}) instead of its staged upsert when that gives the
 * same result.
 *
 * <p>Why: a push delivers a first load as many small batches (SuperOffice: about 1 MB, a few hundred rows of a wide
 * table), each in its own transaction. The staged upsert costs a fixed set of statements per batch (a temporary
 * stage, its load, a de-duplicating insert, the drop), which measured about half of a push's time; a plain bulk load
 * into the table being filled costs one.
 *
 * <p>When it gives the same result: the table being loaded (a shadow opened by the Wipe, or a table created or wiped
 * this cycle and loaded in place) held none of the batch's keys when the load started, so inserting every row equals
 * upserting it. A batch is tried that way only when it has no delete, fits in {@link #MAX_BUFFERED_BYTES} (it is read
 * into memory first so that it can be applied a second time), the table has a primary key (the target then rejects a
 * key loaded twice) and the table is in mirror mode (soft delete and history keep their staged path). The bulk load
 * runs under a savepoint: a batch that meets a key already loaded (a redelivered batch, a key twice in the batch, an
 * update of an earlier batch's row) fails with an integrity violation, is rolled back to the savepoint and applied
 * again through the staged upsert, in the same transaction. So redelivery stays idempotent, and the LSN still commits
 * with the last batch's rows because the caller's transaction is unchanged.
 */
final class FirstLoadBatch {
    private static final Logger LOG = LoggerFactory.getLogger(FirstLoadBatch.class);
    /** The most a batch may take in memory (estimated) to be tried through the bulk path. */
    static final long MAX_BUFFERED_BYTES = 32L * 1024 * 1024;

    /** The staged upsert of the batch (the fallback), on the caller's connection. */
    @FunctionalInterface
    interface Staged {
        TableCounts apply(Iterator<RowChange> changes) throws SQLException;
    }

    private final List<RowChange> buffered;
    private final Iterator<RowChange> rest;
    private final boolean bulk;
    private boolean consumed;

    private FirstLoadBatch(List<RowChange> buffered, Iterator<RowChange> rest, boolean bulk) {
        this.buffered = buffered;
        this.rest = rest;
        this.bulk = bulk;
    }

    /** Whether batches of {@code state}'s table may be tried through the bulk path (mirror mode, a primary key). */
    static boolean eligible(TableState state) {
        return state.layout().mode() == TableMode.MIRROR && !state.schema().primaryKey().isEmpty();
    }

    /**
     * Reads the batch: into memory while it may still go through the bulk path (no delete seen, under the size limit),
     * then stops reading. {@code eligible} false reads nothing. Source failures while reading propagate.
     */
    static FirstLoadBatch read(Iterator<RowChange> changes, boolean eligible) {
        List<RowChange> buffered = new ArrayList<>();
        if (!eligible) {
            return new FirstLoadBatch(buffered, changes, false);
        }
        long bytes = 0;
        while (changes.hasNext()) {
            RowChange change = changes.next();
            buffered.add(change);
            bytes += estimate(change.row());
            if (change.operation() == Operation.DELETE || bytes > MAX_BUFFERED_BYTES) {
                return new FirstLoadBatch(buffered, changes, false);
            }
        }
        return new FirstLoadBatch(buffered, changes, true);
    }

    /** Whether the whole batch is in memory and insert-only, so that {@link #apply} tries the bulk path. */
    boolean bulk() {
        return bulk;
    }

    /** Every change of the batch, in order (what was read into memory, then the rest): for the staged path only. */
    Iterator<RowChange> changes() {
        if (consumed) {
            throw new IllegalStateException("the batch was already handed to the staged path");
        }
        consumed = true;
        return new Iterator<>() {
            private final Iterator<RowChange> first = buffered.iterator();

            @Override
            public boolean hasNext() {
                return first.hasNext() || rest.hasNext();
            }

            @Override
            public RowChange next() {
                if (first.hasNext()) {
                    return first.next();
                }
                if (!rest.hasNext()) {
                    throw new NoSuchElementException();
                }
                return rest.next();
            }
        };
    }

    /**
     * Writes the batch into {@code into} in the caller's transaction: through {@code dialect.bulkLoad} under a savepoint
     * when {@link #bulk()}, and through {@code staged} when not or when the bulk load met a key already there.
     *
     * @param rows the batch's rows as {@code into} holds them (the table options' load mapping)
     * @return the counts by operation as received, as the staged apply reports them
     */
    TableCounts apply(Connection c, TargetDialect dialect, String into, TableSchema schema, UnaryOperator<Iterator<Row>> rows,
                      Staged staged) throws SQLException {
        if (!bulk) {
            return staged.apply(changes());
        }
        Savepoint savepoint = c.setSavepoint();
        try {
            dialect.bulk().bulkLoad(c, into, schema, rows.apply(buffered.stream().map(RowChange::row).iterator()), BulkProgress.NONE);
        } catch (SQLException | RuntimeException e) {
            if (!integrityViolation(e)) {
                throw e;
            }
            c.rollback(savepoint);
            LOG.info("table {}: a batch of {} rows meets rows already loaded (a redelivered batch, or a key updated again): "
                    + "applied through the staged upsert instead", into, buffered.size());
            return staged.apply(changes());
        }
        release(c, savepoint);
        long updates = buffered.stream().filter(ch -> ch.operation() == Operation.UPDATE).count();
        return new TableCounts(buffered.size() - updates, updates, 0);
    }

    private static void release(Connection c, Savepoint savepoint) throws SQLException {
        try {
            c.releaseSavepoint(savepoint);
        } catch (SQLFeatureNotSupportedException e) {
            // SQL Server's driver cannot release one; the savepoint then ends with the transaction, which is harmless
        }
    }

    /** SQLSTATE class 23 (integrity constraint violation) anywhere in the cause chain: a duplicate key, a NOT NULL. */
    static boolean integrityViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException n = s; n != null; n = n.getNextException()) {
                    if (n.getSQLState() != null && n.getSQLState().startsWith("23")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A rough size of a row in memory, to bound what a batch read ahead may hold. */
    private static long estimate(Row row) {
        long bytes = 32 + 8L * row.size();
        for (int i = 0; i < row.size(); i++) {
            Object v = row.get(i);
            if (v instanceof CharSequence s) {
                bytes += 40 + 2L * s.length();
            } else if (v instanceof byte[] b) {
                bytes += 16 + b.length;
            } else if (v != null) {
                bytes += 24;
            }
        }
        return bytes;
    }
}
