package dev.mirror.dialect.support;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.dialect.ChangeApplier;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The staged, set-wise apply every JDBC dialect shares, written once:
 * <ol>
 * <li>describe and create the stage ({@link StageSql#stage}, {@link StageSql#prepareStage});</li>
 * <li>stage the batch through the dialect's bulk path ({@link StageWriter}) with each change's position in the batch
 *     and its operation, in chunks ({@link ChunkLimit});</li>
 * <li>per chunk: keep the last change per key and either delete ({@link StageSql#deleteJoin}) then upsert
 *     ({@link StageSql#upsertFromStage}), or merge ({@link StageSql#mergeFromStage}); empty the stage between chunks;</li>
 * <li>drop the stage; return the counts by operation as received.</li>
 * </ol>
 * {@link #withStagedChanges} stages the same way (one chunk, the {@link StageUse#CORE} stage) and runs core's work
 * instead of step 3. Everything runs in the caller's transaction (auto-commit off); nothing is committed here.
 * Stateless; thread-safe when the dialect's parts are.
 */
public final class StagedApply implements ChangeApplier {
    private final StageSql sql;
    private final StageWriter writer;
    private final ChunkLimit limit;

    /** A skeleton applying each batch in one chunk. */
    public StagedApply(StageSql sql, StageWriter writer) {
        this(sql, writer, ChunkLimit.NONE);
    }

    public StagedApply(StageSql sql, StageWriter writer, ChunkLimit limit) {
        this.sql = requireNonNull(sql, "sql is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.limit = requireNonNull(limit, "limit is null");
    }

    @Override
    public TableCounts applyChanges(Connection connection, String table, TableSchema schema, Iterator<RowChange> changes)
            throws SQLException {
        if (!changes.hasNext()) {
            return TableCounts.ZERO;
        }
        requireTransaction(connection, table);
        StagedChanges stage = sql.stage(connection, table, schema, StageUse.APPLY);
        sql.prepareStage(connection, table, schema, stage, StageUse.APPLY);
        Sequencer sequencer = new Sequencer(schema, changes);
        TableCounts total = TableCounts.ZERO;
        Optional<String> merge = sql.mergeFromStage(table, schema, stage);
        try (Statement s = connection.createStatement()) {
            while (sequencer.hasNext()) {
                Chunk chunk = new Chunk(sequencer, limit);
                writer.write(connection, table, schema, stage, chunk);
                chunk.drain(); // a writer that stops early must not leave changes behind unseen
                TableCounts counts = chunk.counts();
                total = total.plus(counts);
                if (merge.isPresent()) {
                    s.executeUpdate(merge.get());
                } else {
                    if (sql.deleteNeeded(counts)) {
                        s.executeUpdate(sql.deleteJoin(table, schema, stage));
                    }
                    if (counts.inserts() + counts.updates() > 0) {
                        s.executeUpdate(sql.upsertFromStage(table, schema, stage));
                    }
                }
                if (sequencer.hasNext()) {
                    StageSql.run(connection, sql.clearStage(stage, StageUse.APPLY));
                }
            }
        }
        StageSql.run(connection, sql.dropStage(stage, StageUse.APPLY));
        return total;
    }

    /**
     * Stages the whole batch in one chunk (core's statements need it at once: one version time per batch; batches are
     * bounded by the source) and runs {@code work} over it when the batch is not empty; the stage is dropped afterwards.
     */
    @Override
    public TableCounts withStagedChanges(Connection connection, String table, TableSchema schema,
                                         Iterator<RowChange> changes, StagedChanges.Work work) throws SQLException {
        requireNonNull(work, "work is null");
        requireTransaction(connection, table);
        StagedChanges stage = sql.stage(connection, table, schema, StageUse.CORE);
        sql.prepareStage(connection, table, schema, stage, StageUse.CORE);
        Chunk all = new Chunk(new Sequencer(schema, changes), ChunkLimit.NONE);
        writer.write(connection, table, schema, stage, all);
        all.drain();
        if (all.staged() > 0) {
            work.run(connection, stage);
        }
        StageSql.run(connection, sql.dropStage(stage, StageUse.CORE));
        return all.counts();
    }

    private static void requireTransaction(Connection connection, String table) throws SQLException {
        if (connection.getAutoCommit()) {
            throw MirrorException.internal("staging changes of table '" + table + "' needs a transaction (auto-commit off):"
                    + " the stage and the changes must commit with the LSN", null);
        }
    }

    /** Numbers the changes 1, 2, ... and checks each row's size against the schema. */
    private static final class Sequencer {
        private final TableSchema schema;
        private final Iterator<RowChange> changes;
        private long seq;

        Sequencer(TableSchema schema, Iterator<RowChange> changes) {
            this.schema = requireNonNull(schema, "schema is null");
            this.changes = requireNonNull(changes, "changes is null");
        }

        boolean hasNext() {
            return changes.hasNext();
        }

        StagedChange next() {
            RowChange change = changes.next();
            if (change.row().size() != schema.columnCount()) {
                throw MirrorException.source("ROW_SHAPE", false, "a change for table '" + schema.name() + "' has "
                        + change.row().size() + " values but the table has " + schema.columnCount() + " columns", null);
            }
            return new StagedChange(++seq, change.operation(), change.row());
        }
    }

    /** The changes of one chunk, counted by operation as the writer reads them. */
    private static final class Chunk implements Iterator<StagedChange> {
        private final Sequencer source;
        private final ChunkLimit limit;
        private final long[] counts = new long[3];
        private long rows;
        private long weight;

        Chunk(Sequencer source, ChunkLimit limit) {
            this.source = source;
            this.limit = limit;
        }

        @Override
        public boolean hasNext() {
            return rows < limit.rows() && weight < limit.weight() && source.hasNext();
        }

        @Override
        public StagedChange next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the chunk is complete");
            }
            StagedChange c = source.next();
            rows++;
            weight += limit.weigher().applyAsLong(c.row());
            counts[c.operation().ordinal()]++;
            return c;
        }

        void drain() {
            if (hasNext()) {
                throw new IllegalStateException("the stage writer did not write every change of the chunk");
            }
        }

        long staged() {
            return rows;
        }

        TableCounts counts() {
            return new TableCounts(counts[0], counts[1], counts[2]);
        }
    }
}
