package dev.mirror.mariadb;

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

/**
 * Catalog queries (the {@code catalog()} concern), each one statement against {@code information_schema}, restricted to
 * {@code DATABASE()}: the database the JDBC URL names. Other databases are never looked at, so a same-named table
 * elsewhere cannot be mistaken for the mirror's. Temporary tables (the apply's stages) are not listed there.
 *
 * <p>{@code information_schema} compares names case-insensitively, while table names are case-sensitive on Linux
 * ({@code lower_case_table_names=0}); so rows are filtered again by exact name here. Stateless; thread-safe.
 */
final class MariaDbCatalog implements DialectCatalog {
    static final String LIST_TABLES = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
            + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";

    static final String DESCRIBE_TABLE = "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS"
            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";

    static final String LIST_INDEXES = "SELECT DISTINCT TABLE_NAME, INDEX_NAME FROM information_schema.STATISTICS"
            + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME <> 'PRIMARY' ORDER BY INDEX_NAME";

    @Override
    public Set<String> listTables(Connection connection) throws SQLException {
        Set<String> r = new LinkedHashSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(LIST_TABLES)) {
            while (rs.next()) {
                r.add(rs.getString(1));
            }
        }
        return r;
    }

    /** The columns in order, or empty when the table does not exist (a MariaDB table always has a column). */
    @Override
    public Optional<List<TargetColumn>> describeTable(Connection connection, String table) throws SQLException {
        List<TargetColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(DESCRIBE_TABLE)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (table.equals(rs.getString(1))) {
                        columns.add(new TargetColumn(rs.getString(2), MariaDbTypes.normalize(rs.getString(3)),
                                "YES".equals(rs.getString(4))));
                    }
                }
            }
        }
        return columns.isEmpty() ? Optional.empty() : Optional.of(columns);
    }

    /** The secondary indexes of {@code table}; the primary key is not included. */
    @Override
    public Set<String> listIndexes(Connection connection, String table) throws SQLException {
        Set<String> r = new LinkedHashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(LIST_INDEXES)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (table.equals(rs.getString(1))) {
                        r.add(rs.getString(2));
                    }
                }
            }
        }
        return r;
    }
}
