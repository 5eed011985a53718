package dev.mirror.dialect.support;

import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.model.TableSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;

/**
 * A dialect's bulk path into a stage (batched inserts, COPY, bulk copy). Called by {@link StagedApply} on the caller's
 * thread and transaction, once per chunk, after the stage was created.
 */
@FunctionalInterface
public interface StageWriter {
    /**
     * Writes every change of {@code changes} into the stage, streaming (never the whole batch in memory): the values of
     * {@code schema}'s columns into {@code stage.columns()}, {@link StagedChange#seq} into {@code stage.seq()} and
     * {@link StagedChange#opCode} into {@code stage.op()}.
     *
     * @param table the mirror table (target name) the stage is for
     * @param stage the stage as {@link StageSql#stage} described it
     */
    void write(Connection connection, String table, TableSchema schema, StagedChanges stage, Iterator<StagedChange> changes)
            throws SQLException;
}
