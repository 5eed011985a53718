package dev.mirror.superoffice.sim;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Lsn;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.ChangeBatch;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.MirrorProtocol;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.protocol.TableReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mirror in memory, with the protocol's semantics: schema (create / recreate on change / drop missing,
 * answering each table's LSN), atomic apply (rows and LSN together, all or nothing, idempotent), wipe,
 * complete. It also records how many calls ran at once for the same table, to check the endpoint's locking.
 */
public final class InMemoryProtocol implements MirrorProtocol {
    private static final class Table {
        TableSchema schema;
        Map<List<Object>, Object[]> rows = new LinkedHashMap<>();
        long lsn = Lsn.REPOPULATE;
    }

    private final dev.mirror.api.ContextId contextId;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final List<Map<String, TableCounts>> completions = new ArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile int maxConcurrentPerTable;
    private Instant started = Instant.now();

    InMemoryProtocol(dev.mirror.api.ContextId contextId) {
        this.contextId = contextId;
    }

    @Override
    public dev.mirror.api.ContextId contextId() {
        return contextId;
    }

    @Override
    public synchronized List<TableAnswer> schema(List<TableSchema> announced) {
        started = Instant.now();
        List<TableAnswer> answers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TableSchema s : announced) {
            String k = key(s.name());
            seen.add(k);
            Table t = tables.get(k);
            if (t == null) {
                t = new Table();
                t.schema = s;
                tables.put(k, t);
                answers.add(new TableAnswer(s.name(), Lsn.REPOPULATE, SchemaAction.CREATED, "new table"));
            } else if (!t.schema.equals(s)) {
                t.schema = s;
                t.rows = new LinkedHashMap<>();
                t.lsn = Lsn.REPOPULATE;
                answers.add(new TableAnswer(s.name(), Lsn.REPOPULATE, SchemaAction.RECREATED, "schema changed"));
            } else {
                answers.add(new TableAnswer(s.name(), t.lsn, SchemaAction.NONE, "unchanged"));
            }
        }
        tables.keySet().removeIf(k -> !seen.contains(k));
        return answers;
    }

    @Override
    public ApplyResult apply(ChangeBatch batch) {
        AtomicInteger n = inFlight.computeIfAbsent(key(batch.table()), k -> new AtomicInteger());
        int now = n.incrementAndGet();
        maxConcurrentPerTable = Math.max(maxConcurrentPerTable, now);
        try {
            Thread.yield();
            return applyLocked(batch);
        } finally {
            n.decrementAndGet();
        }
    }

    private ApplyResult applyLocked(ChangeBatch batch) {
        Table t;
        synchronized (this) {
            t = tables.get(key(batch.table()));
        }
        try (ChangeCursor c = batch.changes()) {
            if (t == null) {
                return new ApplyResult(batch.table(), TableCounts.ZERO, "table was not announced");
            }
            Map<List<Object>, Object[]> copy = new LinkedHashMap<>(t.rows);
            long ins = 0;
            long upd = 0;
            long del = 0;
            int[] keys = t.schema.keyIndexes();
            while (c.hasNext()) {
                RowChange ch = c.next();
                Object[] v = ch.row().toArray();
                List<Object> k = new ArrayList<>();
                for (int i : keys) {
                    k.add(v[i]);
                }
                switch (ch.operation()) {
                    case INSERT -> { copy.put(k, v); ins++; }
                    case UPDATE -> { copy.put(k, v); upd++; }
                    case DELETE -> { copy.remove(k); del++; }
                }
            }
            synchronized (this) {
                t.rows = copy;
                batch.newLsn().ifPresent(l -> t.lsn = l);
            }
            return new ApplyResult(batch.table(), new TableCounts(ins, upd, del), null);
        } catch (MirrorException e) {
            return new ApplyResult(batch.table(), TableCounts.ZERO, e.getMessage());
        }
    }

    @Override
    public ApplyResult repopulate(String table, ChangeCursor rows, long lsn) {
        wipe(table);
        return apply(ChangeBatch.last(table, rows, lsn));
    }

    @Override
    public synchronized ApplyResult wipe(String table) {
        Table t = tables.get(key(table));
        if (t == null) {
            return new ApplyResult(table, TableCounts.ZERO, "table was not announced");
        }
        t.rows = new LinkedHashMap<>();
        t.lsn = Lsn.REPOPULATE;
        return new ApplyResult(table, TableCounts.ZERO, null);
    }

    @Override
    public synchronized CycleReport complete(Map<String, TableCounts> sourceCounts) {
        completions.add(Map.copyOf(sourceCounts));
        List<TableReport> reports = new ArrayList<>();
        tables.values().forEach(t -> reports.add(new TableReport(t.schema.name(), SchemaAction.NONE, "", TableCounts.ZERO,
                t.lsn, false, null)));
        return new CycleReport(contextId, started, Instant.now(), reports);
    }

    @Override
    public void fail(Throwable cause) {
        // nothing to record
    }

    /** The mirror's rows of a table by key (copies), or null when the table does not exist. */
    public synchronized Map<List<Object>, Object[]> rows(String table) {
        Table t = tables.get(key(table));
        return t == null ? null : new LinkedHashMap<>(t.rows);
    }

    public synchronized TableSchema schemaOf(String table) {
        Table t = tables.get(key(table));
        return t == null ? null : t.schema;
    }

    public synchronized long lsn(String table) {
        Table t = tables.get(key(table));
        return t == null ? Long.MIN_VALUE : t.lsn;
    }

    /** Sets a stored LSN (as a user resetting it by hand would). */
    public synchronized void forceLsn(String table, long lsn) {
        tables.get(key(table)).lsn = lsn;
    }

    public synchronized Set<String> tableNames() {
        Set<String> s = new HashSet<>();
        tables.values().forEach(t -> s.add(t.schema.name()));
        return s;
    }

    public synchronized List<Map<String, TableCounts>> completions() {
        return List.copyOf(completions);
    }

    /** The most calls that were ever inside apply at once for one table. */
    public int maxConcurrentPerTable() {
        return maxConcurrentPerTable;
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
