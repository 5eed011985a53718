package dev.mirror.cli;

import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import dev.mirror.core.Redactor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What every command shares: the output streams, the configuration file and the redactor of the built mirror. */
abstract class BaseCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    MirrorCli cli;

    private final StopSignal ownStop = new StopSignal();

    private volatile Redactor redactor = new Redactor();

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The redactor of the mirror built by this command (secrets of its configuration), else one for URL secrets. */
    Redactor redactor() {
        return redactor;
    }

    /** SIGTERM / Ctrl-C of the process (a signal of this command alone when it runs without the top-level command). */
    StopSignal stopSignal() {
        return cli != null ? cli.stopSignal() : ownStop;
    }

    /** Builds the mirror of a configuration file and remembers its redactor for error messages. */
    Mirror open(MirrorConfig config, ProgressListener progress) {
        return open(config, progress, java.util.Map.of());
    }

    /** Like {@link #open(MirrorConfig, ProgressListener)} with hooks written in code. */
    Mirror open(MirrorConfig config, ProgressListener progress, java.util.Map<String, dev.mirror.api.hook.LifecycleHook> hooks) {
        Mirror m = config.build(progress, hooks);
        this.redactor = m.redactor();
        return m;
    }

    /** Commands that need {@code --config}. */
    abstract static class Configured extends BaseCommand {
        @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
                description = "The configuration file (YAML or JSON; see the examples in conf/).")
        Path configFile;

        MirrorConfig config() {
            return MirrorConfig.load(configFile);
        }
    }
}
