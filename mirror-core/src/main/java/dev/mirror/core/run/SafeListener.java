package dev.mirror.core.run;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.CycleReport;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shields the run from a front end's listener: a listener that throws is logged, and the run goes on. */
final class SafeListener implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

    private final RunListener delegate;

    SafeListener(RunListener delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    private void call(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("run listener failed in {}: {}", what, e.toString());
        }
    }

    @Override
    public void started(String lockTable) {
        call("started", () -> delegate.started(lockTable));
    }

    @Override
    public void waiting(MirrorException cause, int attempt, Instant nextAttempt) {
        call("waiting", () -> delegate.waiting(cause, attempt, nextAttempt));
    }

    @Override
    public void cycleFinished(CycleReport report) {
        call("cycleFinished", () -> delegate.cycleFinished(report));
    }

    @Override
    public void cycleFailed(MirrorException failure, Duration retryIn) {
        call("cycleFailed", () -> delegate.cycleFailed(failure, retryIn));
    }

    @Override
    public void paused(Duration left) {
        call("paused", () -> delegate.paused(left));
    }

    @Override
    public void serving() {
        call("serving", delegate::serving);
    }

    @Override
    public void stopped() {
        call("stopped", delegate::stopped);
    }
}
