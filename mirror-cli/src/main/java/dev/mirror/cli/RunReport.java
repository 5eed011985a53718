package dev.mirror.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.protocol.TableReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The machine-readable report of a run: one entry per cycle with per-table actions and counts. Field names are
 * stable (documented in docs/configuration.md under {@code --report}).
 */
final class RunReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunReport() {
    }

    /** The JSON of one cycle. */
    public static ObjectNode cycle(CycleReport r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("context", r.contextId().value());
        n.put("started", r.started().toString());
        n.put("finished", r.finished().toString());
        n.put("durationMillis", r.duration().toMillis());
        TableCounts t = r.totals();
        ObjectNode totals = n.putObject("totals");
        totals.put("tables", r.tables().size());
        totals.put("inserts", t.inserts());
        totals.put("updates", t.updates());
        totals.put("deletes", t.deletes());
        totals.put("failed", r.failures().size());
        ArrayNode tables = n.putArray("tables");
        for (TableReport tr : r.tables()) {
            ObjectNode o = tables.addObject();
            o.put("table", tr.table());
            o.put("action", CycleSummary.action(tr));
            o.put("schemaAction", tr.action().name());
            o.put("reason", tr.reason());
            o.put("inserts", tr.counts().inserts());
            o.put("updates", tr.counts().updates());
            o.put("deletes", tr.counts().deletes());
            o.put("lsn", tr.lsn());
            o.put("repopulated", tr.repopulated());
            if (tr.error() != null) {
                o.put("error", tr.error());
            } else {
                o.putNull("error");
            }
        }
        return n;
    }

    /** The JSON document of a run: its cycles and an overall status. */
    public static String json(List<CycleReport> cycles, String status) {
        ObjectNode root = JSON.createObjectNode();
        root.put("status", status);
        root.put("cycles", cycles.size());
        ArrayNode arr = root.putArray("reports");
        cycles.forEach(c -> arr.add(cycle(c)));
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the JSON to a file atomically (a reader never sees half a report). */
    public static void write(Path file, List<CycleReport> cycles, String status) {
        try {
            Path abs = file.toAbsolutePath();
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
            Files.writeString(tmp, json(cycles, status), StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }
}
