package dev.mirror.testkit.source;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.ContextId;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Lsn;
import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link MirrorProtocol} that keeps the mirror in memory, following the protocol's semantics exactly, so
 * change sources can be tested without a target database. Simplifications against core: any schema change
 * is a drop-and-recreate (rows cleared, answer -1), and every step is atomic because a batch is checked
 * completely before any row is touched.
 *
 * <p>Table names compare case-insensitively. {@code credentials} is always blocked; more names can be
 * blocked through the constructor. Thread-safe: every method is synchronized.
 */
public final class InMemoryMirror implements MirrorProtocol {
    private final ContextId contextId;
    private final Set<String> blocklist = new HashSet<>();
    private final Clock clock;
    private final Map<String, MirrorTable> tables = new LinkedHashMap<>();
    private final List<ProtocolCall> calls = new ArrayList<>();
    private final Map<String, TableReport> dropped = new LinkedHashMap<>();
    private List<TableAnswer> lastAnswers = List.of();
    private Instant cycleStarted;

    /** A mirror for {@code contextId} that blocks {@code credentials} only. */
    public InMemoryMirror(String contextId) {
        this(contextId, Set.of(), Clock.systemUTC());
    }

    /** A mirror for {@code contextId} that blocks {@code credentials} and {@code blocked} (case-insensitive). */
    public InMemoryMirror(String contextId, Collection<String> blocked) {
        this(contextId, blocked, Clock.systemUTC());
    }

    public InMemoryMirror(String contextId, Collection<String> blocked, Clock clock) {
        this.contextId = ContextId.of(contextId);
        requireNonNull(blocked, "blocked is null");
        this.clock = requireNonNull(clock, "clock is null");
        blocked.forEach(b -> blocklist.add(key(b)));
        blocklist.add("credentials");
    }

    @Override
    public ContextId contextId() {
        return contextId;
    }

    @Override
    public synchronized List<TableAnswer> schema(List<TableSchema> announced) {
        requireNonNull(announced, "tables is null");
        cycleStarted = clock.instant();
        dropped.clear();
        Set<String> seen = new HashSet<>();
        List<TableAnswer> answers = new ArrayList<>(announced.size());
        for (TableSchema schema : announced) {
            String k = key(schema.name());
            if (!seen.add(k)) {
                throw MirrorException.source("SOURCE_DUPLICATE_TABLE", false, "the source announced table '"
                        + schema.name() + "' twice in one schema step; each table must be announced once", null);
            }
            answers.add(reconcile(k, schema));
        }
        for (var it = tables.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!seen.contains(e.getKey())) {
                MirrorTable t = e.getValue();
                dropped.put(e.getKey(), new TableReport(t.schema.name(), SchemaAction.DROPPED,
                        "no longer announced by the source", TableCounts.ZERO, Lsn.REPOPULATE, false, null));
                it.remove();
            }
        }
        lastAnswers = List.copyOf(answers);
        calls.add(new ProtocolCall(ProtocolCall.Kind.SCHEMA, null, OptionalLong.empty(), 0, TableCounts.ZERO, answers, null));
        return answers;
    }

    private TableAnswer reconcile(String k, TableSchema schema) {
        MirrorTable existing = tables.get(k);
        if (blocklist.contains(k)) {
            MirrorTable t = existing != null && existing.blocked ? existing : new MirrorTable(schema, true);
            t.schema = schema;
            t.startCycle(SchemaAction.BLOCKED, "on the blocklist");
            tables.put(k, t);
            return t.answer();
        }
        if (existing == null || existing.blocked) {
            MirrorTable t = new MirrorTable(schema, false);
            t.startCycle(SchemaAction.CREATED, "new table");
            tables.put(k, t);
            return t.answer();
        }
        if (!existing.schema.equals(schema)) {
            existing.schema = schema;
            existing.rows.clear();
            existing.lsn = Lsn.REPOPULATE;
            existing.startCycle(SchemaAction.RECREATED, "schema changed (the in-memory mirror recreates on any change)");
            return existing.answer();
        }
        existing.startCycle(SchemaAction.NONE, existing.lsn < 0 ? "LSN reset: repopulate" : "schema unchanged");
        return existing.answer();
    }

    @Override
    public synchronized ApplyResult apply(ChangeBatch batch) {
        requireNonNull(batch, "batch is null");
        return receive(ProtocolCall.Kind.APPLY, batch.table(), batch.changes(), batch.newLsn());
    }

    @Override
    public synchronized ApplyResult repopulate(String table, ChangeCursor rows, long lsn) {
        requireNonNull(table, "table is null");
        requireNonNull(rows, "rows is null");
        return receive(ProtocolCall.Kind.REPOPULATE, table, rows, OptionalLong.of(lsn));
    }

    private ApplyResult receive(ProtocolCall.Kind kind, String table, ChangeCursor cursor, OptionalLong newLsn) {
        List<RowChange> changes = new ArrayList<>();
        String error = null;
        try (cursor) {
            while (cursor.hasNext()) {
                changes.add(cursor.next());
            }
        } catch (RuntimeException e) {
            error = "reading the source's changes failed: " + e;
        }
        MirrorTable t = tables.get(key(table));
        if (error == null) {
            error = check(kind, table, t, changes);
        }
        TableCounts counts = TableCounts.ZERO;
        if (error == null && !t.blocked) {
            counts = kind == ProtocolCall.Kind.REPOPULATE ? t.replace(changes) : t.apply(changes);
        }
        if (error == null && newLsn.isPresent()) {
            t.lsn = newLsn.getAsLong();
        }
        if (error == null) {
            t.counts = t.counts.plus(counts);
            t.repopulated |= kind == ProtocolCall.Kind.REPOPULATE;
        } else if (t != null) {
            t.error = error;
        }
        calls.add(new ProtocolCall(kind, table, newLsn, changes.size(), counts, List.of(), error));
        return new ApplyResult(table, counts, error);
    }

    private String check(ProtocolCall.Kind kind, String table, MirrorTable t, List<RowChange> changes) {
        if (t == null || t.action == null) {
            return "table '" + table + "' was not announced in this cycle's schema step";
        }
        if (!t.blocked && !t.answer().accepted()) {
            return "table '" + table + "' was not accepted this cycle (" + t.action + ")";
        }
        List<Column> columns = t.schema.columns();
        int[] keys = t.schema.keyIndexes();
        for (int n = 0; n < changes.size(); n++) {
            RowChange c = changes.get(n);
            String where = "table '" + table + "' change #" + (n + 1) + " (" + c.operation() + ")";
            if (kind == ProtocolCall.Kind.REPOPULATE && c.operation() != Operation.INSERT) {
                return where + ": a repopulation carries inserts only";
            }
            if (c.row().size() != columns.size()) {
                return where + ": row has " + c.row().size() + " values, the table has " + columns.size() + " columns";
            }
            for (int k : keys) {
                if (c.row().get(k) == null) {
                    return where + ": primary key column '" + columns.get(k).name() + "' is null";
                }
            }
            if (c.operation() == Operation.DELETE) {
                continue;
            }
            for (int i = 0; i < columns.size(); i++) {
                Column col = columns.get(i);
                Object v = c.row().get(i);
                if (v == null ? !col.nullable() : !col.type().base().javaType().isInstance(v)) {
                    return where + ": column '" + col.name() + "' (" + col.type() + (col.nullable() ? "" : " not null")
                            + ") got " + (v == null ? "null" : v.getClass().getName());
                }
            }
        }
        return null;
    }

    @Override
    public synchronized ApplyResult wipe(String table) {
        MirrorTable t = tables.get(key(requireNonNull(table, "table is null")));
        String error = t == null ? "table '" + table + "' is not in the mirror" : null;
        if (t != null) {
            t.rows.clear();
            t.lsn = Lsn.REPOPULATE;
        }
        calls.add(new ProtocolCall(ProtocolCall.Kind.WIPE, table, OptionalLong.empty(), 0, TableCounts.ZERO, List.of(), error));
        return new ApplyResult(table, TableCounts.ZERO, error);
    }

    @Override
    public synchronized CycleReport complete(Map<String, TableCounts> sourceCounts) {
        requireNonNull(sourceCounts, "sourceCounts is null");
        List<TableReport> reports = new ArrayList<>();
        for (TableAnswer a : lastAnswers) {
            MirrorTable t = tables.get(key(a.table()));
            if (t != null) {
                reports.add(new TableReport(t.schema.name(), t.action, t.reason, t.counts, t.lsn, t.repopulated, t.error));
            }
        }
        reports.addAll(dropped.values());
        calls.add(new ProtocolCall(ProtocolCall.Kind.COMPLETE, null, OptionalLong.empty(), 0, TableCounts.ZERO, List.of(), null));
        Instant now = clock.instant();
        return new CycleReport(contextId, cycleStarted == null ? now : cycleStarted, now, reports);
    }

    @Override
    public synchronized void fail(Throwable cause) {
        calls.add(new ProtocolCall(ProtocolCall.Kind.FAIL, null, OptionalLong.empty(), 0, TableCounts.ZERO, List.of(),
                String.valueOf(cause)));
    }

    // ---- accessors for tests ----

    /** Sets a table's stored LSN to -1, as a user would by hand: the next cycle must repopulate it. */
    public synchronized void resetLsn(String table) {
        table(table).lsn = Lsn.REPOPULATE;
    }

    /** Adds a name to the blocklist (from the next schema step on). */
    public synchronized void block(String table) {
        blocklist.add(key(table));
    }

    /** The mirrored tables' names (blocked ones excluded), sorted case-insensitively. */
    public synchronized Set<String> tables() {
        Set<String> r = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        tables.values().stream().filter(t -> !t.blocked).forEach(t -> r.add(t.schema.name()));
        return r;
    }

    /** Whether the table is in the mirror (blocked tables are not). */
    public synchronized boolean contains(String table) {
        MirrorTable t = tables.get(key(table));
        return t != null && !t.blocked;
    }

    /** A copy of a table's rows by primary key (key values in key order), sorted by key. */
    public synchronized Map<List<Object>, Row> rows(String table) {
        return new TreeMap<>(table(table).rows);
    }

    /** A copy of a table's rows in primary-key order. */
    public synchronized List<Row> rowList(String table) {
        return new ArrayList<>(table(table).rows.values());
    }

    /** The stored LSN of a table (blocked tables included), -1 when it must be repopulated. */
    public synchronized long lsn(String table) {
        return table(table).lsn;
    }

    /** The schema the table was last announced with. */
    public synchronized TableSchema schema(String table) {
        return table(table).schema;
    }

    /** The schema a table (blocked ones included) was last announced with, or null when unknown. */
    public synchronized TableSchema schemaOrNull(String table) {
        MirrorTable t = tables.get(key(requireNonNull(table, "table is null")));
        return t == null ? null : t.schema;
    }

    /** The answers of the last schema step. */
    public synchronized List<TableAnswer> lastAnswers() {
        return lastAnswers;
    }

    /** Every protocol call since construction or the last {@link #clearCalls()}, in order. */
    public synchronized List<ProtocolCall> calls() {
        return List.copyOf(calls);
    }

    public synchronized void clearCalls() {
        calls.clear();
    }

    private MirrorTable table(String table) {
        MirrorTable t = tables.get(key(requireNonNull(table, "table is null")));
        if (t == null) {
            throw new IllegalArgumentException("table '" + table + "' is not in the in-memory mirror; it has " + tables.keySet());
        }
        return t;
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
