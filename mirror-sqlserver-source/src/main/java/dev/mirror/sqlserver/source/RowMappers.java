package dev.mirror.sqlserver.source;

import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;

/** Turns rows of the snapshot and CHANGETABLE queries into {@link RowChange}s. */
final class RowMappers {
    private RowMappers() {
    }

    /** A row of {@link ChangeTrackingSql#snapshot}: an insert of every column. */
    static ResultSetChanges.Mapper snapshot(TableSchema table) {
        return rs -> {
            Object[] v = new Object[table.columnCount()];
            for (int i = 0; i < v.length; i++) {
                v[i] = ValueReader.read(rs, i + 1, table.columns().get(i).type());
            }
            return new RowChange(Operation.INSERT, Row.of(v));
        };
    }

    /**
     * A row of {@link ChangeTrackingSql#changes}. A D carries only the key (from ct). An I or U whose row is
     * gone from the table (the LEFT JOIN found nothing) is sent as a delete: under SNAPSHOT isolation that
     * cannot happen, but if it did, the row is not in the source at the version read.
     */
    static ResultSetChanges.Mapper changes(TableSchema table) {
        int[] keys = table.keyIndexes();
        int firstTableColumn = 3 + keys.length;
        return rs -> {
            Operation op = Operation.fromCode(rs.getString(1));
            boolean present = rs.getInt(2) == 1;
            Object[] v = new Object[table.columnCount()];
            for (int k = 0; k < keys.length; k++) {
                v[keys[k]] = ValueReader.read(rs, 3 + k, table.columns().get(keys[k]).type());
            }
            if (op != Operation.DELETE) {
                if (!present) {
                    return new RowChange(Operation.DELETE, Row.of(v));
                }
                for (int i = 0; i < v.length; i++) {
                    if (!table.isKey(i)) {
                        v[i] = ValueReader.read(rs, firstTableColumn + i, table.columns().get(i).type());
                    }
                }
            }
            return new RowChange(op, Row.of(v));
        };
    }
}
