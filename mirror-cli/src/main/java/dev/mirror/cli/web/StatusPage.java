package dev.mirror.cli.web;

import static dev.mirror.cli.web.Html.escape;

import dev.mirror.api.admin.Detail;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.core.Redactor;
import dev.mirror.core.metadata.MetadataRow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The status page's HTML: the whole page, and the fragment ({@code #content}) that the page's script fetches again to
 * refresh without reloading. Every value from a source or a target (table names, messages, context identifiers) is
 * escaped; messages also go through the redactor. No inline script or style: the page works under a strict
 * Content-Security-Policy.
 */
public final class StatusPage {
    private static final int CYCLES_SHOWN = 15;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Redactor redactor;

    public StatusPage(Redactor redactor) {
        this.redactor = java.util.Objects.requireNonNull(redactor, "redactor is null");
    }

    /** The whole page. */
    public String page(PageData data) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>mirror status</title><link rel=\"stylesheet\" href=\"app.css\">"
                + "<script src=\"app.js\" defer></script></head><body>"
                + "<header><h1>mirror</h1><span class=\"sub\">status</span>"
                + "<span id=\"refresh\" class=\"refresh\">generated " + escape(WHEN.format(data.generated())) + " UTC</span></header>"
                + "<main id=\"content\">" + fragment(data) + "</main>"
                + "<footer>JSON: <a href=\"status.json\">status.json</a> · probes: <a href=\"healthz\">healthz</a>, "
                + "<a href=\"readyz\">readyz</a> · <a href=\"metrics\">metrics</a></footer></body></html>\n";
    }

    /** The refreshable part of the page. */
    public String fragment(PageData data) {
        StringBuilder b = new StringBuilder();
        readiness(b, data);
        List<CycleReport> cycles = data.board().cycles();
        b.append("<section class=\"charts\">");
        b.append("<figure><figcaption>rows per second, per cycle</figcaption>").append(Charts.rowsPerSecond(cycles)).append("</figure>");
        b.append("<figure><figcaption>cycle duration</figcaption>").append(Charts.duration(cycles)).append("</figure>");
        b.append("</section>");
        for (ContextStatus c : data.contexts()) {
            context(b, c, data.board());
        }
        if (data.contexts().isEmpty()) {
            b.append("<p class=\"note\">no context yet: a push source shows each tenant after its first call</p>");
        }
        cycles(b, cycles);
        return b.toString();
    }

    private void readiness(StringBuilder b, PageData data) {
        boolean ready = data.readiness().ready();
        b.append("<p id=\"readiness\" class=\"banner ").append(ready ? "ok" : "bad").append("\">")
                .append(ready ? "ready" : "not ready: " + escape(data.readiness().reason())).append("</p>");
        data.board().lastRunFailure().ifPresent(f -> {
            String since = data.board().failingSince().map(s -> " — failing since " + WHEN.format(s) + " UTC").orElse(" (recovered)");
            b.append("<p class=\"banner ").append(data.board().failingSince().isPresent() ? "bad" : "past")
                    .append("\">last failed cycle ").append(escape(WHEN.format(f.at()))).append(" UTC").append(escape(since))
                    .append(": <span class=\"msg\">").append(escape(redactor.redact(f.message()))).append("</span></p>");
        });
    }

    private void context(StringBuilder b, ContextStatus c, StatusBoard board) {
        b.append("<section class=\"context\" data-context=\"").append(escape(c.context())).append("\">");
        b.append("<h2>context ").append(escape(c.context())).append("</h2>");
        b.append("<p class=\"meta\">target <code>").append(escape(c.target())).append("</code> · metadata table <code>")
                .append(escape(c.metadataTable())).append("</code> · ").append(c.rows().size()).append(" tables, ")
                .append(c.rows().stream().filter(r -> "failed".equals(r.state())).count()).append(" failed</p>");
        if (c.error() != null) {
            b.append("<p class=\"banner bad\">cannot read the target: <span class=\"msg\">")
                    .append(escape(redactor.redact(c.error()))).append("</span></p>");
        }
        if (!c.details().source().isEmpty()) {
            b.append("<p class=\"meta source-details\">");
            String sep = "";
            for (Detail d : c.details().source()) {
                b.append(sep).append("<span title=\"").append(escape(redactor.redact(d.description()))).append("\">").append(escape(d.label()))
                        .append(": ").append(escape(redactor.redact(ContextStatus.text(d)))).append("</span>");
                sep = " · ";
            }
            b.append("</p>");
        }
        if (c.detailsError() != null) {
            b.append("<p class=\"banner bad\">cannot read the source's status details: <span class=\"msg\">")
                    .append(escape(redactor.redact(c.detailsError()))).append("</span></p>");
        }
        if (c.rows().isEmpty()) {
            b.append("<p class=\"note\">no tables mirrored yet</p></section>");
            return;
        }
        Map<String, StatusBoard.Action> actions = board.actions(c.context());
        Map<String, StatusBoard.Failure> failures = board.failures(c.context());
        b.append("<table class=\"tables\"><thead><tr><th>table</th><th>state</th><th class=\"num\">LSN</th>")
                .append("<th class=\"num\">rows</th>");
        Map<String, String> columns = c.detailColumns();
        columns.values().forEach(label -> b.append("<th class=\"num\">").append(escape(label)).append("</th>"));
        b.append("<th>last action (+inserts ~updates -deletes)</th><th>when (UTC)</th><th>last failure</th></tr></thead><tbody>");
        List<MetadataRow> rows = new ArrayList<>(c.rows());
        rows.sort(Comparator.comparing(MetadataRow::table, String.CASE_INSENSITIVE_ORDER));
        for (MetadataRow r : rows) {
            StatusBoard.Action a = actions.get(r.table());
            StatusBoard.Failure f = failures.get(r.table());
            Long count = c.counts().get(r.table());
            b.append("<tr><td class=\"name\">").append(escape(r.table())).append("</td><td><span class=\"state ")
                    .append(escape(cssWord(r.state()))).append("\">").append(escape(r.state())).append("</span></td><td class=\"num\">")
                    .append(r.lsn()).append("</td><td class=\"num\">").append(count == null ? "–" : count).append("</td>");
            for (String key : columns.keySet()) {
                Detail d = c.detail(r.table(), key);
                b.append("<td class=\"num\"").append(d == null ? ">–" : " title=\"" + escape(redactor.redact(ContextStatus.text(d) + ": "
                        + d.description())) + "\">" + escape(redactor.redact(String.valueOf(d.value())))).append("</td>");
            }
            b.append("<td>")
                    .append(a == null ? "<span class=\"note\">none in this process</span>" : escape(action(a)))
                    .append("</td><td>").append(escape(a != null ? WHEN.format(a.at())
                            : r.updatedAt() == null ? "" : WHEN.format(r.updatedAt().toInstant(ZoneOffset.UTC))))
                    .append("</td><td class=\"msg\">").append(failure(r, f)).append("</td></tr>");
        }
        b.append("</tbody></table></section>");
    }

    private String failure(MetadataRow r, StatusBoard.Failure f) {
        if (f != null) {
            return escape(WHEN.format(f.at())) + ": " + escape(redactor.redact(f.message()));
        }
        if ("failed".equals(r.state()) && r.message() != null) { // failed before this process started
            return escape(r.updatedAt() == null ? "" : WHEN.format(r.updatedAt().toInstant(ZoneOffset.UTC)) + ": ")
                    + escape(redactor.redact(r.message()));
        }
        return "";
    }

    private static String action(StatusBoard.Action a) {
        TableCounts n = a.report().counts();
        String what = switch (a.report().action()) {
            case NONE -> a.report().repopulated() ? "repopulated" : "applied";
            case BLOCKED -> "blocked";
            default -> a.report().action().name().toLowerCase(Locale.ROOT) + (a.report().repopulated() ? ", repopulated" : "");
        };
        return a.report().action() == dev.mirror.api.protocol.SchemaAction.BLOCKED ? what
                : what + " +" + n.inserts() + " ~" + n.updates() + " -" + n.deletes();
    }

    private static void cycles(StringBuilder b, List<CycleReport> cycles) {
        b.append("<section class=\"cycles\"><h2>last cycles</h2>");
        if (cycles.isEmpty()) {
            b.append("<p class=\"note\">no cycle has completed in this process yet</p></section>");
            return;
        }
        b.append("<table id=\"cycles\"><thead><tr><th>finished (UTC)</th><th>context</th><th class=\"num\">duration</th>")
                .append("<th class=\"num\">tables</th><th class=\"num\">inserts</th><th class=\"num\">updates</th>")
                .append("<th class=\"num\">deletes</th><th class=\"num\">failed</th><th class=\"num\">rows/s</th></tr></thead><tbody>");
        for (int i = cycles.size() - 1; i >= Math.max(0, cycles.size() - CYCLES_SHOWN); i--) {
            CycleReport r = cycles.get(i);
            TableCounts t = r.totals();
            b.append("<tr").append(r.failures().isEmpty() ? "" : " class=\"failed\"").append("><td>")
                    .append(escape(WHEN.format(r.finished()))).append("</td><td>").append(escape(r.contextId()))
                    .append("</td><td class=\"num\">").append(millis(r.duration().toMillis())).append("</td><td class=\"num\">")
                    .append(r.tables().size()).append("</td><td class=\"num\">").append(t.inserts()).append("</td><td class=\"num\">")
                    .append(t.updates()).append("</td><td class=\"num\">").append(t.deletes()).append("</td><td class=\"num\">")
                    .append(r.failures().size()).append("</td><td class=\"num\">").append(Charts.rowsPerSecond(r)).append("</td></tr>");
        }
        b.append("</tbody></table></section>");
    }

    private static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** A state as a CSS class word: letters only, so a hand-written state cannot break out of the attribute. */
    private static String cssWord(String state) {
        return state == null ? "unknown" : state.replaceAll("[^A-Za-z]", "");
    }

    static String when(Instant i) {
        return WHEN.format(i);
    }
}
