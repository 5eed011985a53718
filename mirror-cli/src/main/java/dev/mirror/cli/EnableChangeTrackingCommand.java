package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import dev.mirror.sqlserver.source.ChangeTrackingEnabler;
import dev.mirror.sqlserver.source.ChangeTrackingSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Enables SQL Server Change Tracking (and snapshot isolation) on the source database. */
@Command(name = "enable-change-tracking", mixinStandardHelpOptions = true,
        description = {"For the sqlserver source: prints, then runs, the statements that enable snapshot isolation and",
            "Change Tracking on the database and on every table with a primary key that lacks it. Only what is missing",
            "is enabled, so running it twice does nothing the second time. --dry-run only prints."})
final class EnableChangeTrackingCommand extends BaseCommand.Configured {
    @Option(names = "--dry-run", description = "Print the statements without running them.")
    boolean dryRun;

    @Override
    public Integer call() throws SQLException {
        MirrorConfig config = config();
        try (Mirror mirror = open(config, ProgressListener.NONE)) {
            if (!(mirror.source() instanceof ChangeTrackingSource ct)) {
                throw MirrorException.configuration("NOT_SQLSERVER", "enable-change-tracking works with source.type: sqlserver; "
                        + "this configuration's source is '" + mirror.settings().sourceType() + "'");
            }
            if (!dryRun) {
                List<String> run = ct.enableChangeTracking(sql -> {
                    out().println(sql + ";");
                    out().flush();
                });
                out().println(run.isEmpty() ? "change tracking is already enabled: nothing to do" : "done: " + run.size() + " statements");
                out().flush();
                return ExitCodes.OK;
            }
            ChangeTrackingEnabler enabler = ct.enabler();
            List<String> statements;
            try (Connection c = connect(mirror, config)) {
                statements = enabler.statements(enabler.state(c));
            } catch (SQLException e) {
                throw MirrorException.source("SOURCE_FAILED", false, "cannot read the source's change tracking state: "
                        + redactor().redact(e.getMessage()), null);
            }
            statements.forEach(s -> out().println(s + ";"));
            out().println(statements.isEmpty() ? "change tracking is already enabled: nothing to do"
                    : "(dry run: " + statements.size() + " statements not executed)");
            out().flush();
            return ExitCodes.OK;
        }
    }

    /** A connection with the source's own keys (the source class keeps its connect method to itself). */
    private static Connection connect(Mirror mirror, MirrorConfig config) throws SQLException {
        Map<String, Object> raw = mirror.settings().source().raw();
        Properties p = new Properties();
        if (raw.get("user") != null) {
            p.setProperty("user", String.valueOf(raw.get("user")));
        }
        if (raw.get("password") != null) {
            p.setProperty("password", String.valueOf(raw.get("password")));
        }
        return DriverManager.getConnection(String.valueOf(raw.get("url")), p);
    }
}
