package dev.mirror.testkit.hook;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.dialect.BulkLoader;
import dev.mirror.api.dialect.ChangeApplier;
import dev.mirror.api.dialect.DialectCatalog;
import dev.mirror.api.dialect.DialectDdl;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.dialect.ErrorTranslator;
import dev.mirror.dialect.support.StandardDdl;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small standard-SQL dialect for <em>hook</em> tests: double-quoted identifiers, ANSI-ish column
 * types that H2 and PostgreSQL both accept, index DDL with {@code INCLUDE} and {@code WHERE} when the
 * capabilities given say so, and index listing through {@link DatabaseMetaData#getIndexInfo}. It is not a
 * production dialect: the data paths (bulk load, apply, DDL reconciliation) are not part of what a hook
 * sees: {@link #bulk()} and {@link #changes()} throw {@link UnsupportedOperationException}. Use the real dialect module in test scope when
 * one is available.
 */
public final class KitDialect implements TargetDialect, DialectNames, DialectTypes, DialectCatalog, ErrorTranslator {
    private final String name;
    private final Set<Capability> capabilities;
    private final KitDdl ddl;

    /**
     * @param name         the name this dialect reports (e.g. {@code kit-h2})
     * @param capabilities the index capabilities of the database it stands for
     */
    public KitDialect(String name, Set<Capability> capabilities) {
        this.name = requireNonNull(name, "name is null");
        this.capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        this.ddl = new KitDdl();
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

    /** The DDL a hook test needs: tables to index, and indexes; schema changes are not a hook's business. */
    private final class KitDdl extends StandardDdl {
        KitDdl() {
            super(name, capabilities, KitDialect.this, KitDialect.this);
        }

        @Override
        public String createIndex(String table, IndexDefinition index) {
            if (!index.include().isEmpty() && !capabilities.contains(Capability.INDEX_INCLUDE)) {
                throw MirrorException.target("UNSUPPORTED", false, name + " cannot include columns in an index", null);
            }
            if (index.filter() != null && !capabilities.contains(Capability.INDEX_FILTER)) {
                throw MirrorException.target("UNSUPPORTED", false, name + " cannot filter an index", null);
            }
            return super.createIndex(table, index);
        }

        @Override
        public List<String> alterColumn(String table, dev.mirror.api.model.Column from, dev.mirror.api.model.Column to) {
            throw notForHooks("alterColumn");
        }
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
    public DialectNames names() {
        return this;
    }

    @Override
    public DialectTypes types() {
        return this;
    }

    @Override
    public DialectDdl ddl() {
        return ddl;
    }

    @Override
    public DialectCatalog catalog() {
        return this;
    }

    /** Hooks never load tables. */
    @Override
    public BulkLoader bulk() {
        throw notForHooks("bulk loading");
    }

    /** Hooks never apply changes. */
    @Override
    public ChangeApplier changes() {
        throw notForHooks("applying changes");
    }

    @Override
    public ErrorTranslator errors() {
        return this;
    }

    private static UnsupportedOperationException notForHooks(String what) {
        return new UnsupportedOperationException(what + " is not part of the hook test kit's dialect; hooks never call it");
    }
}
