package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.core.Mirror;
import java.time.Duration;
import picocli.CommandLine.Command;

/** Starts a push source (the SuperOffice endpoint) and waits for SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts a push source (the SuperOffice mirroring endpoint, source.type: superoffice) and serves",
            "until SIGTERM or Ctrl-C."})
final class ServeCommand extends BaseCommand.Configured {
    private final StopSignal stop = new StopSignal();

    void requestStop() {
        stop.request();
    }

    @Override
    public Integer call() {
        try (Mirror mirror = open(config(), ProgressPrinter.forConsole(out()))) {
            if (!mirror.source().isPush()) {
                throw MirrorException.configuration("PULL_SOURCE", "the source '" + mirror.settings().sourceType()
                        + "' is a pull source: use 'mirror run --config " + configFile + "'");
            }
            Thread hook = stop.installShutdownHook();
            try {
                mirror.serve();
                out().println("serving " + mirror.settings().sourceType() + "; stop with SIGTERM or Ctrl-C");
                out().flush();
                while (!stop.requested()) {
                    stop.await(Duration.ofHours(1));
                }
                out().println("stopping");
                out().flush();
            } finally {
                stop.finished(hook);
            }
            return ExitCodes.OK;
        }
    }
}
