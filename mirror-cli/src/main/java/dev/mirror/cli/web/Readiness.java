package dev.mirror.cli.web;

import static java.util.Objects.requireNonNull;

import dev.mirror.core.Redactor;
import dev.mirror.core.config.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What {@code /readyz} answers: ready when every known context's target answered the last probe (one direct connection
 * each, {@link dev.mirror.core.Mirror#checkTarget(dev.mirror.api.ContextId)}) and cycles have not been failing as a whole for longer than
 * {@code run.http.notReadyAfter}. Probes run in the background ({@link #probe()}), so a probe request never waits for a
 * connection timeout. Failing tables inside a completed cycle do not count: they are shown on the page and in the
 * metrics, and a push endpoint taken out of a load balancer for them could never receive the fix.
 */
public final class Readiness {
    /** An answer: ready or not, and why (short, free of secrets and of table names, for unauthenticated probes). */
    public record State(boolean ready, String reason) {
    }

    private final Supplier<List<String>> contexts;
    private final Consumer<String> checkTarget;
    private final StatusBoard board;
    private final Duration notReadyAfter;
    private final Clock clock;
    private final Redactor redactor;
    private volatile String targetProblem = "the target has not been checked yet";
    private volatile String targetDetail;

    /**
     * @param contexts      the contexts whose targets are probed
     * @param checkTarget   connects once to a context's target, throwing when it cannot
     * @param notReadyAfter how long cycles may fail as a whole before the process is not ready
     */
    public Readiness(Supplier<List<String>> contexts, Consumer<String> checkTarget, StatusBoard board, Duration notReadyAfter,
                     Clock clock, Redactor redactor) {
        this.contexts = requireNonNull(contexts, "contexts is null");
        this.checkTarget = requireNonNull(checkTarget, "checkTarget is null");
        this.board = requireNonNull(board, "board is null");
        this.notReadyAfter = requireNonNull(notReadyAfter, "notReadyAfter is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
    }

    /** Connects to each context's target once; remembers the first that failed. */
    public void probe() {
        for (String c : contexts.get()) {
            try {
                checkTarget.accept(c);
            } catch (RuntimeException e) {
                targetProblem = "the target of context " + c + " cannot be reached";
                targetDetail = redactor.describe(e);
                return;
            }
        }
        targetProblem = null;
        targetDetail = null;
    }

    /** The answer now. */
    public State state() {
        String problem = targetProblem;
        if (problem != null) {
            return new State(false, problem);
        }
        Optional<Instant> since = board.failingSince();
        if (since.isPresent()) {
            Duration failing = Duration.between(since.get(), clock.instant());
            if (failing.compareTo(notReadyAfter) > 0) {
                return new State(false, "cycles have been failing for " + Durations.format(failing.withNanos(0))
                        + ", longer than run.http.notReadyAfter (" + Durations.format(notReadyAfter) + ")");
            }
        }
        return new State(true, "ready");
    }

    /** Why the last probe failed, with the driver's message (redacted), for authenticated readers only; else null. */
    public String targetDetail() {
        return targetDetail;
    }
}
