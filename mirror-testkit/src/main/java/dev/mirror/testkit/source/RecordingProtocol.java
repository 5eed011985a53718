package dev.mirror.testkit.source;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.ContextId;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.ChangeBatch;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.MirrorProtocol;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.protocol.TableCounts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A decorator of core's real protocol that records every step a source makes ({@link ProtocolCall}), so the kits can
 * check the sequence (a first cycle repopulates, a quiet cycle sends no rows, the last batch carries the LSN) while
 * core does the work. Rows are counted as core reads them from the cursor, so nothing is buffered. Thread-safe: core
 * runs a source's per-table work ({@link #forEachTable}) on several threads; the steps of one table stay in order.
 */
public final class RecordingProtocol implements MirrorProtocol {
    private final MirrorProtocol core;
    private final List<ProtocolCall> calls = new ArrayList<>();
    private final Map<String, TableSchema> announced = new ConcurrentHashMap<>();
    private volatile List<TableAnswer> lastAnswers = List.of();
    private volatile List<TableSchema> lastSchema = List.of();

    /** Records the steps made on {@code core} (core's protocol of one context). */
    public RecordingProtocol(MirrorProtocol core) {
        this.core = requireNonNull(core, "core is null");
    }

    @Override
    public ContextId contextId() {
        return core.contextId();
    }

    @Override
    public List<TableAnswer> schema(List<TableSchema> tables) {
        List<TableAnswer> answers = core.schema(tables);
        lastSchema = List.copyOf(tables);
        tables.forEach(t -> announced.put(key(t.name()), t));
        lastAnswers = List.copyOf(answers);
        record(new ProtocolCall(ProtocolCall.Kind.SCHEMA, null, OptionalLong.empty(), 0, TableCounts.ZERO, answers, null));
        return answers;
    }

    @Override
    public ApplyResult apply(ChangeBatch batch) {
        requireNonNull(batch, "batch is null");
        Counting counting = new Counting(batch.changes());
        ApplyResult r = core.apply(new ChangeBatch(batch.table(), counting, batch.newLsn()));
        record(new ProtocolCall(ProtocolCall.Kind.APPLY, batch.table(), batch.newLsn(), counting.rows, r.counts(), List.of(), r.error()));
        return r;
    }

    @Override
    public ApplyResult repopulate(String table, ChangeCursor rows, long lsn) {
        Counting counting = new Counting(requireNonNull(rows, "rows is null"));
        ApplyResult r = core.repopulate(table, counting, lsn);
        record(new ProtocolCall(ProtocolCall.Kind.REPOPULATE, table, OptionalLong.of(lsn), counting.rows, r.counts(), List.of(), r.error()));
        return r;
    }

    @Override
    public ApplyResult wipe(String table) {
        ApplyResult r = core.wipe(table);
        record(new ProtocolCall(ProtocolCall.Kind.WIPE, table, OptionalLong.empty(), 0, TableCounts.ZERO, List.of(), r.error()));
        return r;
    }

    @Override
    public CycleReport complete(Map<String, TableCounts> sourceCounts) {
        CycleReport report = core.complete(sourceCounts);
        record(new ProtocolCall(ProtocolCall.Kind.COMPLETE, null, OptionalLong.empty(), 0, TableCounts.ZERO, List.of(), null));
        return report;
    }

    @Override
    public Map<String, Long> storedLsns() {
        return core.storedLsns();
    }

    @Override
    public <T> void forEachTable(Collection<? extends T> items, Consumer<? super T> work) {
        core.forEachTable(items, work);
    }

    @Override
    public void fail(Throwable cause) {
        core.fail(cause);
        record(new ProtocolCall(ProtocolCall.Kind.FAIL, null, OptionalLong.empty(), 0, TableCounts.ZERO, List.of(), String.valueOf(cause)));
    }

    /** Every step since construction or the last {@link #clearCalls()}, in the order they ended. */
    public synchronized List<ProtocolCall> calls() {
        return List.copyOf(calls);
    }

    public synchronized void clearCalls() {
        calls.clear();
    }

    /** The answers of the last schema step (empty before the first). */
    public List<TableAnswer> lastAnswers() {
        return lastAnswers;
    }

    /** The tables the last schema step announced, in the order given. */
    public List<TableSchema> lastSchema() {
        return lastSchema;
    }

    /** The schema a table was last announced with (case-insensitive), or null when it never was. */
    public TableSchema announced(String table) {
        return announced.get(key(table));
    }

    private synchronized void record(ProtocolCall call) {
        calls.add(call);
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }

    /** Passes the source's cursor through to core, counting the changes core reads. */
    private static final class Counting implements ChangeCursor {
        private final ChangeCursor delegate;
        private volatile long rows;

        Counting(ChangeCursor delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public RowChange next() {
            RowChange c = delegate.next();
            rows++;
            return c;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
