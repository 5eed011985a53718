package dev.mirror.postgresql;

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
 * Catalog queries, each one statement against {@code pg_catalog}, restricted to {@code current_schema()}:
 * the first existing schema of the connection's {@code search_path} (set with the {@code currentSchema} URL
 * parameter). Other schemas are never looked at, so a same-named table elsewhere cannot be mistaken for the
 * mirror's. {@code pg_catalog} is used rather than {@code information_schema} because the latter only shows
 * tables the current user has privileges on and is considerably slower.
 */
final class PostgresCatalog implements DialectCatalog {
    private static final String CURRENT_SCHEMA_OID =
            "(SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = pg_catalog.current_schema())";

    static final String LIST_TABLES = "SELECT c.relname FROM pg_catalog.pg_class c WHERE c.relkind IN ('r', 'p')"
            + " AND c.relnamespace = " + CURRENT_SCHEMA_OID + " ORDER BY c.relname";

    // LEFT JOIN so that a table without columns (PostgreSQL allows them) is told apart from a missing table.
    static final String DESCRIBE_TABLE = "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull"
            + " FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_attribute a"
            + " ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " WHERE c.relname = ? AND c.relkind IN ('r', 'p') AND c.relnamespace = " + CURRENT_SCHEMA_OID
            + " ORDER BY a.attnum";

    static final String LIST_INDEXES = "SELECT i.relname FROM pg_catalog.pg_index x"
            + " JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid JOIN pg_catalog.pg_class t ON t.oid = x.indrelid"
            + " WHERE t.relname = ? AND NOT x.indisprimary AND t.relnamespace = " + CURRENT_SCHEMA_OID
            + " ORDER BY i.relname";

    PostgresCatalog() {
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
        try (PreparedStatement ps = connection.prepareStatement(DESCRIBE_TABLE)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                List<TargetColumn> columns = new ArrayList<>();
                do {
                    String name = rs.getString(1);
                    if (name != null) {
                        columns.add(new TargetColumn(name, PostgresTypes.normalize(rs.getString(2)), !rs.getBoolean(3)));
                    }
                } while (rs.next());
                return Optional.of(columns);
            }
        }
    }

    @Override
    public Set<String> listIndexes(Connection connection, String table) throws SQLException {
        Set<String> r = new LinkedHashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(LIST_INDEXES)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    r.add(rs.getString(1));
                }
            }
        }
        return r;
    }
}
