package dev.mirror.api.protocol;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * One batch of row changes for one table, as the protocol's apply step receives it.
 *
 * @param table   the source table name (as announced in {@link MirrorProtocol#schema})
 * @param changes the changes, read once; core closes the cursor
 * @param newLsn  the LSN this batch brings the table to when it is the table's last batch in the cycle;
 *                empty for earlier batches (SuperOffice sends 0 there). Only a batch with an LSN advances
 *                the table's stored LSN, in the same transaction as its rows.
 */
public record ChangeBatch(String table, ChangeCursor changes, OptionalLong newLsn) {
    public ChangeBatch {
        requireNonNull(table, "table is null");
        requireNonNull(changes, "changes is null");
        requireNonNull(newLsn, "newLsn is null");
    }

    /** A final batch: its commit records {@code lsn} for the table. */
    public static ChangeBatch last(String table, ChangeCursor changes, long lsn) {
        return new ChangeBatch(table, changes, OptionalLong.of(lsn));
    }

    /** A batch that does not complete the table. */
    public static ChangeBatch partial(String table, ChangeCursor changes) {
        return new ChangeBatch(table, changes, OptionalLong.empty());
    }
}
