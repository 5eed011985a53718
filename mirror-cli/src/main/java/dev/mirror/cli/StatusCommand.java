package dev.mirror.cli;

import dev.mirror.api.admin.Detail;
import dev.mirror.cli.web.ContextStatus;
import dev.mirror.cli.web.StatusJson;
import dev.mirror.cli.web.StatusReader;
import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import dev.mirror.core.metadata.MetadataRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Shows each mirrored table's state from the metadata table. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows each mirrored table from the metadata table <context>_mirroring: LSN, schema hash, state,",
            "row count (one COUNT per table), last change and message, plus what the source adds (its status details, read",
            "now: for the sqlserver source each table's retention headroom, stored LSN minus",
            "CHANGE_TRACKING_MIN_VALID_VERSION)."})
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
                printText(mirror, status);
            }
            return ExitCodes.OK;
        }
    }

    private void printText(Mirror mirror, ContextStatus status) {
        List<MetadataRow> rows = status.rows();
        out().println("context " + mirror.contextId() + ", target " + mirror.targetUrl() + ", metadata table " + status.metadataTable());
        for (Detail d : status.details().source()) {
            out().println("  " + d.label() + ": " + redactor().redact(ContextStatus.text(d)));
        }
        if (status.detailsError() != null) {
            out().println("  the source's status details are unavailable: " + redactor().redact(status.detailsError()));
        }
        if (rows.isEmpty()) {
            out().println("  no tables mirrored yet (the metadata table is missing or empty): run 'mirror run --once'");
            out().flush();
            return;
        }
        Map<String, String> columns = status.detailColumns();
        List<String> headers = new ArrayList<>(List.of("table", ">lsn", "hash", "state", ">rows", "last change (UTC)"));
        columns.values().forEach(label -> headers.add(">" + label));
        headers.addAll(List.of("mode", "message"));
        TextTable t = new TextTable(headers.toArray(String[]::new));
        for (MetadataRow r : rows.stream().sorted((a, b) -> a.table().compareToIgnoreCase(b.table())).toList()) {
            Object count = status.counts().containsKey(r.table()) ? status.counts().get(r.table()) : "-";
            String hash = r.schemaHash() == null ? "" : r.schemaHash().substring(0, Math.min(12, r.schemaHash().length()));
            String changed = r.updatedAt() == null ? "" : r.updatedAt().toString().replace('T', ' ');
            String msg = r.message() == null ? "" : redactor().redact(r.message());
            List<Object> cells = new ArrayList<>(List.of(r.table(), r.lsn(), hash, r.state(), count, changed));
            for (String key : columns.keySet()) {
                Detail d = status.detail(r.table(), key);
                cells.add(d == null ? "-" : redactor().redact(String.valueOf(d.value())));
            }
            cells.addAll(List.of(mode(r), msg));
            t.row(cells.toArray());
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
