package dev.mirror.api.protocol;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one cycle did, table by table.
 *
 * @param contextId the context identifier
 * @param started   when the schema step began
 * @param finished  when the cycle completed
 * @param tables    one line per announced table (and per table dropped from the mirror), in source order
 */
public record CycleReport(dev.mirror.api.ContextId contextId, Instant started, Instant finished, List<TableReport> tables) {
    public CycleReport {
        requireNonNull(contextId, "contextId is null");
        requireNonNull(started, "started is null");
        requireNonNull(finished, "finished is null");
        tables = List.copyOf(tables);
    }

    public Duration duration() {
        return Duration.between(started, finished);
    }

    /** Tables that failed this cycle (they are retried next cycle). */
    public List<TableReport> failures() {
        return tables.stream().filter(TableReport::failed).toList();
    }

    public TableCounts totals() {
        TableCounts t = TableCounts.ZERO;
        for (TableReport r : tables) {
            t = t.plus(r.counts());
        }
        return t;
    }
}
