package dev.mirror.core.protocol;

import dev.mirror.api.model.TableSchema;

/**
 * What core knows of one table during a cycle: its schema, target name, stored LSN and whether rows for it are
 * applied, discarded (blocked) or refused (reconciliation failed).
 */
record TableState(String table, TableSchema schema, String targetName, long lsn, Disposition disposition, String failure) {
    enum Disposition { MIRRORED, BLOCKED, FAILED }

    TableState withLsn(long newLsn) {
        return new TableState(table, schema, targetName, newLsn, disposition, failure);
    }
}
