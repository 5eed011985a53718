package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.api.hook.HookContext;
import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.cli.web.StatusBoard;
import dev.mirror.cli.web.StatusSite;
import dev.mirror.core.Mirror;
import dev.mirror.core.config.RunSettings;
import dev.mirror.core.run.MirrorRunner;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * Starts a push source (the SuperOffice endpoint) through core's runner, which holds the run lock, until SIGTERM; with
 * {@code run.http.port} (or {@code run.metricsPort}) also the status page, probes and metrics of every tenant's cycles.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts a push source (the SuperOffice mirroring endpoint, source.type: superoffice) and serves",
            "until SIGTERM or Ctrl-C, holding the run lock of the configured context meanwhile (so 'mirror run',",
            "'resync' and 'verify --repair' on the same target and context wait for it). With run.http.port the",
            "status page, /status.json, /healthz, /readyz and /metrics are served on that port."})
final class ServeCommand extends BaseCommand.Configured {
    @Override
    public Integer call() {
        StatusBoard board = new StatusBoard(Clock.systemUTC());
        try (Metrics metrics = new Metrics()) {
            LifecycleHook metricsHook = new LifecycleHook() { // pushed cycles reach no run listener: count them here
                @Override
                public void onCycleCompleted(HookContext context, CycleReport report) {
                    metrics.cycle(report);
                }
            };
            try (Mirror mirror = open(config(), ProgressPrinter.forConsole(out()),
                    Map.of("status-page", board, "metrics", metricsHook))) {
                if (!mirror.isPush()) {
                    throw MirrorException.configuration("PULL_SOURCE", "the source '" + mirror.settings().sourceType()
                            + "' is a pull source: use 'mirror run --config " + configFile + "'");
                }
                RunSettings settings = mirror.runSettings();
                try (StatusSite site = settings.metricsPort() >= 0
                        ? StatusSite.start(mirror, board, settings.http(), metrics::scrape) : null) {
                    if (site != null) {
                        announce(out(), settings.http(), site.port());
                    }
                    MirrorRunner runner = new MirrorRunner(mirror, RunListeners.both(new ConsoleRunListener(out(),
                            mirror.settings().contextId(), settings, null, null), board));
                    stopSignal().onRequest(runner::stop);
                    int code = ExitCodes.of(runner.serve());
                    out().println("stopping");
                    out().flush();
                    return code;
                }
            }
        }
    }

    /** One line saying where the status page is (never the token). */
    static void announce(PrintWriter out, RunSettings.Http http, int port) {
        String host = http.bindAddress().equals("0.0.0.0") || http.bindAddress().equals("::") ? "localhost" : http.bindAddress();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        out.println("status page: http://" + host + ":" + port + "/ (also /status.json, /healthz, /readyz, /metrics"
                + (http.token() == null ? "" : "; requires run.http.token") + ")");
        out.flush();
    }
}
