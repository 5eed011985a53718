package dev.mirror.sqlserver.dialect;

import dev.mirror.sqlserver.common.SqlServerTypes;
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
 * Catalog queries of the mirror's target database, all in the login's default schema ({@code SCHEMA_ID()}
 * without argument is the caller's default schema). Table names are bound as parameters.
 */
final class SqlServerCatalog implements DialectCatalog {
    static final String LIST_TABLES = "SELECT t.name FROM sys.tables AS t WHERE t.schema_id = SCHEMA_ID()";

    /**
     * {@code sys.types} is joined on {@code user_type_id = c.system_type_id} so that alias types and
     * {@code sysname} report their base type.
     */
    static final String DESCRIBE_TABLE = "SELECT c.name, ty.name AS type_name, c.max_length, c.precision, c.scale,"
            + " c.is_nullable FROM sys.columns AS c"
            + " JOIN sys.tables AS t ON t.object_id = c.object_id"
            + " JOIN sys.types AS ty ON ty.user_type_id = c.system_type_id"
            + " WHERE t.schema_id = SCHEMA_ID() AND t.name = ? ORDER BY c.column_id";

    /** Named indexes other than the primary key (whose name SQL Server generates). */
    static final String LIST_INDEXES = "SELECT i.name FROM sys.indexes AS i"
            + " JOIN sys.tables AS t ON t.object_id = i.object_id"
            + " WHERE t.schema_id = SCHEMA_ID() AND t.name = ? AND i.name IS NOT NULL AND i.is_primary_key = 0"
            + " AND i.is_hypothetical = 0";

    SqlServerCatalog() {
    }

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

    @Override
    public Optional<List<TargetColumn>> describeTable(Connection connection, String table) throws SQLException {
        List<TargetColumn> r = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(DESCRIBE_TABLE)) {
            ps.setNString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = SqlServerTypes.normalized(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5));
                    r.add(new TargetColumn(rs.getString(1), type, rs.getBoolean(6)));
                }
            }
        }
        return r.isEmpty() ? Optional.empty() : Optional.of(r);
    }

    @Override
    public Set<String> listIndexes(Connection connection, String table) throws SQLException {
        Set<String> r = new LinkedHashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(LIST_INDEXES)) {
            ps.setNString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    r.add(rs.getString(1));
                }
            }
        }
        return r;
    }
}
