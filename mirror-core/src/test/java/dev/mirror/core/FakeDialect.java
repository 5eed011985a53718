package dev.mirror.core;

import dev.mirror.api.MirrorException;
import dev.mirror.api.ErrorCategory;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.BulkLoader;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.ChangeApplier;
import dev.mirror.api.dialect.DialectCatalog;
import dev.mirror.api.dialect.DialectDdl;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.dialect.ErrorTranslator;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.api.dialect.TargetDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A dialect for pure unit tests: types print as SQL Server spells them; no database behind it. It implements only the
 * concerns core's unit tests reach (names, types, DDL, catalog, errors), all in this one class so that a test can
 * override one statement; it has no bulk path and no apply.
 */
public class FakeDialect implements TargetDialect, DialectNames, DialectTypes, DialectDdl, DialectCatalog, ErrorTranslator {
    private final Set<Capability> capabilities;

    public FakeDialect(Set<Capability> capabilities) {
        this.capabilities = capabilities;
    }

    public FakeDialect() {
        this(Set.of(Capability.ALTER_COLUMN, Capability.RENAME_TABLE));
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public String targetName(String sourceName) {
        if (sourceName.indexOf('\0') >= 0) {
            throw new MirrorException("IDENTIFIER_INVALID", ErrorCategory.CONFIGURATION, "NUL in name");
        }
        return sourceName;
    }

    @Override
    public String quote(String targetName) {
        return "\"" + targetName.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String columnType(SqlType type) {
        // like PostgreSQL: unicode and non-unicode map to the same type, so nvarchar -> varchar is invisible
        return type.toString().replace("nvarchar", "varchar");
    }

    @Override
    public List<String> createTable(String table, TableSchema schema) {
        return List.of("CREATE TABLE " + quote(table));
    }

    @Override
    public String dropTable(String table) {
        return "DROP TABLE " + quote(table);
    }

    @Override
    public List<String> addColumn(String table, Column column) {
        return List.of("ALTER TABLE " + quote(table) + " ADD " + quote(column.name()));
    }

    @Override
    public String dropColumn(String table, String column) {
        return "ALTER TABLE " + quote(table) + " DROP " + quote(column);
    }

    @Override
    public List<String> alterColumn(String table, Column from, Column to) {
        return List.of("ALTER TABLE " + quote(table) + " ALTER " + quote(to.name()));
    }

    @Override
    public Set<String> listTables(Connection connection) {
        return Set.of();
    }

    @Override
    public Optional<List<TargetColumn>> describeTable(Connection connection, String table) {
        return Optional.empty();
    }

    @Override
    public String renameTable(String from, String to) {
        return "ALTER TABLE " + quote(from) + " RENAME TO " + quote(to);
    }

    @Override
    public String renameIndex(String table, String from, String to) {
        return "ALTER INDEX " + quote(from) + " RENAME TO " + quote(to);
    }

    @Override
    public String truncateTable(String table) {
        return "DELETE FROM " + quote(table);
    }

    @Override
    public String createIndex(String table, IndexDefinition index) {
        return "CREATE INDEX " + quote(index.name()) + " ON " + quote(table);
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
        return this;
    }

    @Override
    public DialectCatalog catalog() {
        return this;
    }

    /** Unit tests never load: there is no database. */
    @Override
    public BulkLoader bulk() {
        throw new UnsupportedOperationException("FakeDialect has no bulk path");
    }

    /** Unit tests never apply: there is no database. */
    @Override
    public ChangeApplier changes() {
        throw new UnsupportedOperationException("FakeDialect has no apply");
    }

    @Override
    public ErrorTranslator errors() {
        return this;
    }

    @Override
    public MirrorException translate(SQLException e, String what) {
        return MirrorException.target("TARGET_FAILED", false, what + ": " + e.getMessage(), e);
    }

    @Override
    public Set<String> listIndexes(Connection connection, String table) {
        return Set.of();
    }
}
