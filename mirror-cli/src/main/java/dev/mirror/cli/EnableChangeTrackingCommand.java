package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mirror enable-change-tracking}: an alias of {@code mirror admin enable-change-tracking}, kept because users
 * and docs know it. Runs the configured source's admin command of that name (the sqlserver source offers it).
 */
@Command(name = "enable-change-tracking", mixinStandardHelpOptions = true,
        description = {"Alias of 'mirror admin enable-change-tracking'. For the sqlserver source: prints, then runs, the",
            "statements that enable snapshot isolation and Change Tracking on the database and on every table with a",
            "primary key that lacks it. Only what is missing is enabled, so running it twice does nothing the second",
            "time. --dry-run only prints."})
final class EnableChangeTrackingCommand extends BaseCommand.Configured {
    static final String NAME = "enable-change-tracking";

    @Option(names = "--dry-run", description = "Print the statements without running them.")
    boolean dryRun;

    @Override
    public Integer call() {
        try (Mirror mirror = open(config(), ProgressListener.NONE)) {
            SourceAdmin admin = new SourceAdmin(mirror, out());
            if (admin.commands().stream().noneMatch(c -> c.name().equals(NAME))) {
                throw MirrorException.configuration("NO_SUCH_ADMIN_COMMAND", "enable-change-tracking runs the source's admin"
                        + " command of that name, which the sqlserver source offers; this configuration's source '"
                        + admin.sourceType() + "' has none (see 'mirror admin --config FILE' for what it offers)");
            }
            admin.run(NAME, dryRun);
            return ExitCodes.OK;
        }
    }
}
