package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.api.source.SnapshotReader;
import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import picocli.CommandLine.Command;

/** Checks a configuration file and connects to source and target. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks the whole configuration file (every problem listed with its path), then connects to the",
            "target and the source and reports each. Exit code 3 for configuration problems, 5 if the target cannot be",
            "reached, 4 if the source cannot."})
final class ValidateCommand extends BaseCommand.Configured {
    @Override
    public Integer call() {
        MirrorConfig config;
        Mirror mirror;
        try {
            config = config();
            mirror = open(config, ProgressListener.NONE);
        } catch (MirrorException e) {
            if (e.category() != dev.mirror.api.ErrorCategory.CONFIGURATION) {
                throw e;
            }
            out().println("configuration: INVALID");
            out().println(redactor().redact(e.getMessage()));
            out().flush();
            return ExitCodes.CONFIGURATION;
        }
        try (mirror) {
            out().println("configuration: OK (" + configFile + ")");
            out().flush();
            int result = ExitCodes.OK;
            try {
                int n = countTargetTables(mirror);
                out().println("target: OK (" + mirror.target().dialect().name() + ", " + mirror.targetUrl() + ", " + n + " tables)");
            } catch (MirrorException e) {
                out().println("target: FAILED (" + mirror.targetUrl() + "): " + redactor().describe(e));
                result = ExitCodes.TARGET;
            }
            out().flush();
            if (mirror.source().isPush()) {
                out().println("source: " + mirror.settings().sourceType() + " is a push source: nothing to connect to ("
                        + "'mirror serve' starts it)");
            } else {
                Optional<SnapshotReader> reader = mirror.source().snapshotReader();
                try {
                    if (reader.isPresent()) {
                        out().println("source: OK (" + mirror.settings().sourceType() + ", " + reader.get().tables().size() + " tables)");
                    } else {
                        out().println("source: " + mirror.settings().sourceType() + " cannot be checked without running a cycle");
                    }
                } catch (MirrorException e) {
                    out().println("source: FAILED (" + mirror.settings().sourceType() + "): " + redactor().describe(e));
                    result = result == ExitCodes.OK ? ExitCodes.SOURCE : result;
                }
            }
            out().flush();
            return result;
        }
    }

    /**
     * Connects once, directly, with a 15 s login timeout, so a target that is down is reported at once rather than
     * after the pool's timeout and core's retries; the embedded default (no target.url) goes through the pool.
     */
    private static int countTargetTables(Mirror mirror) {
        var t = mirror.settings().targetSettings();
        if (t.url() == null) {
            return mirror.target().inTransaction("connecting to the target", true, c -> mirror.target().dialect().listTables(c)).size();
        }
        java.util.Properties p = new java.util.Properties();
        if (t.user() != null) {
            p.setProperty("user", t.user());
        }
        if (t.password() != null) {
            p.setProperty("password", t.password());
        }
        DriverManager.setLoginTimeout(15);
        try (Connection c = DriverManager.getConnection(t.url().replace("{ctx}", mirror.contextId()), p)) {
            mirror.target().dialect().prepareConnection(c);
            return mirror.target().dialect().listTables(c).size();
        } catch (SQLException e) {
            throw mirror.target().translate(e, "connecting to the target");
        }
    }
}
