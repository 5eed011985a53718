package dev.mirror.cli;

import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import dev.mirror.core.config.RunSettings;
import dev.mirror.core.run.MirrorRunner;
import dev.mirror.core.run.RunListener;
import dev.mirror.core.metadata.MetadataRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Forces repopulation: LSN -1 for some tables or all. */
@Command(name = "resync", mixinStandardHelpOptions = true,
        description = {"Forces a full repopulation of tables at the next cycle by setting their LSN to -1 in the metadata",
            "table (as SuperOffice documents for its mirror). Table names match case-insensitively. Takes the run lock",
            "(exit 7 naming the holder while 'mirror run' or 'serve' holds it; --wait to wait for it)."})
final class ResyncCommand extends BaseCommand.Configured {
    static final class Which {
        @Parameters(paramLabel = "TABLE", arity = "1..*", description = "Tables to resync.")
        List<String> tables;

        @Option(names = "--all", required = true, description = "Resync every mirrored table.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = "--wait", paramLabel = "DURATION", description = "How long to wait for a running mirror's lock (default: run.wait, 0s).")
    String waitFor;

    @Override
    public Integer call() {
        try (Mirror mirror = open(config(), ProgressListener.NONE)) {
            RunSettings settings = RunCommand.options(mirror.runSettings(), true, null,
                    waitFor == null ? null : RunCommand.parse(waitFor, "--wait"));
            // through the runner, under the run lock: a resync never lands in the middle of a running cycle
            MirrorRunner runner = new MirrorRunner(mirror, settings, RunListener.NONE);
            stopSignal().onRequest(runner::stop);
            if (which.all) {
                int n = runner.resync(null);
                out().println("resync: " + n + " tables set to LSN -1; the next cycle repopulates them");
                out().flush();
                return ExitCodes.OK;
            }
            List<MetadataRow> rows = mirror.status();
            List<String> matched = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String wanted : which.tables) {
                Optional<MetadataRow> row = rows.stream().filter(r -> r.table().equalsIgnoreCase(wanted)).findFirst();
                if (row.isPresent()) {
                    matched.add(row.get().table());
                } else {
                    unknown.add(wanted);
                }
            }
            int n = matched.isEmpty() ? 0 : runner.resync(matched);
            if (!matched.isEmpty()) {
                out().println("resync: " + String.join(", ", matched) + " set to LSN -1 (" + n + " rows); the next cycle repopulates "
                        + (matched.size() == 1 ? "it" : "them"));
            }
            if (!unknown.isEmpty()) {
                err().println("resync: unknown table" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                        + ": not in the metadata table " + mirror.metadataTableName()
                        + " (see 'mirror status' for the mirrored tables)");
            }
            out().flush();
            err().flush();
            return unknown.isEmpty() ? ExitCodes.OK : ExitCodes.USAGE;
        }
    }
}
