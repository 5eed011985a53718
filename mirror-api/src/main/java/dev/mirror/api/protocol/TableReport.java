package dev.mirror.api.protocol;

import static java.util.Objects.requireNonNull;

/**
 * One table's line in a {@link CycleReport}.
 *
 * @param table        the source table name
 * @param action       what reconciliation did
 * @param reason       why (never null)
 * @param counts       rows applied this cycle
 * @param lsn          the stored LSN after the cycle
 * @param repopulated  whether the table was fully repopulated this cycle
 * @param error        the failure, or null
 */
public record TableReport(String table, SchemaAction action, String reason, TableCounts counts, long lsn,
                          boolean repopulated, String error) {
    public TableReport {
        requireNonNull(table, "table is null");
        requireNonNull(action, "action is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(counts, "counts is null");
    }

    public boolean failed() {
        return error != null || action == SchemaAction.FAILED;
    }
}
