package dev.mirror.h2;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.dialect.BulkProgress;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.api.dialect.TargetDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 (2.x) target. Stateless and thread-safe. Type mapping, defaults and identifiers are
 * documented in mirror-h2/README.md.
 *
 * <p>H2 commits the open transaction on every DDL statement except {@code CREATE LOCAL TEMPORARY TABLE …
 * TRANSACTIONAL} (https://h2database.com/html/commands.html), so this dialect does not claim
 * {@link Capability#TRANSACTIONAL_DDL}; row changes (bulk load, apply, truncate through DELETE) are transactional.
 */
public final class H2Dialect implements TargetDialect {
    private static final Logger LOG = LoggerFactory.getLogger(H2Dialect.class);
    /** Only so the exclusive-mode warning is logged once per dialect instance; a lost update just logs it twice. */
    private volatile boolean exclusiveRefusedLogged;
    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.RENAME_TABLE, Capability.ALTER_COLUMN));

    private final H2Limits limits;
    private final int lockTimeoutMillis;
    private final H2ChangeApplier applier;

    /** A dialect with the default batch sizes and a 10 s lock timeout. */
    public H2Dialect() {
        this(H2Limits.DEFAULTS, 10_000);
    }

    H2Dialect(H2Limits limits, int lockTimeoutMillis) {
        this.limits = requireNonNull(limits, "limits is null");
        this.lockTimeoutMillis = lockTimeoutMillis;
        this.applier = new H2ChangeApplier(this::quote, this::targetName, limits);
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String targetName(String sourceName) {
        return H2Identifiers.targetName(sourceName);
    }

    @Override
    public String quote(String targetName) {
        return H2Identifiers.quote(targetName);
    }

    @Override
    public String columnType(SqlType type) {
        return H2Types.columnType(type);
    }

    @Override
    public Optional<String> defaultClause(Column column) {
        return H2Defaults.clause(column);
    }

    @Override
    public List<String> createTable(String table, TableSchema schema) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(quote(table)).append(" (");
        for (Column c : schema.columns()) {
            b.append(columnDefinition(c, c.nullable())).append(", ");
        }
        b.append("PRIMARY KEY (");
        for (int i = 0; i < schema.primaryKey().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(quote(targetName(schema.primaryKey().get(i))));
        }
        return List.of(b.append("))").toString());
    }

    private String columnDefinition(Column c, boolean nullable) {
        Optional<String> def = defaultClause(c);
        return quote(targetName(c.name())) + " " + columnType(c.type()) + def.map(d -> " " + d).orElse("")
                + (nullable ? "" : " NOT NULL");
    }

    @Override
    public String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + quote(table);
    }

    @Override
    public String renameTable(String from, String to) {
        return "ALTER TABLE " + quote(from) + " RENAME TO " + quote(to);
    }

    @Override
    public String renameIndex(String table, String from, String to) {
        return "ALTER INDEX " + quote(from) + " RENAME TO " + quote(to);
    }

    /**
     * H2 commits every DDL statement at once (no transactional DDL), so a DROP and a RENAME cannot be one transaction.
     * When the shadow has the table's columns (every repopulation but a recreate) the swap is pure data, inside the LSN's
     * transaction: the table's rows are replaced by the shadow's ({@code DELETE}, {@code INSERT ... SELECT}); H2's MVCC
     * shows readers the old rows until the commit and the new ones after, without blocking them (writers of the table
     * wait on its row locks). After a recreate (other columns) the swap needs DDL: it runs in H2's exclusive mode
     * ({@code SET EXCLUSIVE 1}, H2 reference "SET EXCLUSIVE"), in which statements of other sessions wait until it ends;
     * the instant lasts two catalog changes and one metadata update, and a connection opened, or a statement parsed,
     * exactly then can fail with "table not found". Without admin rights the DDL swap runs without exclusive mode.
     */
    @Override
    public void swapShadow(Connection connection, String table, String shadow, SwapStep inSwap) throws SQLException {
        if (sameColumns(connection, table, shadow)) {
            try (Statement s = connection.createStatement()) {
                s.execute("DELETE FROM " + quote(table));
                s.execute("INSERT INTO " + quote(table) + " SELECT * FROM " + quote(shadow));
            }
            inSwap.run(connection); // core commits; core then drops the shadow
            return;
        }
        try (Statement s = connection.createStatement()) {
            boolean exclusive = exclusive(s);
            try {
                // One round trip for both, so the instant without the table is as short as H2 can make it.
                s.execute(dropTable(table) + "; " + renameTable(shadow, table));
                inSwap.run(connection);
                connection.commit();
            } finally {
                if (exclusive) {
                    s.execute("SET EXCLUSIVE 0");
                }
            }
        }
    }

    /** Same columns (names, types, nullability, order) and the same primary key: the rows can be copied as they are. */
    private boolean sameColumns(Connection c, String table, String shadow) throws SQLException {
        Optional<List<TargetColumn>> live = describeTable(c, table);
        return live.isPresent() && live.equals(describeTable(c, shadow)) && primaryKey(c, table).equals(primaryKey(c, shadow));
    }

    private static List<String> primaryKey(Connection c, String table) throws SQLException {
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

    private boolean exclusive(Statement s) {
        try {
            s.execute("SET EXCLUSIVE 1");
            return true;
        } catch (SQLException e) {
            if (!exclusiveRefusedLogged) {
                exclusiveRefusedLogged = true;
                LOG.warn("H2 refused exclusive mode for the shadow swap ({}): swapping without it; a reader may find a "
                        + "repopulated table missing for an instant. Connect as an admin user to avoid it.", e.getMessage());
            }
            return false;
        }
    }

    /** NOT NULL only with a default H2 can express: existing rows then take the default (H2 fills them). */
    @Override
    public List<String> addColumn(String table, Column column) {
        boolean nullable = column.nullable() || defaultClause(column).isEmpty();
        return List.of("ALTER TABLE " + quote(table) + " ADD COLUMN " + columnDefinition(column, nullable));
    }

    @Override
    public String dropColumn(String table, String column) {
        return "ALTER TABLE " + quote(table) + " DROP COLUMN " + quote(column);
    }

    /**
     * SET DATA TYPE keeps the column's nullability and default in H2; nullability and default are changed by
     * their own statements. Narrowing is not refused here: H2 fails the statement when data does not fit, and
     * core then recreates the table.
     */
    @Override
    public List<String> alterColumn(String table, Column from, Column to) {
        String prefix = "ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(targetName(to.name()));
        List<String> r = new ArrayList<>();
        if (!columnType(from.type()).equals(columnType(to.type()))) {
            r.add(prefix + " SET DATA TYPE " + columnType(to.type()));
        }
        Optional<String> oldDefault = defaultClause(from);
        Optional<String> newDefault = defaultClause(to);
        if (!oldDefault.equals(newDefault)) {
            r.add(newDefault.map(d -> prefix + " SET " + d).orElse(prefix + " DROP DEFAULT"));
        }
        if (from.nullable() != to.nullable()) {
            r.add(prefix + (to.nullable() ? " SET NULL" : " SET NOT NULL"));
        }
        return r;
    }

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

    @Override
    public long bulkLoad(Connection connection, String table, TableSchema schema, Iterator<Row> rows, BulkProgress progress)
            throws SQLException {
        List<SqlType> types = new ArrayList<>();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(quote(table)).append(" (");
        StringBuilder params = new StringBuilder();
        for (int i = 0; i < schema.columnCount(); i++) {
            Column c = schema.columns().get(i);
            types.add(c.type());
            sql.append(i == 0 ? "" : ", ").append(quote(targetName(c.name())));
            params.append(i == 0 ? "?" : ", ?");
        }
        sql.append(") VALUES (").append(params).append(')');
        try (H2BatchInsert insert = new H2BatchInsert(connection, sql.toString(), types, limits)) {
            long reported = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                if (row.size() != schema.columnCount()) {
                    throw new IllegalArgumentException("a row for table '" + schema.name() + "' has " + row.size()
                            + " values but the table has " + schema.columnCount() + " columns");
                }
                insert.add(row.toArray());
                if (insert.flushedRows() != reported) {
                    reported = insert.flushedRows();
                    progress.rows(reported);
                }
            }
            insert.flush();
            if (insert.flushedRows() != reported) {
                progress.rows(insert.flushedRows());
            }
            return insert.flushedRows();
        }
    }

    @Override
    public TableCounts applyChanges(Connection connection, String table, TableSchema schema, Iterator<RowChange> changes)
            throws SQLException {
        return applier.apply(connection, table, schema, changes);
    }

    /** See {@link H2Stager}. */
    @Override
    public TableCounts withStagedChanges(Connection connection, String table, TableSchema schema,
                                         Iterator<RowChange> changes, dev.mirror.api.dialect.StagedChanges.Work work)
            throws SQLException {
        return new H2Stager(limits).stage(connection, table, schema, changes, work);
    }

    @Override
    public MirrorException translate(SQLException e, String what) {
        return H2Errors.translate(e, what);
    }

    /** H2 indexes have neither included columns nor filters: asking for them is a configuration error. */
    @Override
    public String createIndex(String table, IndexDefinition index) {
        if (!index.include().isEmpty()) {
            throw MirrorException.configuration("INDEX_INCLUDE_UNSUPPORTED", "index '" + index.name() + "' on '" + table
                    + "' has included columns " + index.include() + ", which H2 does not support; remove 'include' "
                    + "or add those columns to the key columns");
        }
        if (index.filter() != null) {
            throw MirrorException.configuration("INDEX_FILTER_UNSUPPORTED", "index '" + index.name() + "' on '" + table
                    + "' has a filter, which H2 does not support; remove 'filter' to index all rows");
        }
        return TargetDialect.super.createIndex(table, index);
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

    /** Waits this long for row and table locks before failing with a retryable lock timeout. */
    @Override
    public void prepareConnection(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCK_TIMEOUT " + lockTimeoutMillis);
        }
    }
}
