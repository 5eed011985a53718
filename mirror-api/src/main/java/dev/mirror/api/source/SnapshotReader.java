package dev.mirror.api.source;

import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ChangeCursor;
import java.util.List;

/** Reads the source's current tables and rows (for verification). Rows come as inserts, in key order. */
public interface SnapshotReader {
    /** Every source table, blocked ones included. */
    List<TableSchema> tables();

    /** All current rows of a table, in primary-key order, as insert changes. */
    ChangeCursor rows(TableSchema table);
}
