package dev.mirror.core.internal.protocol;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.protocol.ChangeCursor;
import java.util.Iterator;

/** The rows of a full repopulation: every change must be an insert (or update); a delete is a source defect. */
final class InsertRows implements Iterator<Row> {
    private final String table;
    private final ChangeCursor changes;

    InsertRows(String table, ChangeCursor changes) {
        this.table = table;
        this.changes = changes;
    }

    @Override
    public boolean hasNext() {
        return changes.hasNext();
    }

    @Override
    public Row next() {
        RowChange c = changes.next();
        if (c.operation() == Operation.DELETE) {
            throw MirrorException.source("SOURCE_INVALID_SNAPSHOT", false,
                    "the full snapshot of " + table + " contains a delete; a snapshot must contain only rows", null);
        }
        return c.row();
    }
}
