package dev.mirror.cli;

import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mirror admin [COMMAND] [--dry-run]}: the admin commands of the configured source. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = {"Runs an admin command of the configured source (for example enable-change-tracking of the",
            "sqlserver source); without COMMAND, lists the source's commands with their descriptions. --dry-run only",
            "prints what the command would do (for commands that support it)."})
final class AdminCliCommand extends BaseCommand.Configured {
    @Parameters(index = "0", arity = "0..1", paramLabel = "COMMAND", description = "The command to run; omit it to list them.")
    String command;

    @Option(names = "--dry-run", description = "Print what the command would do without doing it.")
    boolean dryRun;

    @Override
    public Integer call() {
        try (Mirror mirror = open(config(), ProgressListener.NONE)) {
            SourceAdmin admin = new SourceAdmin(mirror, out());
            if (command == null) {
                if (dryRun) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "--dry-run needs a COMMAND; run 'mirror admin --config FILE' to list them");
                }
                admin.list();
            } else {
                admin.run(command, dryRun);
            }
            return ExitCodes.OK;
        }
    }
}
