package dev.mirror.superoffice;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Maps a batch's positional values onto the announced schema: the batch's {@code TableInfo.Columns}
 * name the positions (matched to the announced columns by name, case-insensitively), and each value is
 * decoded into its announced column's type. A batch without column list is taken in announced order.
 */
final class RowDecoder {
    private final TableSchema schema;
    private final int[] target;

    private RowDecoder(TableSchema schema, int[] target) {
        this.schema = schema;
        this.target = target;
    }

    static RowDecoder of(TableSchema schema, List<TableSchemaCall.WireColumn> batchColumns) {
        if (batchColumns.isEmpty()) {
            int[] identity = new int[schema.columnCount()];
            for (int i = 0; i < identity.length; i++) {
                identity[i] = i;
            }
            return new RowDecoder(schema, identity);
        }
        int[] target = new int[batchColumns.size()];
        for (int i = 0; i < target.length; i++) {
            String name = batchColumns.get(i).name();
            int j = name == null ? -1 : schema.indexOf(name);
            if (j < 0) {
                throw new IllegalArgumentException("the batch's column '" + name + "' is not in the schema TableSchema "
                        + "announced this cycle");
            }
            target[i] = j;
        }
        return new RowDecoder(schema, target);
    }

    /** Decodes every row once, so a bad value refuses the whole batch before anything is written. */
    void validate(Iterator<BatchSpool.RawRow> rows) {
        int index = 0;
        while (rows.hasNext()) {
            BatchSpool.RawRow r = rows.next();
            index++;
            try {
                Operation.fromCode(TableSchemaCall.strip(r.operation()));
                decode(r.values());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("row " + index + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Decodes every row, like {@link #validate} (same errors), and keeps the results: for a batch held in memory, so
     * each value is decoded once instead of twice (validation, then the apply). Memory stays bounded by the spool's
     * in-memory limit; a spilled batch is validated and decoded again while streamed instead.
     */
    List<RowChange> decodeAll(Iterator<BatchSpool.RawRow> rows) {
        List<RowChange> decoded = new ArrayList<>();
        int index = 0;
        while (rows.hasNext()) {
            BatchSpool.RawRow r = rows.next();
            index++;
            try {
                Operation op = Operation.fromCode(TableSchemaCall.strip(r.operation()));
                decoded.add(new RowChange(op, Row.of(decode(r.values()))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("row " + index + ": " + e.getMessage(), e);
            }
        }
        return decoded;
    }

    /** The row's values in announced column order (columns the batch does not carry are null). */
    Object[] decode(String[] values) {
        if (values.length != target.length) {
            throw new IllegalArgumentException("the row has " + values.length + " value(s) but the batch declares "
                    + target.length + " column(s)");
        }
        Object[] row = new Object[schema.columnCount()];
        for (int i = 0; i < values.length; i++) {
            Column c = schema.columns().get(target[i]);
            row[target[i]] = MonikerDecoder.decode(values[i], c);
        }
        return row;
    }
}
