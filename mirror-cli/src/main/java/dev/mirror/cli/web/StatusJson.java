package dev.mirror.cli.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mirror.api.admin.Detail;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.core.Redactor;
import dev.mirror.core.metadata.MetadataRow;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON of {@code mirror status --json} (one context) and of {@code /status.json} (every context, each in the same
 * shape, plus what this process saw: each table's last action and failure, the last cycles, readiness). One class
 * writes both so that they cannot drift apart. Messages go through the redactor.
 */
public final class StatusJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Redactor redactor;

    public StatusJson(Redactor redactor) {
        this.redactor = requireNonNull(redactor, "redactor is null");
    }

    /** The object {@code mirror status --json} prints for a context. */
    public ObjectNode context(ContextStatus s) {
        return context(s, null);
    }

    /** The page's view of a whole process. */
    public ObjectNode page(PageData data) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("generated", data.generated().toString());
        ObjectNode ready = root.putObject("readiness");
        ready.put("ready", data.readiness().ready());
        ready.put("reason", data.readiness().reason());
        data.board().failingSince().ifPresentOrElse(t -> root.put("failingSince", t.toString()), () -> root.putNull("failingSince"));
        data.board().lastRunFailure().ifPresent(f -> {
            ObjectNode o = root.putObject("lastRunFailure");
            o.put("at", f.at().toString());
            o.put("message", redactor.redact(f.message()));
        });
        ArrayNode contexts = root.putArray("contexts");
        for (ContextStatus s : data.contexts()) {
            contexts.add(context(s, data.board()));
        }
        ArrayNode cycles = root.putArray("cycles");
        for (CycleReport r : data.board().cycles()) {
            cycles.add(cycle(r));
        }
        return root;
    }

    private ObjectNode context(ContextStatus s, StatusBoard board) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("context", s.context());
        root.put("target", s.target());
        root.put("metadataTable", s.metadataTable());
        if (s.error() != null) {
            root.put("error", redactor.redact(s.error()));
        }
        if (!s.details().source().isEmpty()) {
            details(root.putObject("sourceDetails"), s.details().source());
        }
        if (s.detailsError() != null) {
            root.put("sourceDetailsError", redactor.redact(s.detailsError()));
        }
        Map<String, StatusBoard.Action> actions = board == null ? Map.of() : board.actions(s.context());
        Map<String, StatusBoard.Failure> failures = board == null ? Map.of() : board.failures(s.context());
        ArrayNode arr = root.putArray("tables");
        for (MetadataRow r : s.rows()) {
            ObjectNode o = arr.addObject();
            o.put("table", r.table());
            o.put("mode", r.mode());
            o.put("options", r.options());
            o.put("lsn", r.lsn());
            o.put("schemaHash", r.schemaHash());
            o.put("state", r.state());
            if (s.counts().containsKey(r.table())) {
                o.put("rows", s.counts().get(r.table()));
            } else {
                o.putNull("rows");
            }
            o.put("lastChange", r.updatedAt() == null ? null : r.updatedAt().toString() + "Z");
            o.put("message", r.message() == null ? null : redactor.redact(r.message()));
            List<Detail> details = s.details(r.table());
            if (!details.isEmpty()) {
                details(o.putObject("details"), details);
            }
            if (board != null) {
                action(o, actions.get(r.table()));
                failure(o, failures.get(r.table()));
            }
        }
        return root;
    }

    /** A source's details as {@code key: value} (numbers stay numbers). */
    private void details(ObjectNode o, List<Detail> details) {
        for (Detail d : details) {
            if (d.value() instanceof Long l) {
                o.put(d.key(), l);
            } else if (d.value() instanceof Double x) {
                o.put(d.key(), x);
            } else if (d.value() instanceof Boolean b) {
                o.put(d.key(), b);
            } else {
                o.put(d.key(), redactor.redact(String.valueOf(d.value())));
            }
        }
    }

    private void action(ObjectNode table, StatusBoard.Action a) {
        if (a == null) {
            table.putNull("lastAction");
            return;
        }
        ObjectNode o = table.putObject("lastAction");
        o.put("at", a.at().toString());
        o.put("action", a.report().action().name().toLowerCase(Locale.ROOT));
        o.put("reason", redactor.redact(a.report().reason()));
        o.put("inserts", a.report().counts().inserts());
        o.put("updates", a.report().counts().updates());
        o.put("deletes", a.report().counts().deletes());
        o.put("repopulated", a.report().repopulated());
    }

    private void failure(ObjectNode table, StatusBoard.Failure f) {
        if (f == null) {
            table.putNull("lastFailure");
            return;
        }
        ObjectNode o = table.putObject("lastFailure");
        o.put("at", f.at().toString());
        o.put("message", redactor.redact(f.message()));
    }

    private static ObjectNode cycle(CycleReport r) {
        ObjectNode o = MAPPER.createObjectNode();
        TableCounts t = r.totals();
        o.put("context", r.contextId().value());
        o.put("started", r.started().toString());
        o.put("finished", r.finished().toString());
        o.put("durationMillis", r.duration().toMillis());
        o.put("tables", r.tables().size());
        o.put("inserts", t.inserts());
        o.put("updates", t.updates());
        o.put("deletes", t.deletes());
        o.put("failed", r.failures().size());
        o.put("rowsPerSecond", Charts.rowsPerSecond(r));
        return o;
    }

    /** Writes a node as JSON text. */
    public static String write(ObjectNode node, boolean indent) {
        try {
            return indent ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node) : MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
