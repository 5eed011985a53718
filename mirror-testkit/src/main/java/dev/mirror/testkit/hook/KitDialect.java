package dev.mirror.testkit.hook;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
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
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small standard-SQL dialect for <em>hook</em> tests: double-quoted identifiers, ANSI-ish column
 * types that H2 and PostgreSQL both accept, index DDL with {@code INCLUDE} and {@code WHERE} when the
 * capabilities given say so, and index listing through {@link DatabaseMetaData#getIndexInfo}. It is not a
 * production dialect: the data paths (bulk load, apply, DDL reconciliation) are not part of what a hook
 * sees and throw {@link UnsupportedOperationException}. Use the real dialect module in test scope when
 * one is available.
 */
public final class KitDialect implements TargetDialect {
    private final String name;
    private final Set<Capability> capabilities;

    /**
     * @param name         the name this dialect reports (e.g. {@code kit-h2})
     * @param capabilities the index capabilities of the database it stands for
     */
    public KitDialect(String name, Set<Capability> capabilities) {
        this.name = requireNonNull(name, "name is null");
        this.capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
    }

    /** A dialect with no optional capability (like an embedded database). */
    public static KitDialect minimal() {
        return new KitDialect("kit", Set.of());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public String targetName(String sourceName) {
        requireNonNull(sourceName, "sourceName is null");
        if (sourceName.isBlank() || sourceName.indexOf('\0') >= 0) {
            throw MirrorException.configuration("IDENTIFIER_INVALID",
                    "identifier '" + sourceName.replace('\0', '?') + "' is blank or contains a NUL character");
        }
        return sourceName;
    }

    @Override
    public String quote(String targetName) {
        return '"' + targetName.replace("\"", "\"\"") + '"';
    }

    @Override
    public String columnType(SqlType type) {
        return switch (type.base()) {
            case TINYINT, SMALLINT -> "smallint";
            case INT -> "integer";
            case BIGINT -> "bigint";
            case BIT -> "boolean";
            case REAL -> "real";
            case FLOAT -> "double precision";
            case SMALLMONEY -> "numeric(10,4)";
            case MONEY -> "numeric(19,4)";
            case DECIMAL, NUMERIC -> "numeric(" + type.precision() + "," + type.scale() + ")";
            case CHAR, NCHAR, VARCHAR, NVARCHAR, TEXT, NTEXT -> type.isMax() ? "varchar" : "varchar(" + type.length() + ")";
            case SMALLDATETIME, DATETIME -> "timestamp(3)";
            case DATETIME2 -> "timestamp(" + Math.min(type.precision(), 6) + ")";
            case DATE -> "date";
            case TIME -> "time(" + Math.min(type.precision(), 6) + ")";
            case DATETIMEOFFSET -> "timestamp(" + Math.min(type.precision(), 6) + ") with time zone";
            case UNIQUEIDENTIFIER -> "uuid";
            case BINARY, VARBINARY, IMAGE -> "varbinary";
        };
    }

    @Override
    public List<String> createTable(String table, TableSchema schema) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(quote(table)).append(" (");
        for (var c : schema.columns()) {
            b.append(quote(targetName(c.name()))).append(' ').append(columnType(c.type()))
                    .append(c.nullable() ? "" : " NOT NULL").append(", ");
        }
        b.append("PRIMARY KEY (");
        for (int i = 0; i < schema.primaryKey().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(quote(targetName(schema.primaryKey().get(i))));
        }
        return List.of(b.append("))").toString());
    }

    @Override
    public String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + quote(table);
    }

    @Override
    public String createIndex(String table, IndexDefinition index) {
        StringBuilder b = new StringBuilder(TargetDialect.super.createIndex(table, index));
        if (!index.include().isEmpty()) {
            if (!capabilities.contains(Capability.INDEX_INCLUDE)) {
                throw MirrorException.target("UNSUPPORTED", false, name + " cannot include columns in an index", null);
            }
            b.append(" INCLUDE (");
            for (int i = 0; i < index.include().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(quote(index.include().get(i)));
            }
            b.append(')');
        }
        if (index.filter() != null) {
            if (!capabilities.contains(Capability.INDEX_FILTER)) {
                throw MirrorException.target("UNSUPPORTED", false, name + " cannot filter an index", null);
            }
            b.append(" WHERE ").append(index.filter());
        }
        return b.toString();
    }

    @Override
    public Set<String> listIndexes(Connection connection, String table) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        Set<String> names = new LinkedHashSet<>();
        try (ResultSet rs = md.getIndexInfo(connection.getCatalog(), connection.getSchema(), table, false, false)) {
            while (rs.next()) {
                String n = rs.getString("INDEX_NAME");
                if (n != null) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    @Override
    public Set<String> listTables(Connection connection) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    @Override
    public Optional<List<TargetColumn>> describeTable(Connection connection, String table) throws SQLException {
        List<TargetColumn> columns = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getColumns(connection.getCatalog(), connection.getSchema(), table, "%")) {
            while (rs.next()) {
                columns.add(new TargetColumn(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME").toLowerCase(java.util.Locale.ROOT),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        return columns.isEmpty() ? Optional.empty() : Optional.of(columns);
    }

    @Override
    public MirrorException translate(SQLException e, String what) {
        return MirrorException.target("TARGET_FAILED", false, what + " failed: " + e.getMessage(), e);
    }

    @Override
    public List<String> addColumn(String table, dev.mirror.api.model.Column column) {
        throw notForHooks("addColumn");
    }

    @Override
    public String dropColumn(String table, String column) {
        throw notForHooks("dropColumn");
    }

    @Override
    public List<String> alterColumn(String table, dev.mirror.api.model.Column from, dev.mirror.api.model.Column to) {
        throw notForHooks("alterColumn");
    }

    @Override
    public long bulkLoad(Connection connection, String table, TableSchema schema, Iterator<Row> rows, BulkProgress progress) {
        throw notForHooks("bulkLoad");
    }

    @Override
    public TableCounts applyChanges(Connection connection, String table, TableSchema schema, Iterator<RowChange> changes) {
        throw notForHooks("applyChanges");
    }

    private static UnsupportedOperationException notForHooks(String what) {
        return new UnsupportedOperationException(what + " is not part of the hook test kit's dialect; hooks never call it");
    }
}
