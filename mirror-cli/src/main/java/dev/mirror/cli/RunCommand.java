package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.core.Mirror;
import dev.mirror.core.config.Durations;
import dev.mirror.core.config.RunSettings;
import dev.mirror.core.run.MirrorRunner;
import dev.mirror.core.run.RunResult;
import dev.mirror.cli.web.StatusBoard;
import dev.mirror.cli.web.StatusSite;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs cycles through core's {@link MirrorRunner} (schedule, pause window, run lock, waiting out an unreachable target,
 * clean stop on SIGTERM / Ctrl-C); this command only reads the options and presents the run.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs mirroring cycles: one (--once) or one every interval (--every 20m), outside the pause window",
            "run.pause.from..run.pause.to. Holds a lock in the target so two runs on the same target and context never",
            "overlap. Waits (with backoff, run.backoff) while the target or source cannot be reached. SIGTERM or Ctrl-C",
            "stops between batches: the batch in flight commits, the rest is retried next run."})
final class RunCommand extends BaseCommand.Configured {
    @Option(names = "--once", description = "Run one cycle and exit (the default unless --every or run.every is set).")
    boolean once;

    @Option(names = "--every", paramLabel = "DURATION", description = "Start a cycle every DURATION (e.g. 20m, 1h); overrides run.every.")
    String every;

    @Option(names = "--wait", paramLabel = "DURATION", description = "How long to wait for another run's lock before giving up (default: run.wait, 0s).")
    String waitFor;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of the run's cycles to FILE (rewritten after each cycle).")
    Path reportFile;

    @Override
    public Integer call() {
        Duration interval = once || every == null ? null : parse(every, "--every");
        if (interval != null && interval.isZero()) {
            throw MirrorException.configuration("USAGE", "--every must be longer than 0");
        }
        Duration wait = waitFor == null ? null : parse(waitFor, "--wait");
        StatusBoard board = new StatusBoard(Clock.systemUTC());
        try (Mirror mirror = open(config(), ProgressPrinter.forConsole(out()), Map.of("status-page", board))) {
            if (mirror.isPush()) {
                throw MirrorException.configuration("PUSH_SOURCE", "the source '" + mirror.settings().sourceType()
                        + "' is a push source: start it with 'mirror serve --config " + configFile + "'");
            }
            RunSettings settings = options(mirror.runSettings(), once, interval, wait);
            try (Metrics metrics = new Metrics();
                 StatusSite site = settings.every() != null && settings.metricsPort() >= 0
                         ? StatusSite.start(mirror, board, settings.http(), metrics::scrape) : null) {
                if (site != null) {
                    ServeCommand.announce(out(), settings.http(), site.port());
                }
                MirrorRunner runner = new MirrorRunner(mirror, settings,
                        RunListeners.both(new ConsoleRunListener(out(), mirror.contextId(), settings, metrics, reportFile), board));
                stopSignal().onRequest(runner::stop);
                RunResult result = runner.run();
                if (result.lastFailure() != null) { // stopped while waiting: say why the exit code is not 0
                    err().println("mirror run: stopped while waiting for the " + result.lastFailure().category().name()
                            .toLowerCase(java.util.Locale.ROOT) + ": " + redactor().describe(result.lastFailure()));
                    err().flush();
                }
                return ExitCodes.of(result);
            }
        }
    }

    /** The configuration's {@code run} settings with the command line's overrides. */
    static RunSettings options(RunSettings configured, boolean once, Duration every, Duration wait) {
        RunSettings s = configured;
        if (once) {
            s = s.withEvery(null);
        } else if (every != null) {
            s = s.withEvery(every);
        }
        return wait == null ? s : s.withLockWait(wait);
    }

    static Duration parse(String text, String option) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw MirrorException.configuration("USAGE", option + ": " + e.getMessage());
        }
    }
}
