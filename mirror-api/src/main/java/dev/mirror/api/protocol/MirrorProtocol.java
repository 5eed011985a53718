package dev.mirror.api.protocol;

import dev.mirror.api.model.TableSchema;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The mirroring protocol of SuperOffice, implemented once by core for one context identifier and one
 * target, and driven by every source: <em>schema → the mirror answers each table's LSN → batches of row
 * changes (the last one carries the new LSN) → wipe when a table must be repopulated → completed with
 * counts</em>.
 *
 * <p>A pull source (Change Tracking, the sample) receives an instance in
 * {@link dev.mirror.api.source.ChangeSource#runCycle} and calls {@link #schema}, then {@link #apply} or
 * {@link #repopulate} per accepted table; the runner calls {@link #complete} afterwards. A push source
 * (the SuperOffice endpoint) obtains an instance per incoming call from
 * {@link dev.mirror.api.source.ProtocolSessions} and turns each call into one step, including
 * {@link #complete}.
 *
 * <p>Threading: an instance may be called from several threads, but core serializes the steps that touch
 * the same table (never two at once for the same context and table). Per-table failures never throw:
 * they come back in {@link ApplyResult} / {@link TableAnswer} and the cycle report, so one bad table does
 * not stop the others. Methods throw {@link dev.mirror.api.MirrorException} only when the whole context
 * cannot proceed (target unreachable, metadata table unusable).
 */
public interface MirrorProtocol {
    /** The context identifier this protocol instance serves. */
    dev.mirror.api.ContextId contextId();

    /**
     * The schema step; starts a cycle. Core hashes each table's simplified schema, reconciles the mirror
     * table when the hash changed (create / alter in place / drop-recreate), skips blocked tables (still
     * recording their LSN when the source sends one), drops mirror tables that are no longer announced,
     * and fires the hooks.
     *
     * @param tables every source table of the context, blocked ones included (core filters them)
     * @return one answer per announced table, in the order given
     */
    List<TableAnswer> schema(List<TableSchema> tables);

    /**
     * Applies one batch of row changes to one table, set-wise and idempotently, in one target transaction
     * that also records {@link ChangeBatch#newLsn()} when present. Rows for blocked tables are read and
     * discarded (the LSN is still recorded).
     */
    ApplyResult apply(ChangeBatch batch);

    /**
     * Replaces a table's whole content with {@code rows} (all inserts) and records {@code lsn}, in one
     * transaction where the target allows it (readers never see a half-filled table), through the
     * target's bulk path, streaming. Pull sources use this for a table whose answer asked for
     * repopulation.
     */
    ApplyResult repopulate(String table, ChangeCursor rows, long lsn);

    /**
     * Empties a table before the source resends it (push sources: SuperOffice's Wipe). Sets the stored
     * LSN to -1 in the same transaction, so a crash before the resend completes repopulates again.
     */
    ApplyResult wipe(String table);

    /**
     * Ends the cycle: fires the completed hook and returns the report.
     *
     * @param sourceCounts per-table counts as the source saw them (may be empty; core's own counts are
     *                     used in the report, the source's are logged where they differ)
     */
    CycleReport complete(Map<String, TableCounts> sourceCounts);

    /**
     * The LSN stored for each table of the context, as the metadata table holds it now, read in one query and without
     * starting a cycle. A source that must know where the mirror stands before announcing its schema (for example the
     * sample, whose schema depends on the step it resumes at) calls this first; others need not. Empty when nothing is
     * stored yet.
     */
    default Map<String, Long> storedLsns() {
        return Map.of();
    }

    /**
     * Runs a pull source's per-table work of one cycle, several tables at once: core calls {@code work} once per item,
     * on up to {@code run.workers} threads of its own, and returns when every call has returned. Each table step the
     * work makes ({@link #apply}, {@link #repopulate}, {@link #wipe}) runs on its own target connection and transaction,
     * as always; steps on the same table are still serialized, and {@link #schema} / {@link #complete} still run alone.
     * So a source gets parallel tables without threads of its own: call this after {@link #schema} with the accepted
     * answers, and make one table's steps, in their order, inside one call of {@code work}.
     *
     * <p>{@code work} must be safe to call from several threads at once for different items (the source's own state
     * included). A per-table failure should come back in the {@link ApplyResult} as usual; if {@code work} throws, the
     * items already started finish, the rest are not started, and the first exception is rethrown here.
     *
     * <p>The default runs the items one after another on the calling thread (for implementations other than core's).
     */
    default <T> void forEachTable(Collection<? extends T> items, Consumer<? super T> work) {
        items.forEach(work);
    }

    /** Ends the cycle as failed (the source could not go on): fires the failed hook. */
    void fail(Throwable cause);
}
