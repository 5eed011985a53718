package dev.mirror.bench;

import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic batch of mixed changes against a table populated with {@link TableData#rows()} (keys
 * {@code 1..n}): 60% updates and 10% deletes of distinct existing keys, 30% inserts of new keys, shuffled. Every key
 * appears at most once, so the set-wise apply and the row-by-row sink must end in the same table whatever order they
 * process the changes in (the benchmark checks that). An update carries another row's values under its own key, so
 * (almost) every column really changes.
 */
final class ChangeMix {
    static final double UPDATES = 0.6;
    static final double DELETES = 0.1;

    private ChangeMix() {
    }

    static List<RowChange> generate(TableData table, int count, long seed) {
        List<Row> rows = table.rows();
        int n = rows.size();
        int updates = (int) Math.round(count * UPDATES);
        int deletes = (int) Math.round(count * DELETES);
        int inserts = count - updates - deletes;
        if (updates + deletes > n) {
            throw new IllegalArgumentException("table " + table.name() + " has " + n + " rows, too few for " + updates
                    + " updates and " + deletes + " deletes of distinct keys; lower --changes or raise --rows");
        }
        int[] keyIndexes = table.schema().keyIndexes();
        if (keyIndexes.length != 1) {
            throw new IllegalArgumentException("table " + table.name() + " must have a one-column primary key");
        }
        int k = keyIndexes[0];
        Random random = new Random(seed);
        int[] keys = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = i + 1;
        }
        // partial Fisher-Yates: the first updates + deletes entries become a random sample of distinct keys
        for (int i = 0; i < updates + deletes; i++) {
            int j = i + random.nextInt(n - i);
            int t = keys[i];
            keys[i] = keys[j];
            keys[j] = t;
        }
        List<RowChange> changes = new ArrayList<>(count);
        for (int i = 0; i < updates; i++) {
            int key = keys[i];
            changes.add(new RowChange(Operation.UPDATE, withKey(rows.get((key - 1 + n / 2) % n), k, key)));
        }
        for (int i = updates; i < updates + deletes; i++) {
            Object[] v = new Object[table.schema().columnCount()];
            v[k] = keys[i];
            changes.add(new RowChange(Operation.DELETE, Row.of(v)));
        }
        for (int i = 0; i < inserts; i++) {
            changes.add(new RowChange(Operation.INSERT, withKey(rows.get(i % n), k, n + 1 + i)));
        }
        Collections.shuffle(changes, random);
        return changes;
    }

    /**
     * The table's rows after {@code changes} (each key at most once, as {@link #generate} makes them): updates
     * replace their row, inserts add theirs, deletes remove theirs. What a correct apply must leave in the table.
     */
    static List<Row> applied(TableData table, List<RowChange> changes) {
        int k = table.schema().keyIndexes()[0];
        Map<Object, Row> rows = new LinkedHashMap<>();
        for (Row r : table.rows()) {
            rows.put(r.get(k), r);
        }
        for (RowChange c : changes) {
            if (c.operation() == Operation.DELETE) {
                rows.remove(c.row().get(k));
            } else {
                rows.put(c.row().get(k), c.row());
            }
        }
        return new ArrayList<>(rows.values());
    }

    private static Row withKey(Row row, int keyIndex, int key) {
        Object[] v = row.toArray();
        v[keyIndex] = key;
        return Row.of(v);
    }
}
