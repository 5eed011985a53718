package dev.mirror.testkit.hook;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.hook.TargetSession;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.dialect.TargetDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@link TargetSession} over one JDBC connection and a dialect, for hook tests against a real
 * database (what core hands hooks in production, minus pooling). Each call commits on its own; a
 * failure is rolled back and thrown as the dialect translates it. Calls are serialized.
 */
public final class JdbcTargetSession extends DialectBackedSession {
    private final Connection connection;

    /** @param connection an open connection the caller closes; auto-commit is switched off */
    public JdbcTargetSession(Connection connection, TargetDialect dialect) throws SQLException {
        super(dialect);
        this.connection = requireNonNull(connection, "connection is null");
        connection.setAutoCommit(false);
        dialect.prepareConnection(connection);
    }

    @Override
    public synchronized void execute(String sql) {
        requireNonNull(sql, "sql is null");
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
            connection.commit();
        } catch (SQLException e) {
            throw rollback(e, "executing a hook statement");
        }
    }

    @Override
    public synchronized int execute(String sql, Object... parameters) {
        requireNonNull(sql, "sql is null");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            int n = ps.executeUpdate();
            connection.commit();
            return n;
        } catch (SQLException e) {
            throw rollback(e, "executing a hook statement");
        }
    }

    @Override
    public synchronized List<List<Object>> query(String sql, Object... parameters) {
        requireNonNull(sql, "sql is null");
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int c = 1; c <= n; c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            connection.commit();
            return rows;
        } catch (SQLException e) {
            throw rollback(e, "running a hook query");
        }
    }

    @Override
    public synchronized Set<String> indexes(String sourceTable) {
        try {
            Set<String> names = dialect.catalog().listIndexes(connection, dialect.names().targetName(sourceTable));
            connection.commit();
            return names;
        } catch (SQLException e) {
            throw rollback(e, "listing the indexes of " + sourceTable);
        }
    }

    @Override
    public void createIndex(String sourceTable, IndexDefinition index) {
        execute(dialect.ddl().createIndex(dialect.names().targetName(sourceTable), index));
    }

    @Override
    public void createIndexOnShadow(String shadowTable, IndexDefinition index) {
        execute(dialect.ddl().createIndex(shadowTable, index));
    }

    @Override
    public void renameIndex(String sourceTable, String from, String to) {
        execute(dialect.ddl().renameIndex(dialect.names().targetName(sourceTable), from, to));
    }

    private RuntimeException rollback(SQLException e, String what) {
        try {
            connection.rollback();
        } catch (SQLException suppressed) {
            e.addSuppressed(suppressed);
        }
        return dialect.errors().translate(e, what);
    }
}
