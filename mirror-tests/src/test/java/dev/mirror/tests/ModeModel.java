package dev.mirror.tests;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.TableSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a soft delete or history table must hold after each cycle, computed from the source's successive states alone
 * (never from the mirror): soft delete keeps every key ever seen with its last values, flagged when gone; history keeps
 * for every key the sequence of its distinct contents, the last one open while the key exists. Values are kept by column
 * name (lower case), so that a column added later reads as NULL in older rows.
 */
final class ModeModel {
    /**
     * One version (history) or one row (soft delete): values by column name, and whether it is open / not deleted.
     * {@code hidden}: columns a recreate could not carry over (retyped): NULL in the mirror, though the version's values
     * (what its row hash was computed from) still decide whether a later row differs.
     */
    record Version(Map<String, Object> values, boolean live, java.util.Set<String> hidden) {
        Version(Map<String, Object> values, boolean live) {
            this(values, live, java.util.Set.of());
        }

        Version closed() {
            return new Version(values, false, hidden);
        }
    }

    private final Map<String, Map<List<Object>, List<Version>>> tables = new HashMap<>();

    /** A table rebuilt because its options changed: its old rows are not carried over. */
    void reset(String table) {
        tables.remove(table);
    }

    /**
     * A table recreated by an incompatible source change with the same options: its old rows and versions are carried
     * over, the columns whose type changed as NULL.
     */
    void retype(String table, java.util.Set<String> columns) {
        Map<List<Object>, List<Version>> t = tables.get(table);
        if (t == null) {
            return;
        }
        for (List<Version> versions : t.values()) {
            versions.replaceAll(v -> {
                java.util.Set<String> h = new java.util.HashSet<>(v.hidden());
                columns.forEach(c -> h.add(c.toLowerCase()));
                return new Version(v.values(), v.live(), h);
            });
        }
    }

    void dropAllExcept(java.util.Set<String> present) {
        tables.keySet().removeIf(t -> !present.contains(t));
    }

    /** The source's state of {@code schema} at a step. */
    void observe(TableSchema schema, Iterator<Row> rows, boolean history) {
        Map<List<Object>, List<Version>> t = tables.computeIfAbsent(schema.name(), k -> new LinkedHashMap<>());
        Map<List<Object>, Map<String, Object>> now = new LinkedHashMap<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            Map<String, Object> values = new HashMap<>();
            List<Object> key = new ArrayList<>();
            for (int i = 0; i < schema.columnCount(); i++) {
                Column c = schema.columns().get(i);
                Object v = Values.normalize(c.type(), r.get(i));
                if (v != null) {
                    values.put(c.name().toLowerCase(), v);
                }
                if (schema.isKey(i)) {
                    key.add(v);
                }
            }
            now.put(key, values);
        }
        for (var e : now.entrySet()) {
            List<Version> versions = t.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
            Version last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
            if (last != null && last.live() && last.values().equals(e.getValue())) {
                continue;
            }
            if (!history) {
                versions.clear();
            } else if (last != null && last.live()) {
                versions.set(versions.size() - 1, last.closed());
            }
            versions.add(new Version(e.getValue(), true));
        }
        for (var e : t.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                List<Version> versions = e.getValue();
                Version last = versions.get(versions.size() - 1);
                if (last.live()) {
                    versions.set(versions.size() - 1, last.closed());
                }
            }
        }
    }

    /** Every expected row as (values of {@code schema}'s columns normalized, live), sorted for comparison. */
    List<List<Object>> expected(TableSchema schema) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Version> versions : tables.getOrDefault(schema.name(), Map.of()).values()) {
            for (Version v : versions) {
                List<Object> row = new ArrayList<>();
                for (Column c : schema.columns()) {
                    String name = c.name().toLowerCase();
                    row.add(v.hidden().contains(name) ? null : v.values().get(name));
                }
                row.add(v.live());
                rows.add(row);
            }
        }
        rows.sort(ModeModel::compare);
        return rows;
    }

    static int compare(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Objects.toString(a.get(i), "\u0000").compareTo(Objects.toString(b.get(i), "\u0000"));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
