package dev.mirror.core.protocol;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.hook.HookContext;
import dev.mirror.api.hook.TableEvent;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.ChangeBatch;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.MirrorProtocol;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.core.Blocklist;
import dev.mirror.core.ContextIds;
import dev.mirror.core.ProgressListener;
import dev.mirror.core.Redactor;
import dev.mirror.core.hooks.HookDispatcher;
import dev.mirror.core.metadata.MetadataTable;
import dev.mirror.core.target.TargetDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mirroring protocol implemented once, for one context and one target: the schema step (see
 * {@link SchemaStep}), set-wise idempotent apply, streamed repopulation, wipe, and completion. Every table's LSN is
 * written in the same target transaction as the rows it covers; a failing table is recorded (state {@code failed},
 * LSN unchanged) and the others go on.
 */
public final class CoreProtocol implements MirrorProtocol {
    private static final Logger LOG = LoggerFactory.getLogger(CoreProtocol.class);

    private final String contextId;
    private final TargetDatabase target;
    private final MetadataTable metadata;
    private final HookDispatcher hooks;
    private final HookContext hookContext;
    private final Redactor redactor;
    private final ProgressListener progress;
    private final SchemaStep schemaStep;
    private final TableLocks locks = new TableLocks();
    private final Map<String, TableState> tables = new ConcurrentHashMap<>();
    private volatile CycleLedger ledger = new CycleLedger();
    private volatile boolean stopping;

    public CoreProtocol(String contextId, TargetDatabase target, Blocklist blocklist, HookDispatcher hooks,
                        HookContext hookContext, Redactor redactor, ProgressListener progress) {
        this.contextId = ContextIds.require(contextId);
        this.target = requireNonNull(target, "target is null");
        this.metadata = new MetadataTable(target.dialect(), ContextIds.metadataTable(contextId));
        this.hooks = requireNonNull(hooks, "hooks is null");
        this.hookContext = requireNonNull(hookContext, "hookContext is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.schemaStep = new SchemaStep(target, metadata, requireNonNull(blocklist, "blocklist is null"), hooks, hookContext,
                new Reconciler(target, metadata, redactor), redactor);
    }

    @Override
    public String contextId() {
        return contextId;
    }

    /** The metadata table of this context. */
    public MetadataTable metadata() {
        return metadata;
    }

    @Override
    public List<TableAnswer> schema(List<TableSchema> announced) {
        CycleLedger fresh = new CycleLedger();
        ledger = fresh;
        hooks.cycleStarted(hookContext);
        SchemaStep.Result r = schemaStep.run(announced, fresh);
        tables.clear();
        tables.putAll(r.states());
        return r.answers();
    }

    /**
     * Asks for a clean stop between batches (SIGTERM): the batch in flight commits, later apply / repopulate steps are
     * refused without touching the target (their tables keep their LSN and are retried on the next run).
     */
    public void requestStop() {
        stopping = true;
    }

    private ApplyResult stopped(String table, ChangeCursor rows) {
        rows.close();
        String why = "not applied: the run is stopping (stop requested); retried on the next run";
        ledger.failed(table, why);
        return new ApplyResult(table, TableCounts.ZERO, why);
    }

    @Override
    public Map<String, Long> storedLsns() {
        return schemaStep.storedLsns();
    }

    @Override
    public ApplyResult apply(ChangeBatch batch) {
        String table = batch.table();
        if (stopping) {
            return stopped(table, batch.changes());
        }
        ReentrantLock lock = locks.lock(table);
        try (ChangeCursor changes = batch.changes()) {
            TableState state = state(table);
            ApplyResult refused = refuse(state, table, changes, batch.newLsn());
            if (refused != null) {
                return refused;
            }
            OptionalLong lsn = batch.newLsn();
            if (!changes.hasNext() && (lsn.isEmpty() || lsn.getAsLong() == state.lsn())) {
                return new ApplyResult(table, TableCounts.ZERO, null);
            }
            boolean completesRepopulation = state.lsn() < 0 && lsn.isPresent();
            try {
                TableCounts counts = target.inTransaction("applying changes to " + table, false, c -> {
                    TableCounts applied = target.dialect().applyChanges(c, state.targetName(), state.schema(), changes);
                    if (lsn.isPresent()) {
                        metadata.setLsn(c, table, lsn.getAsLong(), MetadataTable.OK, null);
                    }
                    return applied;
                });
                long newLsn = lsn.orElse(state.lsn());
                tables.put(table, state.withLsn(newLsn));
                ledger.applied(table, counts, newLsn, false);
                if (completesRepopulation) {
                    ledger.warnings(table, hooks.tablePopulated(event(state, "repopulated by the source")));
                }
                return new ApplyResult(table, counts, null);
            } catch (RuntimeException e) {
                return failed(table, "applying changes", e);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ApplyResult repopulate(String table, ChangeCursor rows, long lsn) {
        if (stopping) {
            return stopped(table, rows);
        }
        ReentrantLock lock = locks.lock(table);
        try (rows) {
            TableState state = state(table);
            ApplyResult refused = refuse(state, table, rows, OptionalLong.of(lsn));
            if (refused != null) {
                return refused;
            }
            ledger.warnings(table, hooks.tableWiped(event(state, "full repopulation starting")));
            progress.populationStarted(table);
            long start = System.nanoTime();
            try {
                long loaded = target.inTransaction("repopulating " + table, false, c -> {
                    try (java.sql.Statement s = c.createStatement()) {
                        s.execute(target.dialect().truncateTable(state.targetName()));
                    }
                    long n = target.dialect().bulkLoad(c, state.targetName(), state.schema(), new InsertRows(table, rows),
                            count -> progress.populating(table, count));
                    metadata.setLsn(c, table, lsn, MetadataTable.OK, null);
                    return n;
                });
                progress.populationFinished(table, loaded, System.nanoTime() - start);
                tables.put(table, state.withLsn(lsn));
                ledger.applied(table, new TableCounts(loaded, 0, 0), lsn, true);
                ledger.warnings(table, hooks.tablePopulated(event(state, "fully repopulated with " + loaded + " rows")));
                return new ApplyResult(table, new TableCounts(loaded, 0, 0), null);
            } catch (RuntimeException e) {
                return failed(table, "repopulating", e);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ApplyResult wipe(String table) {
        ReentrantLock lock = locks.lock(table);
        try {
            TableState state = state(table);
            ApplyResult refused = refuse(state, table, null, OptionalLong.empty());
            if (refused != null) {
                return refused;
            }
            try {
                target.inTransaction("wiping " + table, true, c -> {
                    try (java.sql.Statement s = c.createStatement()) {
                        s.execute(target.dialect().truncateTable(state.targetName()));
                    }
                    metadata.setLsn(c, table, -1, MetadataTable.REPOPULATING, null);
                    return null;
                });
                tables.put(table, state.withLsn(-1));
                LOG.info("table {}: wiped for repopulation", table);
                ledger.warnings(table, hooks.tableWiped(event(state, "wiped by the source")));
                return new ApplyResult(table, TableCounts.ZERO, null);
            } catch (RuntimeException e) {
                return failed(table, "wiping", e);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CycleReport complete(Map<String, TableCounts> sourceCounts) {
        CycleLedger done = ledger;
        CycleReport report = new CycleReport(contextId, done.started(), Instant.now(), done.reports());
        report.tables().forEach(t -> {
            TableCounts said = sourceCounts.get(t.table());
            if (said != null && !said.equals(t.counts())) {
                LOG.info("table {}: source reported {} but the mirror applied {}", t.table(), said, t.counts());
            }
        });
        hooks.cycleCompleted(hookContext, report);
        TableCounts total = report.totals();
        LOG.info("cycle of {} completed in {} ms: {} tables, {} inserts, {} updates, {} deletes, {} failed", contextId,
                report.duration().toMillis(), report.tables().size(), total.inserts(), total.updates(), total.deletes(),
                report.failures().size());
        return report;
    }

    @Override
    public void fail(Throwable cause) {
        LOG.error("cycle of {} failed: {}", contextId, redactor.describe(cause));
        hooks.cycleFailed(hookContext, cause);
    }

    private TableState state(String table) {
        TableState s = tables.get(table);
        return s != null ? s : schemaStep.load(table).map(loaded -> {
            tables.put(table, loaded);
            return loaded;
        }).orElse(null);
    }

    /** Rows for a table that is blocked, failed or unknown: read and discarded (blocked: the LSN is still recorded). */
    private ApplyResult refuse(TableState state, String table, ChangeCursor rows, OptionalLong lsn) {
        if (state != null && state.disposition() == TableState.Disposition.MIRRORED) {
            return null;
        }
        long discarded = drain(rows);
        if (state != null && state.disposition() == TableState.Disposition.BLOCKED) {
            if (lsn.isPresent()) {
                target.inTransaction("recording the LSN of blocked table " + table, true,
                        c -> metadata.setLsn(c, table, lsn.getAsLong(), MetadataTable.BLOCKED, "blocked: rows discarded"));
                tables.put(table, state.withLsn(lsn.getAsLong()));
            }
            LOG.debug("table {} is blocked: discarded {} rows", table, discarded);
            return new ApplyResult(table, TableCounts.ZERO, null);
        }
        String why = state == null
                ? "table '" + table + "' was not announced in the schema step of this cycle; send its schema first"
                : "table '" + table + "' is skipped this cycle: " + state.failure();
        ledger.failed(table, why);
        return new ApplyResult(table, TableCounts.ZERO, why);
    }

    private static long drain(ChangeCursor rows) {
        long n = 0;
        if (rows != null) {
            while (rows.hasNext()) {
                rows.next();
                n++;
            }
        }
        return n;
    }

    private ApplyResult failed(String table, String what, RuntimeException e) {
        String message = what + " " + table + " failed: " + redactor.describe(e);
        LOG.error("table {}: {} (stored LSN unchanged; retried next cycle)", table, message);
        if (!(e instanceof MirrorException)) {
            LOG.debug("stack trace", e);
        }
        ledger.failed(table, message);
        try {
            target.inTransaction("recording the failure of " + table, true, c -> {
                metadata.setState(c, table, MetadataTable.FAILED, message);
                return null;
            });
        } catch (RuntimeException ignored) {
            LOG.debug("could not record the failure of {} in the metadata table", table);
        }
        return new ApplyResult(table, TableCounts.ZERO, message);
    }

    private TableEvent event(TableState state, String reason) {
        return new TableEvent(hookContext, state.table(), state.schema(), SchemaAction.NONE, reason);
    }
}
