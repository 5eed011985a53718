package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.core.Mirror;
import dev.mirror.core.run.MirrorRunner;
import picocli.CommandLine.Command;

/** Starts a push source (the SuperOffice endpoint) through core's runner, which holds the run lock, until SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts a push source (the SuperOffice mirroring endpoint, source.type: superoffice) and serves",
            "until SIGTERM or Ctrl-C, holding the run lock of the configured context meanwhile (so 'mirror run',",
            "'resync' and 'verify --repair' on the same target and context wait for it)."})
final class ServeCommand extends BaseCommand.Configured {
    @Override
    public Integer call() {
        try (Mirror mirror = open(config(), ProgressPrinter.forConsole(out()))) {
            if (!mirror.source().isPush()) {
                throw MirrorException.configuration("PULL_SOURCE", "the source '" + mirror.settings().sourceType()
                        + "' is a pull source: use 'mirror run --config " + configFile + "'");
            }
            MirrorRunner runner = new MirrorRunner(mirror, new ConsoleRunListener(out(), mirror.settings().contextId(),
                    mirror.runSettings(), null, null));
            stopSignal().onRequest(runner::stop);
            int code = ExitCodes.of(runner.serve());
            out().println("stopping");
            out().flush();
            return code;
        }
    }
}
