package dev.mirror.cli;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.protocol.TableReport;
import java.time.Duration;
import java.util.Locale;

/** Renders a {@link CycleReport} for people: one aligned line per table, then totals, duration and failures. */
final class CycleSummary {
    private CycleSummary() {
    }

    /** The action as shown to people: {@code unchanged}, {@code created}, {@code repopulated}, ... */
    public static String action(TableReport t) {
        if (t.failed()) {
            return "FAILED";
        }
        if (t.action() == SchemaAction.NONE) {
            return t.repopulated() ? "repopulated" : t.counts().total() > 0 ? "applied" : "unchanged";
        }
        String a = t.action().name().toLowerCase(Locale.ROOT);
        return t.repopulated() && t.action() == SchemaAction.ALTERED ? a + "+repopulated" : a;
    }

    /** The per-table table plus a totals line. */
    public static String render(CycleReport report, String indent) {
        TextTable table = new TextTable("table", "action", ">inserts", ">updates", ">deletes", ">lsn", "reason / failure");
        for (TableReport t : report.tables()) {
            String action = action(t);
            String note = t.error() != null ? "FAILED: " + t.error()
                    : t.action() == SchemaAction.NONE && !t.repopulated() ? "" : t.reason();
            TableCounts c = t.counts();
            table.row(t.table(), action, c.inserts(), c.updates(), c.deletes(), t.lsn(), note);
        }
        StringBuilder b = new StringBuilder(table.isEmpty() ? indent + "(no tables)\n" : table.render(indent));
        TableCounts total = report.totals();
        b.append(indent).append(String.format(Locale.ROOT, "total: %d tables, %d inserts, %d updates, %d deletes, %d failed, in %s%n",
                report.tables().size(), total.inserts(), total.updates(), total.deletes(), report.failures().size(),
                duration(report.duration())));
        return b.toString();
    }

    /** {@code 1.234 s} or {@code 2 min 03 s}. */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.3f s", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }
}
