package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.run.RunListener;
import java.time.Duration;
import java.time.Instant;

/** Tells two run listeners (the console and the status page) everything, in that order. */
final class RunListeners {
    private RunListeners() {
    }

    static RunListener both(RunListener first, RunListener second) {
        java.util.Objects.requireNonNull(first, "first is null");
        java.util.Objects.requireNonNull(second, "second is null");
        return new RunListener() {
            @Override
            public void started(String lockTable) {
                first.started(lockTable);
                second.started(lockTable);
            }

            @Override
            public void waiting(MirrorException cause, int attempt, Instant nextAttempt) {
                first.waiting(cause, attempt, nextAttempt);
                second.waiting(cause, attempt, nextAttempt);
            }

            @Override
            public void cycleFinished(CycleReport report) {
                first.cycleFinished(report);
                second.cycleFinished(report);
            }

            @Override
            public void cycleFailed(MirrorException failure, Duration retryIn) {
                first.cycleFailed(failure, retryIn);
                second.cycleFailed(failure, retryIn);
            }

            @Override
            public void paused(Duration left) {
                first.paused(left);
                second.paused(left);
            }

            @Override
            public void serving() {
                first.serving();
                second.serving();
            }

            @Override
            public void stopped() {
                first.stopped();
                second.stopped();
            }
        };
    }
}
