package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.Mirror;
import dev.mirror.core.lock.TargetLock;
import dev.mirror.core.report.CycleSummary;
import dev.mirror.core.report.RunReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs cycles: one ({@code --once}) or on a schedule ({@code --every}), outside the pause window, holding the run
 * lock in the target for the whole run, stopping cleanly between cycles on SIGTERM / Ctrl-C.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs mirroring cycles: one (--once) or one every interval (--every 20m), outside the pause window",
            "run.pause.from..run.pause.to. Holds a lock in the target so two runs on the same target and context never",
            "overlap. SIGTERM or Ctrl-C stops between batches: the batch in flight commits, the rest is retried next run."})
final class RunCommand extends BaseCommand.Configured {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
    private static final int KEPT_REPORTS = 50;

    @Option(names = "--once", description = "Run one cycle and exit (the default unless --every or run.every is set).")
    boolean once;

    @Option(names = "--every", paramLabel = "DURATION", description = "Start a cycle every DURATION (e.g. 20m, 1h); overrides run.every.")
    String every;

    @Option(names = "--wait", paramLabel = "DURATION", description = "How long to wait for another run's lock before giving up (default: run.wait, 0s).")
    String waitFor;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of the run's cycles to FILE (rewritten after each cycle).")
    Path reportFile;

    private final StopSignal stop = new StopSignal();

    /** Asks the run to stop between batches, then before the next cycle (what SIGTERM does). */
    void requestStop() {
        stop.request();
    }

    @Override
    public Integer call() {
        MirrorConfig config = config();
        RunSettings settings = config.run();
        Duration interval = once ? null : every != null ? parse(every, "--every") : settings.every();
        if (interval != null && interval.isZero()) {
            throw MirrorException.configuration("USAGE", "--every must be longer than 0");
        }
        Duration wait = waitFor != null ? parse(waitFor, "--wait") : settings.lockWait();
        try (Mirror mirror = open(config, ProgressPrinter.forConsole(out()))) {
            if (mirror.source().isPush()) {
                throw MirrorException.configuration("PUSH_SOURCE", "the source '" + mirror.settings().sourceType()
                        + "' is a push source: start it with 'mirror serve --config " + configFile + "'");
            }
            TargetLock lock = RunLock.create(mirror, settings.lockTtl());
            lock.acquire(wait, Duration.ofMillis(Math.min(1000, Math.max(50, wait.toMillis() / 10))));
            stop.onRequest(mirror.protocol()::requestStop);
            Thread hook = stop.installShutdownHook();
            try (RunLock.Heartbeat heartbeat = RunLock.heartbeat(lock, settings.lockTtl(), stop);
                 Metrics metrics = new Metrics()) {
                if (interval != null && settings.metricsPort() >= 0) {
                    int port = metrics.serve(settings.metricsPort());
                    out().println("metrics: http://localhost:" + port + "/metrics (Prometheus format)");
                }
                return loop(mirror, settings, interval, metrics, heartbeat);
            } finally {
                lock.release();
                stop.finished(hook);
            }
        }
    }

    private int loop(Mirror mirror, RunSettings settings, Duration interval, Metrics metrics, RunLock.Heartbeat heartbeat) {
        Deque<CycleReport> reports = new ArrayDeque<>();
        int result = ExitCodes.OK;
        while (!stop.requested()) {
            if (settings.paused(LocalTime.now(settings.zone()))) {
                Duration left = untilEndOfPause(settings);
                out().println("paused (run.pause " + settings.pauseFrom() + "-" + settings.pauseTo() + " " + settings.zone()
                        + "): next cycle in " + Durations.format(left));
                out().flush();
                LOG.info("pause window {}-{}: no cycle until {}", settings.pauseFrom(), settings.pauseTo(), settings.pauseTo());
                if (interval == null) {
                    return ExitCodes.OK; // a single cycle inside the pause window is skipped, not postponed
                }
                stop.await(left);
                continue;
            }
            long started = System.nanoTime();
            heartbeat.check();
            try {
                CycleReport report = mirror.runCycle();
                metrics.cycle(report);
                reports.addLast(report);
                while (reports.size() > KEPT_REPORTS) {
                    reports.removeFirst();
                }
                result = report.failures().isEmpty() ? ExitCodes.OK : ExitCodes.TABLE_FAILURES;
                out().println("cycle " + report.finished() + " (" + mirror.contextId() + "):");
                out().print(CycleSummary.render(report, "  "));
                out().flush();
                writeReport(List.copyOf(reports), result);
            } catch (MirrorException e) {
                metrics.failedCycle();
                if (interval == null) {
                    throw e;
                }
                result = ExitCodes.of(e);
                LOG.error("cycle failed ({}), next attempt in {}: {}", e.code(), Durations.format(interval),
                        redactor().describe(e));
                err().println("cycle failed: " + redactor().describe(e));
                err().flush();
            }
            if (interval == null) {
                return result;
            }
            Duration left = interval.minusNanos(System.nanoTime() - started);
            if (!left.isNegative()) {
                stop.await(left);
            }
        }
        out().println("stopped on request (between batches; unfinished tables are retried on the next run)");
        out().flush();
        return result;
    }

    private void writeReport(List<CycleReport> reports, int result) {
        if (reportFile != null) {
            RunReport.write(reportFile, reports, result == ExitCodes.OK ? "ok" : "table-failures");
        }
    }

    private static Duration untilEndOfPause(RunSettings s) {
        ZonedDateTime now = ZonedDateTime.now(s.zone());
        ZonedDateTime end = now.with(s.pauseTo());
        if (!end.isAfter(now)) {
            end = end.plusDays(1);
        }
        return Duration.between(now, end);
    }

    private static Duration parse(String text, String option) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw MirrorException.configuration("USAGE", option + ": " + e.getMessage());
        }
    }
}
