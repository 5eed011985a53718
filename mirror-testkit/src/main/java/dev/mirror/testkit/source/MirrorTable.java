package dev.mirror.testkit.source;

import dev.mirror.api.model.Lsn;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.protocol.TableCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** One table of an {@link InMemoryMirror}: schema, rows by key, LSN and this cycle's bookkeeping. Not thread-safe. */
final class MirrorTable {
    final boolean blocked;
    final TreeMap<List<Object>, Row> rows = new TreeMap<>(KeyComparator.INSTANCE);
    TableSchema schema;
    long lsn = Lsn.REPOPULATE;
    SchemaAction action;
    String reason;
    TableCounts counts = TableCounts.ZERO;
    boolean repopulated;
    String error;

    MirrorTable(TableSchema schema, boolean blocked) {
        this.schema = schema;
        this.blocked = blocked;
    }

    void startCycle(SchemaAction newAction, String newReason) {
        action = newAction;
        reason = newReason;
        counts = TableCounts.ZERO;
        repopulated = false;
        error = null;
    }

    TableAnswer answer() {
        return new TableAnswer(schema.name(), lsn, action, reason);
    }

    /** Applies idempotently: insert/update of any key upserts, delete of a missing key does nothing. */
    TableCounts apply(List<RowChange> changes) {
        long i = 0;
        long u = 0;
        long d = 0;
        for (RowChange c : changes) {
            List<Object> k = key(c.row());
            switch (c.operation()) {
                case INSERT -> {
                    rows.put(k, c.row());
                    i++;
                }
                case UPDATE -> {
                    rows.put(k, c.row());
                    u++;
                }
                case DELETE -> {
                    rows.remove(k);
                    d++;
                }
            }
        }
        return new TableCounts(i, u, d);
    }

    TableCounts replace(List<RowChange> inserts) {
        rows.clear();
        for (RowChange c : inserts) {
            rows.put(key(c.row()), c.row());
        }
        return new TableCounts(inserts.size(), 0, 0);
    }

    private List<Object> key(Row row) {
        int[] idx = schema.keyIndexes();
        List<Object> k = new ArrayList<>(idx.length);
        for (int i : idx) {
            k.add(row.get(i));
        }
        return List.copyOf(k);
    }
}
