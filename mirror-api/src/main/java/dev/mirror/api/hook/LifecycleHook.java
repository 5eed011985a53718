package dev.mirror.api.hook;

import dev.mirror.api.protocol.CycleReport;

/**
 * Observes and acts on the mirror's lifecycle: the equivalent of SuperOffice's {@code IMirrorAdmin}
 * ({@code OnBeforeReplicateTable}, {@code OnWipe}, {@code OnReplicationCompleted}). Every method has an
 * empty default, so a hook overrides only what it needs; the SPI grows by new default methods.
 *
 * <p>Calls come on the thread that runs the protocol step, after core's transaction for that step has
 * committed, so a hook sees committed data and its own SQL (through {@link HookContext#target()}) is not
 * part of the mirror's transactions.
 *
 * <p><b>Thread-safety a hook needs:</b> the per-table calls of the load ({@link #onTableWiped}, {@link #onShadowLoaded},
 * {@link #onTablePopulated}) may come from several threads at once for <em>different</em> tables: a pull cycle processes up to
 * {@code run.workers} tables in parallel, and a push source serves several calls at once. Calls for the same table
 * never overlap and come in the protocol's order (wiped, shadow loaded, populated). {@link #onCycleStarted},
 * {@link #onTableReconciled}, {@link #onTableDropped} (the schema step), {@link #onCycleCompleted} and {@link #onCycleFailed} of a context run while no table
 * step of that context runs. So a hook's own state touched by per-table calls must be thread-safe (e.g. a concurrent
 * map keyed by table); state touched only by the cycle-wide calls needs nothing more. Several contexts (tenants of a
 * push source) may call one hook instance at once.
 *
 * <p><b>Failure policy:</b> a hook that throws does not fail the table or the cycle: core logs the error
 * with the hook's name, adds it to the cycle report's table line as a warning, and goes on. A hook that
 * needs to stop mirroring must say so through its own monitoring, not by throwing.
 */
public interface LifecycleHook {
    /** A cycle started (the schema step began). */
    default void onCycleStarted(HookContext context) {
    }

    /**
     * Before a table's rows are replicated this cycle, after its schema was reconciled: called once per
     * announced, non-blocked table per cycle, with what reconciliation did ({@code NONE}, {@code CREATED},
     * {@code ALTERED}, {@code RECREATED}, {@code FAILED}).
     */
    default void onTableReconciled(TableEvent event) {
    }

    /** A table was emptied for a repopulation (SuperOffice's Wipe, or a full reload starting). */
    default void onTableWiped(TableEvent event) {
    }

    /**
     * A repopulation's new contents are fully loaded into {@code shadowTable} (a target name, committed, not yet visible to
     * readers) and are about to be swapped into the table's place: build indexes here, on the shadow, so they exist the
     * moment readers see the new contents. Index names are schema-wide on some targets (PostgreSQL, H2): give them
     * temporary names and rename them in {@link #onTablePopulated} (see {@link TargetSession#renameIndex}). Not called
     * when a table that did not exist yet is loaded directly (then only {@link #onTablePopulated}).
     */
    default void onShadowLoaded(TableEvent event, String shadowTable) {
    }

    /** A table was fully repopulated and committed (build indexes here: after the load, not before). */
    default void onTablePopulated(TableEvent event) {
    }

    /** A table disappeared from the source and was dropped from the mirror. */
    default void onTableDropped(TableEvent event) {
    }

    /** The cycle completed; the report has per-table insert / update / delete counts. */
    default void onCycleCompleted(HookContext context, CycleReport report) {
    }

    /** The cycle failed as a whole (source unreachable, for example). */
    default void onCycleFailed(HookContext context, Throwable cause) {
    }
}
