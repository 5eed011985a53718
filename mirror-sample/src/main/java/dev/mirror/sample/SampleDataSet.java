package dev.mirror.sample;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Lsn;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ChangeCursor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sample's data as a pure function of (table, step, scale): every table's schema and rows at any step
 * of the script, and the net changes between two steps, generated lazily in primary-key order so memory
 * stays bounded at any scale. Two instances with the same scale and selection produce identical data, in
 * any process. Thread-safe and immutable.
 *
 * <p>Tests use it to compare a mirror with the source: {@code tables(step)} and {@code rows(table, step)}
 * are the truth at {@code step}.
 */
public final class SampleDataSet {
    /** The last scripted step; later steps change nothing. */
    public static final int LAST_STEP = SampleScript.LAST_STEP;
    private static final long KEY = Long.MIN_VALUE;
    private final java.util.Map<TableSchema, long[]> columnSeeds = new java.util.concurrent.ConcurrentHashMap<>();

    /** Which tables the data set has. */
    public enum Selection {
        /** The core SuperOffice tables plus the blocked extras (about 20,000 rows at scale 1). */
        CORE,
        /** All 413 tables of SuperOffice's schema plus the blocked extras (the benchmark set). */
        ALL
    }

    private final int scale;
    private final Selection selection;
    private final Map<String, TableSchema> base;
    private final Map<String, RowLifecycle> lifecycles = new ConcurrentHashMap<>();

    public SampleDataSet(int scale, Selection selection) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        this.scale = scale;
        this.selection = requireNonNull(selection, "selection is null");
        Map<String, TableSchema> all = SchemaCatalog.superOffice();
        Map<String, TableSchema> chosen = new LinkedHashMap<>();
        if (selection == Selection.CORE) {
            SchemaCatalog.CORE.forEach(t -> chosen.put(t, all.get(t)));
        } else {
            chosen.putAll(all);
        }
        SchemaCatalog.blockedExtras().forEach(t -> chosen.put(t.name(), t));
        this.base = chosen;
    }

    public int scale() {
        return scale;
    }

    public Selection selection() {
        return selection;
    }

    /** The LSN the source reports at {@code step}: {@code step * 1000} (room for sub-steps if ever needed). */
    public static long lsn(int step) {
        return step * 1000L;
    }

    /** The step an LSN was reported at, or 0 for a negative LSN (repopulate) or one below step 1's. */
    public static int stepOf(long lsn) {
        return Lsn.needsRepopulation(lsn) ? 0 : (int) Math.min(Integer.MAX_VALUE, lsn / 1000);
    }

    /** Every table that exists at {@code step}, in announcement order. */
    public List<TableSchema> tables(int step) {
        List<TableSchema> r = new ArrayList<>(base.size());
        for (TableSchema t : base.values()) {
            SampleScript.schema(t, checkStep(step)).ifPresent(r::add);
        }
        return r;
    }

    /** The table's schema at {@code step}, or empty when it does not exist then (or at all). */
    public Optional<TableSchema> table(String name, int step) {
        TableSchema t = base.get(name.toLowerCase(Locale.ROOT));
        return t == null ? Optional.empty() : SampleScript.schema(t, checkStep(step));
    }

    /** Whether two steps have identical table lists and schemas (a source announcing either is the same). */
    public boolean sameSchemas(int a, int b) {
        return tables(a).equals(tables(b));
    }

    /** The rows of a table at {@code step}, in primary-key order, generated as they are read. */
    public Iterator<Row> rows(String table, int step) {
        TableSchema schema = require(table, step);
        RowLifecycle life = lifecycle(schema.name());
        long count = life.count(step);
        return new Generator<>() {
            private long id = 0;

            @Override
            Row compute() {
                while (++id <= count) {
                    int version = life.version(id, step);
                    if (version > 0) {
                        return row(schema, id, version);
                    }
                }
                return null;
            }
        };
    }

    /** {@link #rows} as a cursor of inserts (a full snapshot). */
    public ChangeCursor snapshot(String table, int step) {
        Iterator<Row> rows = rows(table, step);
        return ChangeCursor.of(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public RowChange next() {
                return new RowChange(dev.mirror.api.model.Operation.INSERT, rows.next());
            }
        }, () -> { });
    }

    /**
     * The net changes of a table from step {@code from} to step {@code to} (from &lt; to, same schema at
     * both): a streaming merge of the two key-ordered states. A row present only at {@code to} is an
     * insert, one present only at {@code from} a delete (key only), one written in between an update.
     *
     * @throws IllegalArgumentException when the schema differs between the steps (send a snapshot instead)
     */
    public ChangeCursor changes(String table, int from, int to) {
        TableSchema schema = require(table, to);
        if (from >= to || !table(table, from).equals(Optional.of(schema))) {
            throw new IllegalArgumentException("no change stream for '" + table + "' from step " + from + " to " + to
                    + ": the steps must be increasing and have the same schema; send a full snapshot instead");
        }
        RowLifecycle life = lifecycle(schema.name());
        long count = life.count(to);
        int[] keys = schema.keyIndexes();
        return ChangeCursor.of(new Generator<>() {
            private long id = 0;

            @Override
            RowChange compute() {
                while (++id <= count) {
                    int before = life.version(id, from);
                    int after = life.version(id, to);
                    if (before == after) {
                        continue;
                    }
                    if (after == 0) {
                        Object[] v = new Object[schema.columnCount()];
                        v[keys[0]] = (int) id;
                        return RowChange.delete(v);
                    }
                    return new RowChange(before == 0 ? dev.mirror.api.model.Operation.INSERT
                            : dev.mirror.api.model.Operation.UPDATE, row(schema, id, after));
                }
                return null;
            }
        }, () -> { });
    }

    /** Whether the table's rows change in the steps {@code (from, to]}. */
    public boolean changesBetween(String table, int from, int to) {
        for (int s = from + 1; s <= Math.min(to, LAST_STEP); s++) {
            if (SampleScript.touches(table.toLowerCase(Locale.ROOT), s)) {
                return true;
            }
        }
        return false;
    }

    private Row row(TableSchema schema, long id, int version) {
        long[] seeds = columnSeeds.computeIfAbsent(schema, SampleDataSet::seedsOf);
        Object[] v = new Object[schema.columnCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = seeds[i] == KEY ? (Object) (int) id : ValueGenerator.value(schema.name(), seeds[i], schema.columns().get(i), id, version);
        }
        return Row.of(v);
    }

    /** Per-column value seeds (KEY marks key columns), computed once per schema: hashing names per value was the hot spot. */
    private static long[] seedsOf(TableSchema schema) {
        long[] seeds = new long[schema.columnCount()];
        for (int i = 0; i < seeds.length; i++) {
            long seed = ValueGenerator.columnSeed(schema.name(), schema.columns().get(i));
            seeds[i] = schema.isKey(i) ? KEY : seed == KEY ? seed + 1 : seed;
        }
        return seeds;
    }

    private TableSchema require(String table, int step) {
        return table(table, step).orElseThrow(() -> new IllegalArgumentException(
                "the sample has no table '" + table + "' at step " + step));
    }

    private RowLifecycle lifecycle(String table) {
        return lifecycles.computeIfAbsent(table, t -> new RowLifecycle(t, scale));
    }

    private static int checkStep(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("sample steps start at 1, got " + step);
        }
        return step;
    }

    /** A one-element look-ahead iterator over a generator that returns null when done. */
    private abstract static class Generator<T> implements Iterator<T> {
        private T next;
        private boolean done;

        abstract T compute();

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = compute();
                done = next == null;
            }
            return next != null;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T t = next;
            next = null;
            return t;
        }
    }
}
