package dev.mirror.api.dialect;

import dev.mirror.api.ErrorCategory;
import dev.mirror.api.MirrorException;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;

/**
 * A target's set-wise apply of change batches. Obtained through {@link TargetDialect#changes()}. Core calls it on a
 * worker thread, inside the transaction it opened (auto-commit off) in which it then writes the table's LSN: nothing may
 * be committed, rolled back or closed here. {@code mirror-dialect-support}'s {@code StagedApply} implements both methods
 * from a few statements per dialect.
 */
public interface ChangeApplier {
    /**
     * Applies a batch of changes set-wise and idempotently: stage the rows through the bulk path, then one delete/insert
     * or merge statement set per batch (never one statement per row). An insert of an existing key updates it; a delete
     * of a missing key does nothing. When a key appears several times in the batch, the last change wins.
     *
     * @param table   a target name; the table exists with the columns of {@code schema}
     * @param changes read once, on the calling thread; may be empty
     * @return the counts by operation as received
     */
    TableCounts applyChanges(Connection connection, String table, TableSchema schema, Iterator<RowChange> changes)
            throws SQLException;

    /**
     * Stages a batch of changes through the bulk path, exactly as {@link #applyChanges} does, and runs {@code work} over
     * the stage instead of the dialect's own delete/insert or merge: core uses it for the soft delete and history modes,
     * whose statements it writes once for every target. The stage must stay within core's transaction (a temporary
     * table dropped afterwards, or dropped by a rollback), and nothing may be committed. {@code work} runs once, after
     * every change is staged, on the calling thread, and not at all for an empty batch; it may delete rows of the stage.
     *
     * <p>The stage has one column per column of {@code schema} (nullable: a delete carries only its key) plus the
     * change's position in the batch and its operation (see {@link StagedChanges}). The columns of {@code schema} always
     * exist in {@code table}; {@code table} is named only for dialects that derive the stage from it.
     *
     * <p>The default refuses: a dialect that cannot stage for core does not support the soft delete and history modes,
     * and core reports that as a configuration problem of the tables that ask for them.
     *
     * @return the counts by operation as received
     */
    default TableCounts withStagedChanges(Connection connection, String table, TableSchema schema,
                                          Iterator<RowChange> changes, StagedChanges.Work work) throws SQLException {
        throw new MirrorException("UNSUPPORTED", ErrorCategory.CONFIGURATION,
                "this target does not support the softDelete and history modes (it cannot stage changes for core)");
    }
}
