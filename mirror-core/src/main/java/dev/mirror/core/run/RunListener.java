package dev.mirror.core.run;

import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.CycleReport;
import java.time.Duration;
import java.time.Instant;

/**
 * What a {@link MirrorRunner} tells its front end (a console, a web page, an application's log), so that core keeps
 * the behaviour and the front end only presents it. Called on the runner's thread; must be cheap and should not
 * throw (a listener's exception is logged and ignored). Every method has an empty default.
 */
public interface RunListener {
    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() { };

    /** The run lock is taken (cycles follow); {@code lockTable} names the lock's table in the target. */
    default void started(String lockTable) {
    }

    /**
     * The target or the source cannot be reached (or a cycle failed with a transient error); the runner tries again at
     * {@code nextAttempt}. Core has already logged one line for this attempt.
     *
     * @param cause   what failed (its message is free of secrets)
     * @param attempt the number of consecutive failed attempts, from 1
     */
    default void waiting(MirrorException cause, int attempt, Instant nextAttempt) {
    }

    /** A cycle completed (some of its tables may have failed: see {@link CycleReport#failures()}). */
    default void cycleFinished(CycleReport report) {
    }

    /**
     * A cycle failed as a whole in a way that waiting cannot fix (or {@code run.backoff.giveUpAfter} passed, or the run
     * lock was lost). {@code retryIn} is null when the run ends with this failure (at start, a single cycle, a
     * configuration error, a lost lock), else the interval after which a scheduled run that has completed cycles
     * before tries its next one. A cycle that failed in a way that waiting can fix is reported through
     * {@link #waiting} instead.
     */
    default void cycleFailed(MirrorException failure, Duration retryIn) {
    }

    /** The pause window holds the next cycle back for {@code left} (a single-cycle run skips its cycle instead). */
    default void paused(Duration left) {
    }

    /** A push source is listening; the runner holds the run lock until it is stopped. */
    default void serving() {
    }

    /** The run ended on a stop request, between batches. */
    default void stopped() {
    }
}
