package dev.mirror.h2;

import dev.mirror.api.dialect.DialectCatalog;
import dev.mirror.api.dialect.TargetColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** H2's catalog, read from INFORMATION_SCHEMA of the connection's current schema. Stateless. */
final class H2Catalog implements DialectCatalog {
    @Override
    public Set<String> listTables(Connection connection) throws SQLException {
        Set<String> r = new LinkedHashSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM "
                + "INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rs.next()) {
                r.add(rs.getString(1));
            }
        }
        return r;
    }

    @Override
    public Optional<List<TargetColumn>> describeTable(Connection connection, String table) throws SQLException {
        List<TargetColumn> r = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT C.COLUMN_NAME, C.DATA_TYPE, "
                + "C.CHARACTER_MAXIMUM_LENGTH, C.NUMERIC_PRECISION, C.NUMERIC_SCALE, C.DATETIME_PRECISION, C.IS_NULLABLE "
                + "FROM INFORMATION_SCHEMA.COLUMNS C JOIN INFORMATION_SCHEMA.TABLES T ON T.TABLE_SCHEMA = C.TABLE_SCHEMA "
                + "AND T.TABLE_NAME = C.TABLE_NAME AND T.TABLE_TYPE = 'BASE TABLE' "
                + "WHERE C.TABLE_SCHEMA = CURRENT_SCHEMA AND C.TABLE_NAME = ? ORDER BY C.ORDINAL_POSITION")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = H2Types.normalize(rs.getString(2), rs.getObject(3, Long.class),
                            rs.getObject(4, Integer.class), rs.getObject(5, Integer.class), rs.getObject(6, Integer.class));
                    r.add(new TargetColumn(rs.getString(1), type, "YES".equals(rs.getString(7))));
                }
            }
        }
        return r.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(r));
    }

    /** Index names on {@code table}; the primary key's generated index is not included. */
    @Override
    public Set<String> listIndexes(Connection connection, String table) throws SQLException {
        Set<String> r = new LinkedHashSet<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES "
                + "WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND TABLE_NAME = ? AND INDEX_TYPE_NAME <> 'PRIMARY KEY'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    r.add(rs.getString(1));
                }
            }
        }
        return r;
    }

    /** The primary key's column names of {@code table}, in key order. */
    static List<String> primaryKey(Connection c, String table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT K.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS T "
                + "JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE K ON K.CONSTRAINT_SCHEMA = T.CONSTRAINT_SCHEMA "
                + "AND K.CONSTRAINT_NAME = T.CONSTRAINT_NAME WHERE T.TABLE_SCHEMA = CURRENT_SCHEMA AND T.TABLE_NAME = ? "
                + "AND T.CONSTRAINT_TYPE = 'PRIMARY KEY' ORDER BY K.ORDINAL_POSITION")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    key.add(rs.getString(1));
                }
            }
        }
        return key;
    }
}
