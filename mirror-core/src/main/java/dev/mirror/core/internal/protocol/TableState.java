package dev.mirror.core.internal.protocol;

import dev.mirror.api.model.TableSchema;
import dev.mirror.core.internal.options.TableLayout;

/**
 * What core knows of one table during a cycle: its schema, target name, stored LSN, whether rows for it are applied,
 * discarded (blocked) or refused (reconciliation failed), how a repopulation of it is loaded, and the shadow table
 * being loaded when one is in progress.
 *
 * @param schema the mirror table's schema (the source's shaped by the table's options: see {@link TableLayout})
 * @param shadow the target name of the shadow table a repopulation is being loaded into, or null
 * @param layout the source schema, the options in force and how source rows become mirror rows
 */
record TableState(String table, TableSchema schema, String targetName, long lsn, Disposition disposition, String failure,
                  Load load, String shadow, TableLayout layout) {
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

    TableState(TableLayout layout, String targetName, long lsn, Disposition disposition, String failure, Load load) {
        this(layout.source().name(), layout.mirror(), targetName, lsn, disposition, failure, load, null, layout);
    }

    TableState withLsn(long newLsn) {
        return new TableState(table, schema, targetName, newLsn, disposition, failure, load, shadow, layout);
    }

    /**
     * A step on the table failed this cycle: later steps are refused until the next schema step, so a batch carrying an
     * LSN can never move the LSN past rows of an earlier batch that were not applied.
     */
    TableState failedThisCycle(String why) {
        return new TableState(table, schema, targetName, lsn, Disposition.FAILED, why, load, shadow, layout);
    }

    TableState withLoad(Load newLoad) {
        return new TableState(table, schema, targetName, lsn, disposition, failure, newLoad, shadow, layout);
    }

    TableState withShadow(String newShadow) {
        return new TableState(table, schema, targetName, lsn, disposition, failure, load, newShadow, layout);
    }

    /** After a completed repopulation: the table holds contents readers see; the next repopulation goes through a shadow. */
    TableState populated(long newLsn) {
        return new TableState(table, schema, targetName, newLsn, disposition, failure, Load.SHADOW, null, layout);
    }

    boolean loadsInPlace() {
        return load == Load.IN_PLACE;
    }
}
