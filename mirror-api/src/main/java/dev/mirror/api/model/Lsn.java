package dev.mirror.api.model;

/**
 * Log sequence numbers: 64-bit, increasing change versions of the source (SQL Server Change Tracking
 * versions). Stored per table in the metadata table.
 */
public final class Lsn {
    /** The LSN that means "this table must be fully repopulated". */
    public static final long REPOPULATE = -1L;

    private Lsn() {
    }

    /** Whether the value asks for a full repopulation. */
    public static boolean needsRepopulation(long lsn) {
        return lsn < 0;
    }
}
