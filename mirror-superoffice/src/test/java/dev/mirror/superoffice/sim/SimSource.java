package dev.mirror.superoffice.sim;

import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny "SuperOffice database" for the simulator: tables with rows keyed by primary key, and a change
 * version (LSN) bumped by every change, so {@link #changesSince} can give the final state of each row
 * changed after an LSN, as SuperOffice does. Not thread-safe.
 */
public final class SimSource {
    private record Change(long version, Operation op) {
    }

    private final Map<String, TableSchema> tables = new LinkedHashMap<>();
    private final Map<String, LinkedHashMap<List<Object>, Object[]>> rows = new LinkedHashMap<>();
    private final Map<String, LinkedHashMap<List<Object>, Change>> changes = new LinkedHashMap<>();
    private long version = 1000;

    /** Creates (or drops and re-creates, with no rows) a table. */
    public void createTable(TableSchema schema) {
        tables.put(schema.name(), schema);
        rows.put(schema.name(), new LinkedHashMap<>());
        changes.put(schema.name(), new LinkedHashMap<>());
        version++;
    }

    public void dropTable(String name) {
        tables.remove(name);
        rows.remove(name);
        changes.remove(name);
        version++;
    }

    /** Inserts or updates a row (all columns, in schema order). */
    public void upsert(String table, Object... values) {
        TableSchema s = tables.get(table);
        if (values.length != s.columnCount()) {
            throw new IllegalArgumentException("table " + table + " has " + s.columnCount() + " columns");
        }
        List<Object> key = key(s, values);
        Object[] old = rows.get(table).put(key, values.clone());
        changes.get(table).put(key, new Change(++version, old == null ? Operation.INSERT : Operation.UPDATE));
    }

    /** Deletes a row by its key values. */
    public void delete(String table, Object... keyValues) {
        List<Object> key = Arrays.asList(keyValues);
        if (rows.get(table).remove(key) != null) {
            changes.get(table).put(key, new Change(++version, Operation.DELETE));
        }
    }

    public long currentLsn() {
        return version;
    }

    public List<TableSchema> schemas() {
        return List.copyOf(tables.values());
    }

    public TableSchema schema(String table) {
        return tables.get(table);
    }

    /** Current rows by key (copies). */
    public Map<List<Object>, Object[]> rows(String table) {
        Map<List<Object>, Object[]> m = new LinkedHashMap<>();
        rows.get(table).forEach((k, v) -> m.put(k, v.clone()));
        return m;
    }

    /** Every row as an insert (full population). */
    public List<RowChange> allRows(String table) {
        List<RowChange> r = new ArrayList<>();
        rows.get(table).values().forEach(v -> r.add(new RowChange(Operation.INSERT, Row.of(v))));
        return r;
    }

    /** The final state of every row changed after {@code lsn}. */
    public List<RowChange> changesSince(String table, long lsn) {
        TableSchema s = tables.get(table);
        List<RowChange> r = new ArrayList<>();
        changes.get(table).forEach((key, c) -> {
            if (c.version() > lsn) {
                if (c.op() == Operation.DELETE) {
                    Object[] v = new Object[s.columnCount()];
                    int[] k = s.keyIndexes();
                    for (int i = 0; i < k.length; i++) {
                        v[k[i]] = key.get(i);
                    }
                    r.add(new RowChange(Operation.DELETE, Row.of(v)));
                } else {
                    r.add(new RowChange(c.op(), Row.of(rows.get(table).get(key))));
                }
            }
        });
        return r;
    }

    private static List<Object> key(TableSchema s, Object[] values) {
        List<Object> k = new ArrayList<>();
        for (int i : s.keyIndexes()) {
            k.add(values[i]);
        }
        return k;
    }
}
