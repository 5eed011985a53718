package dev.mirror.api.dialect;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A batch of changes a dialect has staged for core ({@link ChangeApplier#withStagedChanges}): SQL references, already
 * quoted, to the stage table and its columns, so that core can run its own set-wise statements over the stage (soft
 * delete and history modes) in plain SQL that every target accepts.
 *
 * @param table   the stage table as it appears in a FROM clause ({@code pg_temp.mirror_stage}, {@code #mirror_stage_…})
 * @param columns one column reference per column of the staged schema, in its order, unqualified
 * @param seq     the column holding each change's position in the batch (1, 2, …; the last change of a key has the highest)
 * @param op      the column holding the operation's code ({@code I}, {@code U} or {@code D})
 */
public record StagedChanges(String table, List<String> columns, String seq, String op) {
    public StagedChanges {
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(seq, "seq is null");
        requireNonNull(op, "op is null");
    }

    /** Core's part of a {@link ChangeApplier#withStagedChanges}: runs on the caller's connection and transaction. */
    @FunctionalInterface
    public interface Work {
        void run(java.sql.Connection connection, StagedChanges stage) throws java.sql.SQLException;
    }
}
