package dev.mirror.cli;

import dev.mirror.cli.web.ContextStatus;
import dev.mirror.cli.web.StatusJson;
import dev.mirror.cli.web.StatusReader;
import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import dev.mirror.core.metadata.MetadataRow;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Shows each mirrored table's state from the metadata table. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows each mirrored table from the metadata table <context>_mirroring: LSN, schema hash, state,",
            "row count (one COUNT per table), last change and message; for SQL Server Change Tracking sources also the",
            "retention headroom (stored LSN minus CHANGE_TRACKING_MIN_VALID_VERSION, after a cycle in this process)."})
final class StatusCommand extends BaseCommand.Configured {
    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Mirror mirror = open(config(), ProgressListener.NONE)) {
            ContextStatus status = new StatusReader(mirror).readOrThrow(mirror.contextId());
            if (json) {
                out().println(StatusJson.write(new StatusJson(redactor()).context(status), true));
                out().flush();
            } else {
                printText(mirror, status.metadataTable(), status.rows(), status.counts(), status.headroom());
            }
            return ExitCodes.OK;
        }
    }

    private void printText(Mirror mirror, String metadata, List<MetadataRow> rows, Map<String, Long> counts,
                           Map<String, Long> headroom) {
        out().println("context " + mirror.contextId() + ", target " + mirror.targetUrl() + ", metadata table " + metadata);
        if (rows.isEmpty()) {
            out().println("  no tables mirrored yet (the metadata table is missing or empty): run 'mirror run --once'");
            out().flush();
            return;
        }
        boolean withHeadroom = !headroom.isEmpty();
        TextTable t = withHeadroom
                ? new TextTable("table", ">lsn", "hash", "state", ">rows", "last change (UTC)", ">headroom", "mode", "message")
                : new TextTable("table", ">lsn", "hash", "state", ">rows", "last change (UTC)", "mode", "message");
        for (MetadataRow r : rows.stream().sorted((a, b) -> a.table().compareToIgnoreCase(b.table())).toList()) {
            Object count = counts.containsKey(r.table()) ? counts.get(r.table()) : "-";
            String hash = r.schemaHash() == null ? "" : r.schemaHash().substring(0, Math.min(12, r.schemaHash().length()));
            String changed = r.updatedAt() == null ? "" : r.updatedAt().toString().replace('T', ' ');
            String msg = r.message() == null ? "" : redactor().redact(r.message());
            if (withHeadroom) {
                Long h = headroom.get(r.table().toLowerCase(java.util.Locale.ROOT));
                t.row(r.table(), r.lsn(), hash, r.state(), count, changed, h == null ? "-" : h, mode(r), msg);
            } else {
                t.row(r.table(), r.lsn(), hash, r.state(), count, changed, mode(r), msg);
            }
        }
        out().print(t.render("  "));
        long failed = rows.stream().filter(r -> "failed".equals(r.state())).count();
        long pending = rows.stream().filter(r -> r.lsn() < 0 && !"blocked".equals(r.state())).count();
        out().println("  " + rows.size() + " tables, " + failed + " failed, " + pending + " waiting for repopulation (LSN -1)");
        out().flush();
    }

    /** The table's mode (mirror, softDelete, history); a blocked table has none. */
    private static String mode(MetadataRow r) {
        return "blocked".equals(r.state()) ? "-" : r.mode();
    }
}
