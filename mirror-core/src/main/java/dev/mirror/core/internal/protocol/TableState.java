package dev.mirror.core.internal.protocol;

import dev.mirror.api.model.TableSchema;

/**
 * What core knows of one table during a cycle: its schema, target name, stored LSN, whether rows for it are applied,
 * discarded (blocked) or refused (reconciliation failed), how a repopulation of it is loaded, and the shadow table
 * being loaded when one is in progress.
 *
 * @param shadow the target name of the shadow table a repopulation is being loaded into, or null
 */
record TableState(String table, TableSchema schema, String targetName, long lsn, Disposition disposition, String failure,
                  Load load, String shadow) {
    enum Disposition { MIRRORED, BLOCKED, FAILED }

    /** How a repopulation of the table is loaded. */
    enum Load {
        /** The table was created empty this cycle and nobody has seen contents in it: load it directly. */
        IN_PLACE,
        /** The table has contents readers see: load a shadow with the same schema and swap it in. */
        SHADOW,
        /**
         * Reconciliation decided to recreate the table (incompatible schema change): the table keeps its old schema and
         * contents, and its old metadata row, until a shadow with the new schema is loaded and swapped in.
         */
        SHADOW_NEW_SCHEMA
    }

    TableState(String table, TableSchema schema, String targetName, long lsn, Disposition disposition, String failure) {
        this(table, schema, targetName, lsn, disposition, failure, Load.SHADOW, null);
    }

    TableState withLsn(long newLsn) {
        return new TableState(table, schema, targetName, newLsn, disposition, failure, load, shadow);
    }

    /**
     * A step on the table failed this cycle: later steps are refused until the next schema step, so a batch carrying an
     * LSN can never move the LSN past rows of an earlier batch that were not applied.
     */
    TableState failedThisCycle(String why) {
        return new TableState(table, schema, targetName, lsn, Disposition.FAILED, why, load, shadow);
    }

    TableState withLoad(Load newLoad) {
        return new TableState(table, schema, targetName, lsn, disposition, failure, newLoad, shadow);
    }

    TableState withShadow(String newShadow) {
        return new TableState(table, schema, targetName, lsn, disposition, failure, load, newShadow);
    }

    /** After a completed repopulation: the table holds contents readers see; the next repopulation goes through a shadow. */
    TableState populated(long newLsn) {
        return new TableState(table, schema, targetName, newLsn, disposition, failure, Load.SHADOW, null);
    }

    boolean loadsInPlace() {
        return load == Load.IN_PLACE;
    }
}
