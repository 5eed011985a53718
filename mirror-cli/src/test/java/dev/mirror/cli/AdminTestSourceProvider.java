package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.api.PluginContext;
import dev.mirror.api.SpiVersion;
import dev.mirror.api.admin.AdminCommand;
import dev.mirror.api.admin.Detail;
import dev.mirror.api.admin.Diagnostics;
import dev.mirror.api.admin.StatusDetails;
import dev.mirror.api.admin.StatusRequest;
import dev.mirror.api.protocol.MirrorProtocol;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.PullSourceProvider;
import dev.mirror.sample.SampleSourceProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code source.type: admin-test}: the sample source plus a diagnostics facet, so that the CLI's generic admin command
 * and status details are tested without SQL Server. Its table detail {@code nextLsn} is the stored LSN plus one (so it
 * proves the CLI hands over the stored LSNs), its source detail names the context. Key {@code failDetails: true} makes
 * the details fail (with a secret in the message, which the CLI must mask).
 */
public final class AdminTestSourceProvider implements PullSourceProvider {
    @Override
    public String name() {
        return "admin-test";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.VERSION;
    }

    @Override
    public PullSource create(PluginContext context) {
        boolean failDetails = context.config().bool("failDetails", false);
        String password = context.config().string("password", "");
        PullSource sample = new SampleSourceProvider().create(context);
        return new PullSource() {
            @Override
            public void runCycle(MirrorProtocol protocol) {
                sample.runCycle(protocol);
            }

            @Override
            public java.util.Optional<Diagnostics> diagnostics() {
                return java.util.Optional.of(new TestDiagnostics(failDetails, password));
            }

            @Override
            public void close() {
                sample.close();
            }
        };
    }

    private record TestDiagnostics(boolean failDetails, String password) implements Diagnostics {
        @Override
        public StatusDetails status(StatusRequest request) {
            if (failDetails) {
                throw MirrorException.source("DETAILS_DOWN", true, "the details service refused login password=" + password, null);
            }
            Map<String, List<Detail>> tables = new HashMap<>();
            request.storedLsns().forEach((t, lsn) -> tables.put(t.toUpperCase(java.util.Locale.ROOT),
                    List.of(Detail.number("nextLsn", "next", lsn + 1, "versions", "the stored LSN plus one"))));
            return new StatusDetails(tables, List.of(Detail.text("shownContext", "shown context", request.context().value(),
                    "the context the status was asked for")));
        }

        @Override
        public List<AdminCommand> commands() {
            return List.of(new Greet("greet"), new Greet("enable-change-tracking"), new Explode());
        }
    }

    /** Prints two lines (a dry run prints them as a plan) and counts them. */
    private record Greet(String name) implements AdminCommand {
        @Override
        public String description() {
            return "greets twice (" + name + ")";
        }

        @Override
        public boolean supportsDryRun() {
            return true;
        }

        @Override
        public String run(boolean dryRun, Consumer<String> output) {
            List<String> lines = new ArrayList<>(List.of("hello", "world"));
            lines.forEach(l -> output.accept((dryRun ? "would say " : "say ") + l));
            return (dryRun ? "dry run: " : "done: ") + lines.size() + " greetings";
        }
    }

    /** Fails after printing a line; has no dry run. */
    private record Explode() implements AdminCommand {
        @Override
        public String name() {
            return "explode";
        }

        @Override
        public String description() {
            return "prints a line, then fails";
        }

        @Override
        public boolean supportsDryRun() {
            return false;
        }

        @Override
        public String run(boolean dryRun, Consumer<String> output) {
            output.accept("lighting the fuse");
            throw MirrorException.source("BOOM", false, "the fuse burnt down: nothing was changed", null);
        }
    }
}
