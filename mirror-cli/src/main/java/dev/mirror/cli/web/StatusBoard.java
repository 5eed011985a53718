package dev.mirror.cli.web;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.hook.HookContext;
import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.TableReport;
import dev.mirror.core.Redactor;
import dev.mirror.core.run.RunListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What this process has seen of its cycles, for the status page: the last cycles of every context, each table's last
 * action and last failure, and since when cycles have been failing as a whole. It is fed as a lifecycle hook (so it
 * sees every context's cycles, pulled or pushed) and as a run listener (failures before a cycle could start). Every
 * message is redacted on the way in. Thread-safe: hooks run on cycle threads, the page reads from HTTP threads.
 */
public final class StatusBoard implements LifecycleHook, RunListener {
    /** How many cycles the page and the charts keep. */
    public static final int KEPT_CYCLES = 60;

    /**
     * A table's last action: the report line of the last cycle that did something to it (rows, a schema change, a
     * repopulation, a failure), or of its first cycle, and when that cycle finished.
     */
    public record Action(TableReport report, Instant at) {
    }

    /** A failure: when and the (redacted) message. */
    public record Failure(Instant at, String message) {
    }

    private volatile Redactor redactor = new Redactor(); // masks URL secrets until the mirror's own is attached
    private final Clock clock;
    private final Deque<CycleReport> cycles = new ArrayDeque<>();
    private final Map<String, Map<String, Action>> actions = new LinkedHashMap<>();
    private final Map<String, Map<String, Failure>> failures = new LinkedHashMap<>();
    private final Set<String> contexts = new LinkedHashSet<>();
    private Instant failingSince;
    private Failure lastRunFailure;
    private long version;

    /** A board for a mirror still to be built (it is added to the builder as a hook); see {@link #attach}. */
    public StatusBoard(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Uses the built mirror's redactor (which knows the configuration's secrets) from now on. */
    public void attach(Redactor mirrorRedactor) {
        this.redactor = requireNonNull(mirrorRedactor, "mirrorRedactor is null");
    }

    @Override
    public synchronized void onCycleStarted(HookContext context) {
        contexts.add(context.contextId().value());
    }

    @Override
    public synchronized void onCycleCompleted(HookContext context, CycleReport report) {
        contexts.add(report.contextId().value());
        CycleReport clean = redacted(report);
        cycles.addLast(clean);
        while (cycles.size() > KEPT_CYCLES) {
            cycles.removeFirst();
        }
        Map<String, Action> a = actions.computeIfAbsent(report.contextId().value(), c -> new LinkedHashMap<>());
        Map<String, Failure> f = failures.computeIfAbsent(report.contextId().value(), c -> new LinkedHashMap<>());
        for (TableReport t : clean.tables()) {
            if (eventful(t) || !a.containsKey(t.table())) { // a quiet cycle does not hide what happened last
                a.put(t.table(), new Action(t, report.finished()));
            }
            if (t.failed()) {
                f.put(t.table(), new Failure(report.finished(), t.error() == null ? t.reason() : t.error()));
            }
        }
        failingSince = null; // the cycle completed: whatever failed before is over
        version++;
    }

    @Override
    public void onCycleFailed(HookContext context, Throwable cause) {
        failed(redactor.describe(cause));
    }

    @Override
    public void waiting(MirrorException cause, int attempt, Instant nextAttempt) {
        failed(redactor.describe(cause));
    }

    @Override
    public void cycleFailed(MirrorException failure, Duration retryIn) {
        failed(redactor.describe(failure));
    }

    private synchronized void failed(String message) {
        Instant now = clock.instant();
        if (failingSince == null) {
            failingSince = now;
        }
        lastRunFailure = new Failure(now, message);
        version++;
    }

    /** Adds a context to show before any of its cycles (the configured context, the tenants allowed to push). */
    public synchronized void expect(String contextId) {
        contexts.add(requireNonNull(contextId, "contextId is null"));
    }

    /** The contexts to show, in the order they became known. */
    public synchronized List<String> contexts() {
        return List.copyOf(contexts);
    }

    /** The kept cycles, oldest first. */
    public synchronized List<CycleReport> cycles() {
        return List.copyOf(cycles);
    }

    /** Each table's last action in a context (table name → action). */
    public synchronized Map<String, Action> actions(String contextId) {
        return Map.copyOf(actions.getOrDefault(contextId, Map.of()));
    }

    /** Each table's last failure seen by this process in a context. */
    public synchronized Map<String, Failure> failures(String contextId) {
        return Map.copyOf(failures.getOrDefault(contextId, Map.of()));
    }

    /** Since when cycles have been failing as a whole (no cycle completed since), if they are. */
    public synchronized Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    /** The last failure of a whole cycle (or of reaching the target before one), if any. */
    public synchronized Optional<Failure> lastRunFailure() {
        return Optional.ofNullable(lastRunFailure);
    }

    /** Grows with every change, so a reader can tell whether anything happened since it last looked. */
    public synchronized long version() {
        return version;
    }

    private static boolean eventful(TableReport t) {
        return t.failed() || t.repopulated() || t.action() != dev.mirror.api.protocol.SchemaAction.NONE
                || t.counts().inserts() + t.counts().updates() + t.counts().deletes() > 0;
    }

    private CycleReport redacted(CycleReport r) {
        List<TableReport> tables = new ArrayList<>(r.tables().size());
        for (TableReport t : r.tables()) {
            tables.add(t.error() == null ? t : new TableReport(t.table(), t.action(), t.reason(), t.counts(), t.lsn(),
                    t.repopulated(), redactor.redact(t.error())));
        }
        return new CycleReport(r.contextId(), r.started(), r.finished(), tables);
    }
}
