package dev.mirror.core.run;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.Mirror;
import dev.mirror.core.config.Durations;
import dev.mirror.core.config.RunSettings;
import dev.mirror.core.internal.lock.TargetLock;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Mirror} the way every front end should: the command-line tool ({@code mirror run}, {@code serve},
 * {@code resync}, {@code verify --repair}) and applications that embed a mirror all go through this class, so they all
 * get the same guarantees:
 * <ul>
 *   <li>the <b>run lock</b> in the target ({@link TargetLock}, one per target and context) is held for the whole run and
 *       renewed by a heartbeat, so two runs, a run and a resync, or a run and a push endpoint never overlap;</li>
 *   <li>the <b>schedule</b> ({@code run.every}: one cycle, or one every interval) and the <b>pause window</b>
 *       ({@code run.pause}: no cycle starts inside it);</li>
 *   <li><b>waiting out</b> a target or source that is down, at start and between cycles, with backoff and one log line
 *       per attempt ({@code run.backoff}); a failure that waiting cannot fix (configuration, refused login, missing
 *       database or permission) ends the run at once with its own message;</li>
 *   <li>a <b>clean stop</b> ({@link #stop()}, e.g. on SIGTERM): the batch in flight commits, the remaining tables are
 *       retried by the next run, and the lock is released.</li>
 * </ul>
 * Presentation stays with the caller, through a {@link RunListener}. A runner runs once: after it ends, close the
 * mirror and build a new one to run again.
 *
 * <p>Thread safety: {@link #stop()} may be called from any thread (a shutdown hook); the run methods are meant for one
 * thread at a time ({@link #start()} runs {@link #run()} on a thread of its own).
 */
public final class MirrorRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MirrorRunner.class);
    private static final Duration LOCK_POLL = Duration.ofMillis(500);

    private final Mirror mirror;
    private final RunSettings settings;
    private final RunListener listener;
    private final StopLatch stop = new StopLatch();
    private final Patience patience;
    private final String owner = UUID.randomUUID().toString();
    private final AtomicReference<Thread> thread = new AtomicReference<>();
    private final AtomicReference<RunResult> result = new AtomicReference<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    /** A runner with the mirror's own {@code run} settings. */
    public MirrorRunner(Mirror mirror, RunListener listener) {
        this(mirror, requireNonNull(mirror, "mirror is null").runSettings(), listener);
    }

    /** A runner with explicit settings (e.g. the mirror's, overridden from a command line). */
    public MirrorRunner(Mirror mirror, RunSettings settings, RunListener listener) {
        this.mirror = requireNonNull(mirror, "mirror is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.listener = new SafeListener(requireNonNull(listener, "listener is null"));
        this.patience = new Patience(settings.backoff(), stop, this.listener, mirror.redactor(), Clock.systemUTC());
    }

    /** Creates a runner with the mirror's settings and {@linkplain #start() starts} it in the background. */
    public static MirrorRunner start(Mirror mirror, RunListener listener) {
        return new MirrorRunner(mirror, listener).start();
    }

    /**
     * Runs cycles on the calling thread: one, or (with {@code run.every}) one per interval until {@link #stop()},
     * holding the run lock throughout. Returns how the run ended; throws the failure that ended it otherwise (a
     * {@link MirrorException}: not retryable, {@code LOCK_HELD}, {@code LOCK_LOST}, or retryable after
     * {@code run.backoff.giveUpAfter}).
     */
    public RunResult run() {
        mirror.pullSource(); // a push source is refused here, saying to serve it
        return exclusively(new CycleLoop(mirror, settings, listener, stop, patience)::run, MirrorRunner::stoppedBeforeStart);
    }

    /**
     * Starts a push source and serves until {@link #stop()}, holding the run lock of the configured context meanwhile
     * (without {@code context} a push source serves every tenant, and no single lock can cover them: none is taken).
     */
    public RunResult serve() {
        mirror.pushSource(); // a pull source is refused here, saying to run cycles
        Function<RunLease, RunResult> serving = lease -> {
            mirror.serve();
            listener.serving();
            while (!stop.await(Duration.ofMinutes(1))) {
                check(lease);
            }
            check(lease);
            listener.stopped();
            return new RunResult(0, null, null, true);
        };
        if (mirror.settings().contextId() == null) {
            LOG.info("serving every tenant: no 'context' is configured, so no run lock is taken");
            return serving.apply(null);
        }
        return exclusively(serving, MirrorRunner::stoppedBeforeStart);
    }

    /** Sets LSN -1 (repopulate next cycle) for some tables, or all when {@code tables} is null, under the run lock. */
    public int resync(List<String> tables) {
        return exclusively(lease -> mirror.resync(tables), lastFailure -> {
            throw lastFailure != null ? lastFailure : MirrorException.target("STOPPED", false,
                    "stopped before the run lock was taken: nothing was changed", null);
        });
    }

    /** Under the run lock: sets LSN -1 for {@code tables} and runs one cycle that repopulates them. */
    public RunResult repopulate(List<String> tables) {
        return exclusively(lease -> {
            if (!tables.isEmpty()) {
                mirror.resync(tables);
            }
            return new CycleLoop(mirror, settings.withEvery(null), listener, stop, patience).once(lease);
        }, MirrorRunner::stoppedBeforeStart);
    }

    /** Runs {@link #run()} on a thread of its own ("mirror-runner"); see {@link #stopAndWait(Duration)}. */
    public MirrorRunner start() {
        Thread t = new Thread(() -> {
            try {
                result.set(run());
            } catch (RuntimeException e) {
                failure.set(e);
                LOG.error("the mirror run ended: {}", mirror.redactor().describe(e));
            }
        }, "mirror-runner");
        t.setDaemon(true); // a JVM that exits without close() loses at most an uncommitted transaction, never data
        if (!thread.compareAndSet(null, t)) {
            throw new IllegalStateException("this runner was already started");
        }
        t.start();
        return this;
    }

    /**
     * Asks the run to stop: the batch in flight commits, later batches are refused (their tables keep their LSN and are
     * retried by the next run), no new cycle starts, waits end. Returns at once; safe from any thread.
     */
    public void stop() {
        stop.request();
        if (!mirror.isPush() && mirror.settings().contextId() != null) {
            mirror.protocol().requestStop();
        }
    }

    /** Whether {@link #stop()} was called (or the lock was lost). */
    public boolean stopRequested() {
        return stop.requested();
    }

    /**
     * Stops a {@linkplain #start() started} run and waits up to {@code timeout} for it to end; returns how it ended
     * (null if it is still running) or throws the failure that ended it.
     */
    public RunResult stopAndWait(Duration timeout) {
        stop();
        Thread t = thread.get();
        if (t != null) {
            try {
                t.join(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
        return result.get();
    }

    /** Stops and waits for a started run (up to 10 minutes); the failure, if any, was logged. Does not close the mirror. */
    @Override
    public void close() {
        try {
            stopAndWait(Duration.ofMinutes(10));
        } catch (RuntimeException alreadyLogged) {
            // start() logged it when the run ended; close() must not hide a try-with-resources body's own exception
        }
    }

    /**
     * Takes the run lock (waiting out an unreachable target), runs {@code body}, releases the lock; when a stop comes
     * before the lock is taken, answers {@code whenStopped} with the failure that kept it waiting (or null).
     */
    private <T> T exclusively(Function<RunLease, T> body, Function<MirrorException, T> whenStopped) {
        Patience.Outcome<RunLease> taken = patience.untilDone("connecting to the target and taking the run lock", this::lease);
        if (taken.value() == null) {
            listener.stopped();
            return whenStopped.apply(taken.lastFailure());
        }
        try (RunLease lease = taken.value()) {
            return body.apply(lease);
        }
    }

    private static RunResult stoppedBeforeStart(MirrorException lastFailure) {
        return new RunResult(0, null, lastFailure, true);
    }

    private RunLease lease() {
        mirror.checkTarget();
        TargetLock lock = new TargetLock(mirror.target(), mirror.contextId(), owner, host(), ProcessHandle.current().pid(),
                settings.lockTtl(), Clock.systemUTC());
        try {
            if (!lock.acquire(Duration.ZERO, LOCK_POLL, stop::requested)) {
                return null;
            }
        } catch (MirrorException held) {
            if (!held.code().equals("LOCK_HELD") || settings.lockWait().isZero()) {
                throw held;
            }
            String holder = lock.holder().map(h -> h.describe()).orElse("another run");
            LOG.info("the run lock {} is held by {}; waiting up to {} for it (run.wait / --wait)", lock.tableName(), holder,
                    Durations.format(settings.lockWait()));
            if (!lock.acquire(settings.lockWait(), LOCK_POLL, stop::requested)) {
                return null;
            }
        }
        LOG.info("holding the run lock {} (owner {})", lock.tableName(), owner);
        listener.started(lock.tableName());
        return new RunLease(lock, settings.lockTtl(), this::stop);
    }

    private static void check(RunLease lease) {
        if (lease != null) {
            lease.check();
        }
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }
}
