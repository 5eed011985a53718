package dev.mirror.sqlserver.source;

import static java.util.Objects.requireNonNull;

/**
 * A source table the Change Tracking source does not mirror, and why (no primary key, change tracking
 * off, a column type the mirror cannot hold).
 */
public record SkippedTable(String table, String reason) {
    public SkippedTable {
        requireNonNull(table, "table is null");
        requireNonNull(reason, "reason is null");
    }
}
