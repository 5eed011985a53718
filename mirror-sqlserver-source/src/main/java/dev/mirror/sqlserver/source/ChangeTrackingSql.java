package dev.mirror.sqlserver.source;

import static dev.mirror.sqlserver.common.SqlServerNames.quote;

import dev.mirror.api.model.TableSchema;
import dev.mirror.sqlserver.common.SqlServerNames;

/**
 * The Change Tracking queries (https://learn.microsoft.com/sql/relational-databases/track-changes/work-with-change-tracking-sql-server).
 * Names are quoted; versions are bound as parameters.
 */
final class ChangeTrackingSql {
    /**
     * Run on each new source connection: double-quoted identifiers need it
     * (https://learn.microsoft.com/sql/t-sql/statements/set-quoted-identifier-transact-sql).
     */
    static final String SESSION_SETTINGS = "SET QUOTED_IDENTIFIER ON";

    /** The version the snapshot is consistent with: NULL when change tracking is off for the database. */
    static final String CURRENT_VERSION = "SELECT CHANGE_TRACKING_CURRENT_VERSION()";

    /** The oldest version a table's changes can be asked from; parameter: {@link #objectName} of the table. */
    static final String MIN_VALID_VERSION = "SELECT CHANGE_TRACKING_MIN_VALID_VERSION(OBJECT_ID(?))";

    /** Min valid version of every tracked table of a schema (for the retention report). */
    static final String MIN_VALID_VERSIONS = "SELECT t.name, ctt.min_valid_version FROM sys.change_tracking_tables AS ctt"
            + " JOIN sys.tables AS t ON t.object_id = ctt.object_id WHERE t.schema_id = SCHEMA_ID(?)";

    private ChangeTrackingSql() {
    }

    /**
     * {@code [schema].[table]} as a string for {@code OBJECT_ID}, in the bracket form that function is documented
     * with ({@link dev.mirror.sqlserver.common.SqlServerNames#bracketed}).
     */
    static String objectName(String schema, String table) {
        return SqlServerNames.bracketed(schema) + "." + SqlServerNames.bracketed(table);
    }

    /** {@code [schema].[table]}: the source is read with its schema, unlike the mirror. */
    static String qualified(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    /** Every row in primary-key order (full snapshot). */
    static String snapshot(String schema, TableSchema table) {
        StringBuilder b = new StringBuilder("SELECT ");
        for (int i = 0; i < table.columnCount(); i++) {
            b.append(i == 0 ? "" : ", ").append(quote(table.columns().get(i).name()));
        }
        b.append(" FROM ").append(qualified(schema, table.name())).append(" ORDER BY ");
        for (int i = 0; i < table.primaryKey().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(quote(table.primaryKey().get(i)));
        }
        return b.toString();
    }

    /**
     * Net changes since the bound version: one row per changed key with its last operation, the key from the
     * change table (present for deletes too) and the current row from the table (NULL for deleted rows).
     * Result columns: 1 operation, 2 whether the row exists in t (1/0), 3..k+2 the key columns of ct, then
     * every table column from t. The flag comes before the values because mssql-jdbc with adaptive
     * buffering reads columns forward only (https://learn.microsoft.com/sql/connect/jdbc/using-adaptive-buffering,
     * "read columns in order"), so nothing may be read twice or backwards.
     */
    static String changes(String schema, TableSchema table) {
        String q = qualified(schema, table.name());
        StringBuilder b = new StringBuilder("SELECT ct.SYS_CHANGE_OPERATION, CASE WHEN t.")
                .append(quote(table.primaryKey().get(0))).append(" IS NULL THEN 0 ELSE 1 END");
        for (String k : table.primaryKey()) {
            b.append(", ct.").append(quote(k));
        }
        for (int i = 0; i < table.columnCount(); i++) {
            b.append(", t.").append(quote(table.columns().get(i).name()));
        }
        b.append(" FROM CHANGETABLE(CHANGES ").append(q).append(", ?) AS ct LEFT OUTER JOIN ").append(q)
                .append(" AS t ON ");
        for (int i = 0; i < table.primaryKey().size(); i++) {
            String k = quote(table.primaryKey().get(i));
            b.append(i == 0 ? "" : " AND ").append("t.").append(k).append(" = ct.").append(k);
        }
        return b.toString();
    }
}
