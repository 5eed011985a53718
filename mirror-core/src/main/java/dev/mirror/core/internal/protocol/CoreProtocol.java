package dev.mirror.core.internal.protocol;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.hook.HookContext;
import dev.mirror.api.hook.TableEvent;
import dev.mirror.api.model.TableSchema;
import dev.mirror.core.schema.DefaultParser;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.ChangeBatch;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.MirrorProtocol;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.core.Blocklist;
import dev.mirror.api.ContextId;
import dev.mirror.core.ProgressListener;
import dev.mirror.core.Redactor;
import dev.mirror.core.internal.hooks.HookDispatcher;
import dev.mirror.core.internal.metadata.MetadataTable;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.core.config.TableOptionsSettings;
import dev.mirror.core.internal.options.TableLayouts;
import dev.mirror.core.internal.options.TableModes;
import dev.mirror.core.internal.options.VersionClock;
import dev.mirror.core.internal.database.TargetDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mirroring protocol implemented once, for one context and one target: the schema step (see
 * {@link SchemaStep}), set-wise idempotent apply, streamed repopulation, wipe, and completion. Every table's LSN is
 * written in the same target transaction as the rows it covers; a failing table is recorded (state {@code failed},
 * LSN unchanged) and the others go on.
 *
 * <p>Repopulation is atomic for readers on every path (pull {@link #repopulate}; push {@link #wipe} then batches until
 * the one carrying the LSN; resync; recreate after a schema change): a table that has contents is reloaded into a
 * shadow table and swapped in with its LSN (see {@link ShadowTables}); only a table created empty this cycle is loaded
 * in place.
 *
 * <p>Serialization: steps for the same table never overlap (a lock per table), and the context-wide steps
 * ({@link #schema}, {@link #complete}, {@link #resync}) never overlap any other step of the context (a read/write lock:
 * table steps share it, context-wide steps take it alone), whoever calls them and from whichever thread.
 */
public final class CoreProtocol implements MirrorProtocol {
    private static final Logger LOG = LoggerFactory.getLogger(CoreProtocol.class);

    private final ContextId contextId;
    private final TargetDatabase target;
    private final MetadataTable metadata;
    private final HookDispatcher hooks;
    private final HookContext hookContext;
    private final Redactor redactor;
    private final ProgressListener progress;
    private final SchemaStep schemaStep;
    private final ShadowTables shadows;
    private final TableLocks locks = new TableLocks();
    /** Context-wide steps (schema, complete, resync) take it alone; table steps share it (see {@link #apply}). */
    private final ReentrantReadWriteLock contextLock = new ReentrantReadWriteLock(true);
    private final Map<String, TableState> tables = new ConcurrentHashMap<>();
    private volatile CycleLedger ledger = new CycleLedger();
    private volatile java.util.Set<String> failedAtStart = java.util.Set.of();
    private volatile boolean stopping;
    private final TableWorkers workers;
    private final TableModes modes;

    public CoreProtocol(ContextId contextId, TargetDatabase target, Blocklist blocklist, HookDispatcher hooks,
                        HookContext hookContext, Redactor redactor, ProgressListener progress) {
        this(contextId, target, blocklist, hooks, hookContext, redactor, progress, 1, TableOptionsSettings.NONE);
    }

    /**
     * @param workers how many tables {@link #forEachTable} processes at once ({@code run.workers})
     * @param options the table options (mode, excluded and hashed columns), applied by {@link TableModes}
     */
    public CoreProtocol(ContextId contextId, TargetDatabase target, Blocklist blocklist, HookDispatcher hooks,
                        HookContext hookContext, Redactor redactor, ProgressListener progress, int workers,
                        TableOptionsSettings options) {
        this.contextId = requireNonNull(contextId, "contextId is null");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        this.workers = new TableWorkers(contextId, workers);
        this.target = requireNonNull(target, "target is null");
        this.metadata = new MetadataTable(target.dialect(), contextId.value() + "_mirroring");
        this.hooks = requireNonNull(hooks, "hooks is null");
        this.hookContext = requireNonNull(hookContext, "hookContext is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
        // Front ends' listeners print from one thread; with several tables at once core calls them one at a time.
        this.progress = workers > 1 ? new SerialProgress(requireNonNull(progress, "progress is null")) : requireNonNull(progress, "progress is null");
        this.shadows = new ShadowTables(target, metadata);
        TableLayouts layouts = new TableLayouts(requireNonNull(options, "options is null"));
        this.modes = new TableModes(target.dialect(), new VersionClock());
        this.schemaStep = new SchemaStep(target, metadata, requireNonNull(blocklist, "blocklist is null"), hooks, hookContext,
                new Reconciler(target, metadata, redactor, layouts), shadows, redactor, layouts);
    }

    @Override
    public ContextId contextId() {
        return contextId;
    }

    /** The metadata table of this context. */
    public MetadataTable metadata() {
        return metadata;
    }

    @Override
    public List<TableAnswer> schema(List<TableSchema> announced) {
        contextLock.writeLock().lock();
        try {
            CycleLedger fresh = new CycleLedger();
            ledger = fresh;
            hooks.cycleStarted(hookContext);
            // defaults are parsed once here, where source schemas enter core: everything downstream (reconciliation,
            // shadow tables, dialects) sees parsed columns
            SchemaStep.Result r = schemaStep.run(announced.stream().map(DefaultParser::parse).toList(), fresh);
            tables.clear();
            tables.putAll(r.states());
            failedAtStart = r.failedBefore();
            return r.answers();
        } finally {
            contextLock.writeLock().unlock();
        }
    }

    /**
     * Forces repopulation (LSN -1) of some tables, or of all when {@code tables} is null, without overlapping any step of
     * this context. Returns the number of metadata rows changed.
     */
    public int resync(List<String> tablesToReset) {
        contextLock.writeLock().lock();
        try {
            int n = target.inTransaction("resetting LSNs", true, c -> metadata.resetLsn(c, tablesToReset));
            tables.clear(); // reloaded from the metadata table by the next step
            return n;
        } finally {
            contextLock.writeLock().unlock();
        }
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

    /** Up to {@code run.workers} tables at once, on threads of core's (see {@link TableWorkers}). */
    @Override
    public <T> void forEachTable(java.util.Collection<? extends T> items, java.util.function.Consumer<? super T> work) {
        workers.forEach(items, work);
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
        try (ChangeCursor changes = batch.changes(); TableStep step = TableStep.enter(contextLock, locks, table)) {
            TableState state = state(table);
            ApplyResult refused = refuse(state, table, changes, batch.newLsn());
            if (refused != null) {
                return refused;
            }
            OptionalLong lsn = batch.newLsn();
            if (!changes.hasNext() && (lsn.isEmpty() || lsn.getAsLong() == state.lsn()) && state.shadow() == null) {
                return new ApplyResult(table, TableCounts.ZERO, null);
            }
            if (state.lsn() < 0 && !state.loadsInPlace()) {
                return applyToShadow(state, changes, lsn);
            }
            boolean completesRepopulation = state.lsn() < 0 && lsn.isPresent();
            try {
                // A table created or wiped this cycle and being filled in place: its batches may go through the bulk path
                FirstLoadBatch first = state.lsn() < 0 ? FirstLoadBatch.read(changes, FirstLoadBatch.eligible(state)) : null;
                TableCounts counts = target.inTransaction("applying changes to " + table, false, c -> {
                    TableCounts applied = first == null
                            ? modes.apply(c, state.targetName(), state.layout(), changes)
                            : first.apply(c, target.dialect(), state.targetName(), state.schema(),
                                    rows -> modes.loadRows(state.layout(), rows, false),
                                    staged -> modes.apply(c, state.targetName(), state.layout(), staged));
                    if (lsn.isPresent()) {
                        metadata.setLsn(c, table, lsn.getAsLong(), MetadataTable.OK, null);
                    }
                    return applied;
                });
                long newLsn = lsn.orElse(state.lsn());
                tables.put(table, completesRepopulation ? state.populated(newLsn) : state.withLsn(newLsn));
                ledger.applied(table, counts, newLsn, false);
                if (completesRepopulation) {
                    ledger.warnings(table, hooks.tablePopulated(event(state, "repopulated by the source")));
                }
                return new ApplyResult(table, counts, null);
            } catch (RuntimeException e) {
                return failed(table, "applying changes", e);
            }
        }
    }

    /**
     * A batch of a repopulation of a table that has contents (push: after a Wipe, or a table answered with LSN -1): it
     * goes into the shadow, committed on its own; the batch carrying the LSN then swaps the shadow in.
     */
    private ApplyResult applyToShadow(TableState state, ChangeCursor changes, OptionalLong lsn) {
        String table = state.table();
        try {
            String shadow = state.shadow() != null ? state.shadow() : shadows.open(state);
            TableState loading = state.withShadow(shadow);
            tables.put(table, loading);
            FirstLoadBatch batch = FirstLoadBatch.read(changes, FirstLoadBatch.eligible(loading));
            TableCounts counts = target.inTransaction("loading changes into the shadow of " + table, false,
                    c -> batch.apply(c, target.dialect(), shadow, loading.schema(),
                            rows -> modes.loadRows(loading.layout(), rows, true),
                            staged -> target.dialect().changes().applyChanges(c, shadow, loading.schema(),
                                    modes.shadowChanges(loading.layout(), staged))));
            ledger.applied(table, counts, state.lsn(), false);
            if (lsn.isPresent()) {
                swapIn(loading, shadow, lsn.getAsLong(), "repopulated by the source");
            }
            return new ApplyResult(table, counts, null);
        } catch (RuntimeException e) {
            return failed(table, "repopulating", e);
        }
    }

    /** The shadow is complete: hooks build on it, then it replaces the table together with the LSN. */
    private void swapIn(TableState loading, String shadow, long lsn, String why) {
        if (!loading.layout().isPlain()) {
            // soft delete keeps rows gone from the source, history keeps the old versions: set-wise, before the swap
            boolean sameSchema = loading.load() != TableState.Load.SHADOW_NEW_SCHEMA;
            target.inTransaction("merging the shadow of " + loading.table() + " with its current contents", true, c -> {
                MetadataRow stored = sameSchema ? null : metadata.readAll(c).get(loading.table());
                boolean sameOptions = sameSchema || (stored != null && loading.layout().fingerprint().equals(stored.options()));
                modes.mergeShadow(c, loading.targetName(), shadow, loading.layout(), sameSchema, sameOptions);
                return null;
            });
        }
        ledger.warnings(loading.table(), hooks.shadowLoaded(event(loading, why), shadow));
        shadows.swap(loading, shadow, lsn);
        tables.put(loading.table(), loading.populated(lsn));
        ledger.applied(loading.table(), TableCounts.ZERO, lsn, true);
        ledger.warnings(loading.table(), hooks.tablePopulated(event(loading, why)));
    }

    @Override
    public ApplyResult repopulate(String table, ChangeCursor rows, long lsn) {
        if (stopping) {
            return stopped(table, rows);
        }
        try (rows; TableStep step = TableStep.enter(contextLock, locks, table)) {
            TableState state = state(table);
            ApplyResult refused = refuse(state, table, rows, OptionalLong.of(lsn));
            if (refused != null) {
                return refused;
            }
            ledger.warnings(table, hooks.tableWiped(event(state, "full repopulation starting")));
            progress.populationStarted(table);
            long start = System.nanoTime();
            try {
                boolean inPlace = state.loadsInPlace();
                String into = inPlace ? state.targetName() : shadows.name(table);
                long loaded = target.inTransaction("repopulating " + table, false, c -> {
                    if (inPlace) {
                        try (java.sql.Statement s = c.createStatement()) {
                            s.execute(target.dialect().ddl().truncateTable(into));
                        }
                    } else {
                        shadows.create(c, into, state.schema());
                    }
                    long n = target.dialect().bulk().bulkLoad(c, into, state.schema(),
                            modes.loadRows(state.layout(), new InsertRows(table, rows), !inPlace),
                            count -> progress.populating(table, count));
                    if (inPlace) {
                        metadata.setLsn(c, table, lsn, MetadataTable.OK, null);
                    }
                    return n;
                });
                ledger.applied(table, new TableCounts(loaded, 0, 0), state.lsn(), false);
                String why = "fully repopulated with " + loaded + " rows";
                if (inPlace) {
                    tables.put(table, state.populated(lsn));
                    ledger.applied(table, TableCounts.ZERO, lsn, true);
                    ledger.warnings(table, hooks.tablePopulated(event(state, why)));
                } else {
                    swapIn(state.withShadow(into), into, lsn, why);
                }
                progress.populationFinished(table, loaded, System.nanoTime() - start);
                return new ApplyResult(table, new TableCounts(loaded, 0, 0), null);
            } catch (RuntimeException e) {
                return failed(table, "repopulating", e);
            }
        }
    }

    @Override
    public ApplyResult wipe(String table) {
        try (TableStep step = TableStep.enter(contextLock, locks, table)) {
            TableState state = state(table);
            ApplyResult refused = refuse(state, table, null, OptionalLong.empty());
            if (refused != null) {
                return refused;
            }
            try {
                if (state.loadsInPlace()) {
                    target.inTransaction("wiping " + table, true, c -> {
                        try (java.sql.Statement s = c.createStatement()) {
                            s.execute(target.dialect().ddl().truncateTable(state.targetName()));
                        }
                        metadata.setLsn(c, table, -1, MetadataTable.REPOPULATING, null);
                        return null;
                    });
                    tables.put(table, state.withLsn(-1));
                    LOG.info("table {}: wiped for repopulation", table);
                } else {
                    // The table keeps its contents and metadata until the batch carrying the LSN swaps the shadow in.
                    tables.put(table, state.withLsn(-1).withShadow(shadows.open(state)));
                }
                ledger.warnings(table, hooks.tableWiped(event(state, "wiped by the source")));
                return new ApplyResult(table, TableCounts.ZERO, null);
            } catch (RuntimeException e) {
                return failed(table, "wiping", e);
            }
        }
    }

    @Override
    public CycleReport complete(Map<String, TableCounts> sourceCounts) {
        contextLock.writeLock().lock();
        try {
            return report(sourceCounts);
        } finally {
            contextLock.writeLock().unlock();
        }
    }

    private CycleReport report(Map<String, TableCounts> sourceCounts) {
        CycleLedger done = ledger;
        CycleReport report = new CycleReport(contextId, done.started(), Instant.now(), done.reports());
        report.tables().forEach(t -> {
            TableCounts said = sourceCounts.get(t.table());
            if (said != null && !said.equals(t.counts())) {
                LOG.info("table {}: source reported {} but the mirror applied {}", t.table(), said, t.counts());
            }
        });
        clearRecoveredFailures(report);
        hooks.cycleCompleted(hookContext, report);
        TableCounts total = report.totals();
        LOG.info("cycle of {} completed in {} ms: {} tables, {} inserts, {} updates, {} deletes, {} failed", contextId,
                report.duration().toMillis(), report.tables().size(), total.inserts(), total.updates(), total.deletes(),
                report.failures().size());
        return report;
    }

    /** Tables recorded as failed that went through this cycle without failing are {@code ok} again. */
    private void clearRecoveredFailures(CycleReport report) {
        java.util.Set<String> failedNow = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        report.failures().forEach(t -> failedNow.add(t.table()));
        List<String> recovered = failedAtStart.stream().filter(t -> !failedNow.contains(t)).toList();
        failedAtStart = java.util.Set.of();
        if (recovered.isEmpty()) {
            return;
        }
        try {
            target.inTransaction("clearing the failed state of " + recovered, true, c -> {
                for (String t : recovered) {
                    metadata.clearFailure(c, t);
                }
                return null;
            });
            LOG.info("{} table(s) recorded as failed went through this cycle without failing: state ok again: {}",
                    recovered.size(), recovered);
        } catch (RuntimeException e) {
            LOG.warn("could not clear the failed state of {}: {}", recovered, redactor.describe(e));
        }
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
        tables.computeIfPresent(table, (t, s) -> s.failedThisCycle("an earlier step failed (" + message + ")"));
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
