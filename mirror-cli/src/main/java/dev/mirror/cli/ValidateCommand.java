package dev.mirror.cli;

import dev.mirror.api.ContextId;
import dev.mirror.api.MirrorException;
import dev.mirror.api.source.SnapshotReader;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;

/** Checks a configuration file and connects to source and target. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks the whole configuration file (every problem listed with its path), then connects to the",
            "target and the source and reports each. With {ctx} in target.url it connects to the target of the configured",
            "context, or of each tenant a push source allows. Exit code 3 for configuration problems (for a push source,",
            "also what 'mirror serve' would refuse), 5 if the target cannot be reached, 4 if the source cannot."})
final class ValidateCommand extends BaseCommand.Configured {
    /** Stands for {ctx} when no tenant is named: only the driver's acceptance of the URL is checked with it. */
    static final String PLACEHOLDER = "Validate";

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
            if (mirror.isPush()) {
                try {
                    // what 'mirror serve' would refuse is a configuration problem, not "OK"
                    mirror.tenants().requireIsolation();
                } catch (MirrorException e) {
                    out().println("configuration: INVALID");
                    out().println(redactor().redact(e.getMessage()));
                    out().flush();
                    return ExitCodes.CONFIGURATION;
                }
            }
            out().println("configuration: OK (" + configFile + ")");
            if (mirror.isPush()) {
                out().println("tenants: " + mirror.tenants().describe());
            }
            out().flush();
            int result = checkTargets(mirror);
            out().flush();
            if (mirror.isPush()) {
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
     * Connects to the target of each context this configuration names: the URL as is when it has no {ctx}; else the
     * configured context's, or each allowed tenant's of a push source. With none named (a push source open to every
     * tenant), the driver is only asked whether it accepts the URL with a placeholder context, and the output says so.
     */
    private int checkTargets(Mirror mirror) {
        String template = mirror.targetUrlTemplate();
        TargetDialect dialect = mirror.targetDialect();
        List<String> urls = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (!template.contains("{ctx}")) {
            urls.add(template);
            labels.add("");
        } else {
            List<String> contexts = mirror.settings().contextId() != null ? List.of(mirror.contextId().value())
                    : mirror.tenants().allowed().map(a -> a.stream().map(ContextId::value).sorted().toList()).orElse(List.of());
            for (String ctx : contexts) {
                urls.add(template.replace("{ctx}", ctx));
                labels.add(", context " + ctx);
            }
        }
        if (urls.isEmpty()) {
            String url = template.replace("{ctx}", PLACEHOLDER);
            try {
                DriverManager.getDriver(url);
                out().println("target: not connected: target.url routes per tenant ({ctx}) and no tenant is named; the "
                        + dialect.name() + " driver accepts the URL with {ctx} = " + PLACEHOLDER + " ("
                        + redactor().redact(url) + "). Set context (or source.allowedContexts) to connect to a tenant's target");
                return ExitCodes.OK;
            } catch (SQLException e) {
                out().println("target: FAILED (" + redactor().redact(url) + "): no JDBC driver accepts this URL; check target.url");
                return ExitCodes.TARGET;
            }
        }
        int result = ExitCodes.OK;
        for (int i = 0; i < urls.size(); i++) {
            String shown = redactor().redact(urls.get(i)) + labels.get(i);
            try {
                int n = countTargetTables(mirror, dialect, urls.get(i));
                out().println("target: OK (" + dialect.name() + ", " + shown + ", " + n + " tables)");
            } catch (MirrorException e) {
                out().println("target: FAILED (" + shown + "): " + redactor().describe(e));
                result = ExitCodes.TARGET;
            }
        }
        return result;
    }

    /**
     * Connects once, directly, with a 15 s login timeout, so a target that is down is reported at once rather than
     * after the pool's timeout and core's retries.
     */
    private int countTargetTables(Mirror mirror, TargetDialect dialect, String url) {
        var t = mirror.settings().targetSettings();
        java.util.Properties p = new java.util.Properties();
        if (t.user() != null) {
            p.setProperty("user", t.user());
        }
        if (t.password() != null) {
            p.setProperty("password", t.password());
        }
        DriverManager.setLoginTimeout(15);
        try (Connection c = DriverManager.getConnection(url, p)) {
            dialect.prepareConnection(c);
            return dialect.catalog().listTables(c).size();
        } catch (SQLException e) {
            MirrorException m = dialect.errors().translate(e, "connecting to the target");
            throw new MirrorException(m.code(), m.category(), m.retryable(), redactor().redact(m.getMessage()), null);
        }
    }
}
