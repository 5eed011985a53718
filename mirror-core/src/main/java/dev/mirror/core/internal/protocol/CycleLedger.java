package dev.mirror.core.internal.protocol;

import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.protocol.TableReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects, table by table, what one cycle did; becomes the cycle report. Thread-safe. */
final class CycleLedger {
    private final Instant started = Instant.now();
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        SchemaAction action = SchemaAction.NONE;
        String reason = "unchanged";
        TableCounts counts = TableCounts.ZERO;
        long lsn = -1;
        boolean repopulated;
        String error;
        final List<String> warnings = new ArrayList<>();
    }

    Instant started() {
        return started;
    }

    synchronized void schema(String table, SchemaAction action, String reason, long lsn) {
        Entry e = entry(table);
        e.action = action;
        e.reason = reason;
        e.lsn = lsn;
    }

    synchronized void applied(String table, TableCounts counts, long lsn, boolean repopulated) {
        Entry e = entry(table);
        e.counts = e.counts.plus(counts);
        e.lsn = lsn;
        e.repopulated |= repopulated;
    }

    synchronized void failed(String table, String error) {
        entry(table).error = error;
    }

    synchronized void warnings(String table, List<String> warnings) {
        if (!warnings.isEmpty()) {
            entry(table).warnings.addAll(warnings);
        }
    }

    private Entry entry(String table) {
        return entries.computeIfAbsent(table, t -> new Entry());
    }

    synchronized List<TableReport> reports() {
        List<TableReport> r = new ArrayList<>(entries.size());
        for (Map.Entry<String, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            String reason = e.warnings.isEmpty() ? e.reason : e.reason + "; " + String.join("; ", e.warnings);
            r.add(new TableReport(me.getKey(), e.action, reason, e.counts, e.lsn, e.repopulated, e.error));
        }
        return r;
    }
}
