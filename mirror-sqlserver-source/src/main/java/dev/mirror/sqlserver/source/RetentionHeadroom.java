package dev.mirror.sqlserver.source;

import static java.util.Objects.requireNonNull;

/**
 * How far a table's stored LSN is above the oldest change version the source still keeps. When
 * {@code headroom} reaches below zero, the next cycle must repopulate the table; a small value means the
 * mirror is about to fall off the change history (raise CHANGE_RETENTION or run cycles more often).
 *
 * @param table           source table
 * @param storedLsn       the mirror's LSN for the table after the last cycle
 * @param minValidVersion CHANGE_TRACKING_MIN_VALID_VERSION of the table
 * @param headroom        {@code storedLsn - minValidVersion}
 */
public record RetentionHeadroom(String table, long storedLsn, long minValidVersion, long headroom) {
    public RetentionHeadroom {
        requireNonNull(table, "table is null");
    }

    public static RetentionHeadroom of(String table, long storedLsn, long minValidVersion) {
        return new RetentionHeadroom(table, storedLsn, minValidVersion, storedLsn - minValidVersion);
    }
}
