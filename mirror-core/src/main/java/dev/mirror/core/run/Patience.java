package dev.mirror.core.run;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.core.Redactor;
import dev.mirror.core.config.Durations;
import dev.mirror.core.config.RunSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a step while it fails in a way that waiting can fix (a {@linkplain MirrorException#retryable() retryable}
 * failure: the target or source is down or unreachable), with exponential backoff and one log line per failed
 * attempt saying what failed and when the next try is. A failure that waiting cannot fix (configuration, a refused
 * login, a missing database, missing permissions: not retryable) is thrown at once, unchanged, so its own message
 * comes first.
 */
final class Patience {
    private static final Logger LOG = LoggerFactory.getLogger(Patience.class);

    /** The step's value, or (stopped while waiting) null with the failure that kept the step from succeeding. */
    record Outcome<T>(T value, MirrorException lastFailure) {
    }

    private final RunSettings.Backoff backoff;
    private final StopLatch stop;
    private final RunListener listener;
    private final Redactor redactor;
    private final Clock clock;

    Patience(RunSettings.Backoff backoff, StopLatch stop, RunListener listener, Redactor redactor, Clock clock) {
        this.backoff = requireNonNull(backoff, "backoff is null");
        this.stop = requireNonNull(stop, "stop is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Runs {@code step} until it succeeds, a non-retryable failure is thrown, {@code run.backoff.giveUpAfter} passes
     * (the last failure is thrown) or a stop is requested (the outcome has no value).
     */
    <T> Outcome<T> untilDone(String what, Supplier<T> step) {
        Instant firstFailure = null;
        int attempt = 0;
        while (true) {
            try {
                T value = step.get();
                if (attempt > 0) {
                    LOG.info("{}: succeeded after {} failed attempt{}", what, attempt, attempt == 1 ? "" : "s");
                }
                return new Outcome<>(value, null);
            } catch (MirrorException e) {
                if (!e.retryable()) {
                    throw e;
                }
                attempt++;
                Instant now = clock.instant();
                firstFailure = firstFailure == null ? now : firstFailure;
                if (backoff.giveUpAfter() != null && Duration.between(firstFailure, now).compareTo(backoff.giveUpAfter()) >= 0) {
                    String gaveUp = "gave up after " + attempt + " attempts over "
                            + Durations.format(Duration.between(firstFailure, now)) + " (run.backoff.giveUpAfter)";
                    LOG.error("{}: {}", what, gaveUp);
                    // the cause stays first; the note corrects a dialect's "will be retried", which is no longer true
                    throw new MirrorException(e.code(), e.category(), false, e.getMessage() + " [" + gaveUp + "]", e);
                }
                Duration wait = backoff.delay(attempt);
                Instant next = now.plus(wait).truncatedTo(ChronoUnit.SECONDS);
                LOG.warn("{} failed (attempt {}, {}): {}; next attempt in {} at {}", what, attempt, e.code(),
                        redactor.redact(e.getMessage()), Durations.format(wait), next);
                notify(e, attempt, next);
                if (stop.await(wait)) {
                    return new Outcome<>(null, e);
                }
            }
        }
    }

    private void notify(MirrorException e, int attempt, Instant next) {
        try {
            listener.waiting(e, attempt, next);
        } catch (RuntimeException ignored) {
            LOG.warn("run listener failed: {}", ignored.toString());
        }
    }
}
