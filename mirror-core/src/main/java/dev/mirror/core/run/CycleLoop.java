package dev.mirror.core.run;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.ErrorCategory;
import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.Mirror;
import dev.mirror.core.config.Durations;
import dev.mirror.core.config.RunSettings;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cycles of one run, while the run lock is held: the schedule, the pause window, waiting out transient failures of
 * a cycle with backoff, and stopping between cycles.
 */
final class CycleLoop {
    private static final Logger LOG = LoggerFactory.getLogger(CycleLoop.class);

    private final Mirror mirror;
    private final RunSettings settings;
    private final RunListener listener;
    private final StopLatch stop;
    private final Patience patience;
    private int cycles;
    private CycleReport last;

    CycleLoop(Mirror mirror, RunSettings settings, RunListener listener, StopLatch stop, Patience patience) {
        this.mirror = requireNonNull(mirror, "mirror is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.stop = requireNonNull(stop, "stop is null");
        this.patience = requireNonNull(patience, "patience is null");
    }

    /** One cycle now, whatever the schedule and the pause window say (a repair the user asked for). */
    RunResult once(RunLease lease) {
        MirrorException failure = cycle(lease);
        lease.check();
        return new RunResult(cycles, last, failure, stop.requested());
    }

    /** Cycles per the schedule until the single cycle is done or a stop is requested. */
    RunResult run(RunLease lease) {
        Duration interval = settings.every();
        MirrorException failure = null;
        while (!stop.requested()) {
            if (settings.pauseFrom() != null && settings.paused(LocalTime.now(settings.zone()))) {
                Duration left = settings.untilEndOfPause(ZonedDateTime.now(settings.zone()));
                LOG.info("pause window {}-{} ({}): no cycle for {}", settings.pauseFrom(), settings.pauseTo(), settings.zone(),
                        Durations.format(left));
                listener.paused(left);
                if (interval == null) {
                    return new RunResult(cycles, last, null, false); // a single cycle inside the window is skipped
                }
                stop.await(left);
                continue;
            }
            long started = System.nanoTime();
            lease.check();
            failure = cycle(lease);
            if (interval == null) {
                lease.check();
                return new RunResult(cycles, last, failure, stop.requested());
            }
            Duration left = interval.minusNanos(System.nanoTime() - started);
            if (!left.isNegative()) {
                stop.await(left);
            }
        }
        lease.check(); // a lost lock stopped us: that is a failure, not a requested stop
        LOG.info("stopped on request, between batches; unfinished tables are retried by the next run");
        listener.stopped();
        return new RunResult(cycles, last, failure, true);
    }

    /**
     * One cycle, repeated with backoff while it fails in a way that waiting can fix; returns null when it completed,
     * else the failure (stopped while waiting, or a scheduled run going on after a failed cycle). A failure that
     * waiting cannot fix is thrown, except in a scheduled run that has completed a cycle before: there it is logged
     * and the schedule goes on, as a long run should not end over one bad cycle (a driver that misclassifies a
     * transient error, a password changed and changed back); configuration errors and a lost lock end it anyway.
     */
    private MirrorException cycle(RunLease lease) {
        try {
            Patience.Outcome<CycleReport> outcome = patience.untilDone("cycle", () -> {
                lease.check();
                return mirror.runCycle();
            });
            if (outcome.value() == null) {
                return outcome.lastFailure();
            }
            cycles++;
            last = outcome.value();
            listener.cycleFinished(last);
            return null;
        } catch (MirrorException e) {
            boolean goOn = settings.every() != null && cycles > 0 && e.category() != ErrorCategory.CONFIGURATION
                    && !e.code().equals("LOCK_LOST");
            if (goOn) {
                LOG.error("cycle failed ({}): {}; the next cycle starts as scheduled, in {}", e.code(),
                        mirror.redactor().redact(e.getMessage()), Durations.format(settings.every()));
                listener.cycleFailed(e, settings.every());
                return e;
            }
            if (!e.code().equals("LOCK_LOST")) {
                LOG.error("cycle failed ({}), the run ends: {}", e.code(), mirror.redactor().redact(e.getMessage()));
            }
            listener.cycleFailed(e, null);
            throw e;
        }
    }
}
