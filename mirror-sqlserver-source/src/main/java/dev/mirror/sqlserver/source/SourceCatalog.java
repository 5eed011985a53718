package dev.mirror.sqlserver.source;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.sqlserver.common.SqlServerTypes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the simplified schema of a source schema's tables from the catalog in one query, and sorts out the
 * tables that cannot be mirrored.
 */
final class SourceCatalog {
    /**
     * Every column of every user table of a schema, with its type (base type through
     * {@code ty.user_type_id = c.system_type_id}, so alias types and sysname resolve), default, primary-key
     * position and whether change tracking is on for the table.
     */
    static final String CATALOG = "SELECT t.name AS table_name, c.name AS column_name, ty.name AS type_name,"
            + " c.max_length, c.precision, c.scale, c.is_nullable, dc.definition AS default_definition,"
            + " ic.key_ordinal, CASE WHEN ctt.object_id IS NULL THEN 0 ELSE 1 END AS tracked"
            + " FROM sys.tables AS t"
            + " JOIN sys.columns AS c ON c.object_id = t.object_id"
            + " JOIN sys.types AS ty ON ty.user_type_id = c.system_type_id"
            + " LEFT JOIN sys.default_constraints AS dc ON dc.object_id = c.default_object_id"
            + " LEFT JOIN sys.indexes AS pk ON pk.object_id = t.object_id AND pk.is_primary_key = 1"
            + " LEFT JOIN sys.index_columns AS ic ON ic.object_id = pk.object_id AND ic.index_id = pk.index_id"
            + " AND ic.column_id = c.column_id"
            + " LEFT JOIN sys.change_tracking_tables AS ctt ON ctt.object_id = t.object_id"
            + " WHERE t.schema_id = SCHEMA_ID(?) AND t.is_ms_shipped = 0"
            + " ORDER BY t.name, c.column_id";

    /** The tables that can be mirrored, and those that cannot with the reason. */
    record Result(List<TableSchema> tables, List<SkippedTable> skipped) {
        Result {
            tables = List.copyOf(tables);
            skipped = List.copyOf(skipped);
        }
    }

    private SourceCatalog() {
    }

    static Result read(Connection connection, String schema) throws SQLException {
        List<CatalogRow> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(CATALOG)) {
            ps.setNString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CatalogRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getInt(5), rs.getInt(6), rs.getBoolean(7), rs.getString(8), rs.getInt(9),
                            rs.getInt(10) == 1));
                }
            }
        }
        return build(rows);
    }

    /** Groups catalog rows (ordered by table, column_id) into schemas; pure, for tests. */
    static Result build(List<CatalogRow> rows) {
        Map<String, List<CatalogRow>> byTable = new LinkedHashMap<>();
        for (CatalogRow r : rows) {
            byTable.computeIfAbsent(r.table(), k -> new ArrayList<>()).add(r);
        }
        List<TableSchema> tables = new ArrayList<>();
        List<SkippedTable> skipped = new ArrayList<>();
        for (Map.Entry<String, List<CatalogRow>> e : byTable.entrySet()) {
            String table = e.getKey();
            List<Column> columns = new ArrayList<>();
            TreeMap<Integer, String> key = new TreeMap<>();
            String unsupported = null;
            for (CatalogRow r : e.getValue()) {
                Optional<SqlType> type = SqlServerTypes.fromCatalog(r.typeName(), r.maxLength(), r.precision(), r.scale());
                if (type.isEmpty()) {
                    unsupported = "column '" + r.column() + "' has type " + r.typeName() + ", which the mirror cannot hold";
                    break;
                }
                columns.add(new Column(r.column(), type.get(), r.nullable(), r.defaultExpr()));
                if (r.keyOrdinal() > 0) {
                    key.put(r.keyOrdinal(), r.column());
                }
            }
            if (unsupported != null) {
                skipped.add(new SkippedTable(table, unsupported));
            } else if (key.isEmpty()) {
                skipped.add(new SkippedTable(table, "it has no primary key; change tracking and the mirror need one"));
            } else if (!e.getValue().get(0).tracked()) {
                skipped.add(new SkippedTable(table, "change tracking is not enabled on it; run 'ALTER TABLE ... ENABLE"
                        + " CHANGE_TRACKING' or set enableChangeTracking: true"));
            } else {
                tables.add(new TableSchema(table, columns, new ArrayList<>(key.values())));
            }
        }
        return new Result(tables, skipped);
    }
}
