package dev.mirror.cli;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.config.Durations;
import dev.mirror.core.config.RunSettings;
import dev.mirror.core.run.RunListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * How {@code mirror run}, {@code serve} and {@code verify --repair} show a run: a table per cycle on stdout, the
 * pause window and a clean stop as one line each, the JSON report file rewritten after each cycle, and the metrics.
 * The behaviour (schedule, lock, waiting, stop) is the core runner's; this class only presents it. Waiting for an
 * unreachable target is not repeated here: core logs one line per attempt (stderr).
 */
final class ConsoleRunListener implements RunListener {
    private static final int KEPT_REPORTS = 50;

    private final PrintWriter out;
    private final dev.mirror.api.ContextId contextId;
    private final RunSettings settings;
    private final Metrics metrics;
    private final Path reportFile;
    private final Deque<CycleReport> reports = new ArrayDeque<>();
    private volatile boolean started;

    /**
     * @param contextId  the context shown with each cycle (may be null for a push source without context)
     * @param metrics    where cycle metrics go, or null
     * @param reportFile the JSON report to rewrite after each cycle, or null
     */
    ConsoleRunListener(PrintWriter out, dev.mirror.api.ContextId contextId, RunSettings settings, Metrics metrics, Path reportFile) {
        this.out = requireNonNull(out, "out is null");
        this.contextId = contextId;
        this.settings = requireNonNull(settings, "settings is null");
        this.metrics = metrics;
        this.reportFile = reportFile;
    }

    @Override
    public void started(String lockTable) {
        started = true;
    }

    @Override
    public void waiting(MirrorException cause, int attempt, java.time.Instant nextAttempt) {
        if (started && metrics != null) {
            metrics.failedCycle(); // after the lock is taken, what is retried is a cycle
        }
    }

    @Override
    public synchronized void cycleFinished(CycleReport report) {
        if (metrics != null) {
            metrics.cycle(report);
        }
        reports.addLast(report);
        while (reports.size() > KEPT_REPORTS) {
            reports.removeFirst();
        }
        out.println("cycle " + report.finished() + " (" + report.contextId() + "):");
        out.print(CycleSummary.render(report, "  "));
        out.flush();
        if (reportFile != null) {
            RunReport.write(reportFile, List.copyOf(reports), report.failures().isEmpty() ? "ok" : "table-failures");
        }
    }

    @Override
    public void cycleFailed(MirrorException failure, java.time.Duration retryIn) {
        if (metrics != null) {
            metrics.failedCycle();
        }
    }

    @Override
    public void paused(java.time.Duration left) {
        out.println("paused (run.pause " + settings.pauseFrom() + "-" + settings.pauseTo() + " " + settings.zone()
                + "): next cycle in " + Durations.format(left));
        out.flush();
    }

    @Override
    public void serving() {
        out.println("serving" + (contextId == null ? "" : " context " + contextId) + "; stop with SIGTERM or Ctrl-C");
        out.flush();
    }

    @Override
    public void stopped() {
        out.println("stopped on request (between batches; unfinished tables are retried on the next run)");
        out.flush();
    }
}
