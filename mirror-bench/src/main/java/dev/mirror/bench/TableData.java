package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Row;
import dev.mirror.api.model.TableSchema;
import dev.mirror.sample.SampleDataSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table's rows held in memory, so every timed path reads the very same {@link Row} objects and none of them pays
 * for generating the data.
 *
 * @param schema the table as the sample announces it at step 1
 * @param rows   its rows, keys {@code 1..rows.size()} in key order
 */
record TableData(TableSchema schema, List<Row> rows) {
    TableData {
        requireNonNull(schema, "schema is null");
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }

    String name() {
        return schema.name();
    }

    /**
     * About {@code total} rows of the sample's tables, split in proportion to their size at scale 1 (so the mix of
     * wide and narrow rows is the sample's), generated at the smallest scale that has enough of them.
     */
    static List<TableData> sample(List<String> tables, long total) {
        return sample(tables, total, false);
    }

    /** The same; with {@code allTables} any of SuperOffice's 413 tables may be named (e.g. databasemodel's varbinary). */
    static List<TableData> sample(List<String> tables, long total, boolean allTables) {
        SampleDataSet.Selection selection = allTables ? SampleDataSet.Selection.ALL : SampleDataSet.Selection.CORE;
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("no tables given: name at least one of the sample's tables");
        }
        if (total < tables.size()) {
            throw new IllegalArgumentException("--rows must be at least the number of tables (" + tables.size() + "), got " + total);
        }
        SampleDataSet one = new SampleDataSet(1, selection);
        Map<String, Long> base = new LinkedHashMap<>();
        for (String t : tables) {
            one.table(t, 1).orElseThrow(() -> new IllegalArgumentException("the sample has no table '" + t
                    + "'; use the core tables, e.g. udcontactsmall, person, contact, appointment, sale"));
            base.put(t, count(one.rows(t, 1)));
        }
        long baseTotal = base.values().stream().mapToLong(Long::longValue).sum();
        int scale = (int) Math.max(1, (total + baseTotal - 1) / baseTotal);
        SampleDataSet data = new SampleDataSet(scale, selection);
        List<TableData> r = new ArrayList<>();
        long left = total;
        int i = 0;
        for (Map.Entry<String, Long> e : base.entrySet()) {
            long want = ++i == base.size() ? left : Math.max(1, Math.round((double) total * e.getValue() / baseTotal));
            want = Math.min(want, left);
            left -= want;
            List<Row> rows = new ArrayList<>((int) want);
            Iterator<Row> it = data.rows(e.getKey(), 1);
            while (rows.size() < want && it.hasNext()) {
                rows.add(it.next());
            }
            r.add(new TableData(data.table(e.getKey(), 1).orElseThrow(), rows));
        }
        return r;
    }

    static long totalRows(List<TableData> tables) {
        return tables.stream().mapToLong(t -> t.rows().size()).sum();
    }

    private static long count(Iterator<Row> rows) {
        long n = 0;
        while (rows.hasNext()) {
            rows.next();
            n++;
        }
        return n;
    }
}
