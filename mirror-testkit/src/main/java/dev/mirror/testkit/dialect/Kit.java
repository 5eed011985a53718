package dev.mirror.testkit.dialect;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.TargetDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The state of one conformance test: the dialect under test, a connection managed the way core manages it
 * (auto-commit off; the dialect never commits, the kit does) and the tables the test created, which are
 * dropped when the test ends. Plain JDBC helpers read the tables back independently of the dialect.
 */
public final class Kit implements AutoCloseable {
    private final TargetDialect dialect;
    private final Connection connection;
    private final BiFunction<SqlType, Object, Object> expectedRoundTrip;
    private final long streamingRowCount;
    private final Set<String> created = new LinkedHashSet<>();

    Kit(TargetDialect dialect, Connection connection, BiFunction<SqlType, Object, Object> expectedRoundTrip,
            long streamingRowCount) throws SQLException {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.connection = requireNonNull(connection, "connection is null");
        this.expectedRoundTrip = requireNonNull(expectedRoundTrip, "expectedRoundTrip is null");
        this.streamingRowCount = streamingRowCount;
        // Core hands dialects connections with auto-commit off and commits itself (TargetDialect javadoc).
        connection.setAutoCommit(false);
        dialect.prepareConnection(connection);
    }

    public TargetDialect dialect() {
        return dialect;
    }

    public Connection connection() {
        return connection;
    }

    public long streamingRowCount() {
        return streamingRowCount;
    }

    /** The value the dialect is expected to give back for {@code written} in a column of {@code type}. */
    public Object expected(SqlType type, Object written) {
        return expectedRoundTrip.apply(type, written);
    }

    /**
     * Reserves a table for this test: maps {@code "kit_" + suffix} through the dialect, drops a leftover of an
     * earlier run and remembers the name so that {@link #close()} drops it.
     */
    public String table(String suffix) throws SQLException {
        return claim(dialect.names().targetName("kit_" + suffix));
    }

    /** Remembers an already mapped table name for dropping, and drops a leftover of an earlier run. */
    public String claim(String targetTable) throws SQLException {
        created.add(targetTable);
        exec(dialect.ddl().dropTable(targetTable));
        commit();
        return targetTable;
    }

    /** Creates {@code table} through the dialect and commits. */
    public void create(String table, TableSchema schema) throws SQLException {
        exec(dialect.ddl().createTable(table, schema));
        commit();
    }

    public void exec(List<String> statements) throws SQLException {
        for (String sql : statements) {
            exec(sql);
        }
    }

    public void exec(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    /** The number of rows in {@code table}, by plain JDBC. */
    public long count(String table) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + dialect.names().quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Inserts one row by plain JDBC with values bound as parameters (columns are source names). */
    public void insertPlain(String table, List<String> sourceColumns, Object... values) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(dialect.names().quote(table)).append(" (");
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < sourceColumns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(dialect.names().quote(dialect.names().targetName(sourceColumns.get(i))));
            params.append(i == 0 ? "?" : ", ?");
        }
        sql.append(") VALUES (").append(params).append(')');
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    /**
     * Reads every row of {@code table} by plain JDBC, the columns of {@code schema} in order, sorted by the
     * primary key, each value normalized to its SqlServerType Java class.
     */
    public List<List<Object>> readAll(String table, TableSchema schema) throws SQLException {
        return read(table, schema, "");
    }

    /** Like {@link #readAll} with a WHERE clause on the first key column ({@code = ?}). */
    public List<List<Object>> readWhereKey(String table, TableSchema schema, Object key) throws SQLException {
        String where = " WHERE " + dialect.names().quote(dialect.names().targetName(schema.primaryKey().get(0))) + " = ?";
        return read(table, schema, where, key);
    }

    private List<List<Object>> read(String table, TableSchema schema, String where, Object... params) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < schema.columnCount(); i++) {
            sql.append(i == 0 ? "" : ", ").append(dialect.names().quote(dialect.names().targetName(schema.columns().get(i).name())));
        }
        sql.append(" FROM ").append(dialect.names().quote(table)).append(where).append(" ORDER BY ");
        for (int i = 0; i < schema.primaryKey().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(dialect.names().quote(dialect.names().targetName(schema.primaryKey().get(i))));
        }
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(schema.columnCount());
                    for (int i = 0; i < schema.columnCount(); i++) {
                        row.add(KitValues.read(rs, i + 1, schema.columns().get(i).type()));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Rolls back what the test left open, drops every table it reserved and closes the connection. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        try {
            connection.rollback();
            for (String t : created) {
                try {
                    exec(dialect.ddl().dropTable(t));
                    commit();
                } catch (SQLException e) {
                    connection.rollback();
                    failure = failure == null ? e : failure;
                }
            }
        } finally {
            connection.close();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
