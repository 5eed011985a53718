package com.example.mirror.hsqldb;

import dev.mirror.api.dialect.DialectCatalog;
import dev.mirror.api.dialect.TargetColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * HSQLDB's catalog, read from INFORMATION_SCHEMA of the session's current schema. Stateless. Session-local temporary
 * tables (the apply stage) live in the SESSION schema and are never listed.
 */
final class HsqlCatalog implements DialectCatalog {
    private static final String CURRENT = "(SELECT CURRENT_SCHEMA FROM (VALUES (0)))";

    @Override
    public Set<String> listTables(Connection connection) throws SQLException {
        return strings(connection, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = " + CURRENT
                + " AND TABLE_TYPE = 'BASE TABLE'", null);
    }

    /**
     * The columns in order. HSQLDB reports a primary key column as nullable in COLUMNS.IS_NULLABLE (the NOT NULL is the
     * key's), so key columns are reported NOT NULL here, as they are.
     */
    @Override
    public Optional<List<TargetColumn>> describeTable(Connection connection, String table) throws SQLException {
        List<String> key = primaryKey(connection, table);
        List<TargetColumn> r = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT C.COLUMN_NAME, C.DATA_TYPE, "
                + "C.CHARACTER_MAXIMUM_LENGTH, C.NUMERIC_PRECISION, C.NUMERIC_SCALE, C.DATETIME_PRECISION, C.IS_NULLABLE "
                + "FROM INFORMATION_SCHEMA.COLUMNS C JOIN INFORMATION_SCHEMA.TABLES T ON T.TABLE_SCHEMA = C.TABLE_SCHEMA "
                + "AND T.TABLE_NAME = C.TABLE_NAME AND T.TABLE_TYPE = 'BASE TABLE' "
                + "WHERE C.TABLE_SCHEMA = " + CURRENT + " AND C.TABLE_NAME = ? ORDER BY C.ORDINAL_POSITION")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = HsqlTypes.normalize(rs.getString(2), rs.getObject(3, Long.class),
                            rs.getObject(4, Integer.class), rs.getObject(5, Integer.class), rs.getObject(6, Integer.class));
                    String name = rs.getString(1);
                    r.add(new TargetColumn(name, type, "YES".equals(rs.getString(7)) && !key.contains(name)));
                }
            }
        }
        return r.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(r));
    }

    /** Index names on {@code table}; the indexes HSQLDB creates for constraints ({@code SYS_}) are not included. */
    @Override
    public Set<String> listIndexes(Connection connection, String table) throws SQLException {
        return strings(connection, "SELECT DISTINCT INDEX_NAME FROM INFORMATION_SCHEMA.SYSTEM_INDEXINFO "
                + "WHERE TABLE_SCHEM = " + CURRENT + " AND TABLE_NAME = ? AND INDEX_NAME NOT LIKE 'SYS\\_%' ESCAPE '\\'", table);
    }

    /** The primary key's column names of {@code table}, in key order. */
    static List<String> primaryKey(Connection c, String table) throws SQLException {
        return List.copyOf(strings(c, "SELECT K.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS T "
                + "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE K ON K.CONSTRAINT_SCHEMA = T.CONSTRAINT_SCHEMA "
                + "AND K.CONSTRAINT_NAME = T.CONSTRAINT_NAME WHERE T.TABLE_SCHEMA = " + CURRENT + " AND T.TABLE_NAME = ? "
                + "AND T.CONSTRAINT_TYPE = 'PRIMARY KEY' ORDER BY K.ORDINAL_POSITION", table));
    }

    private static Set<String> strings(Connection c, String sql, String param) throws SQLException {
        Set<String> r = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    r.add(rs.getString(1));
                }
            }
        }
        return r;
    }
}
