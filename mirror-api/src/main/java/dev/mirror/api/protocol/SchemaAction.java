package dev.mirror.api.protocol;

/** What reconciliation did to a mirror table in one cycle. */
public enum SchemaAction {
    /** The stored schema hash matched: nothing was checked or changed. */
    NONE,
    /** The table did not exist in the mirror and was created (it is then fully populated). */
    CREATED,
    /** Columns were added, dropped or widened in place. */
    ALTERED,
    /** The table was dropped and created with the new schema (it is then fully populated). */
    RECREATED,
    /** The table disappeared from the source and was dropped from the mirror. */
    DROPPED,
    /** The table is on the blocklist: not created, rows discarded, LSN recorded. */
    BLOCKED,
    /** Reconciliation failed; the table is skipped this cycle and retried next cycle. */
    FAILED
}
