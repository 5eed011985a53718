package dev.mirror.dialect.support;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.ErrorCategory;
import dev.mirror.api.MirrorException;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.DialectDdl;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Standard-SQL DDL built from a dialect's {@link DialectNames} and {@link DialectTypes}, for a dialect to extend and
 * override where its database differs: {@code CREATE TABLE t (c type [DEFAULT ..] [NOT NULL], .., PRIMARY KEY (..))},
 * {@code DROP TABLE IF EXISTS}, {@code ALTER TABLE .. RENAME TO}, {@code ALTER INDEX .. RENAME TO},
 * {@code ALTER TABLE .. ADD COLUMN} / {@code DROP COLUMN}, {@code DELETE FROM} and {@code CREATE [UNIQUE] INDEX}.
 * {@link #alterColumn} differs between databases too much to have a default; {@link #standardAlterColumn} is the SQL
 * standard's form for a dialect whose database follows it. Stateless; thread-safe when the
 * names and types are.
 */
public abstract class StandardDdl implements DialectDdl {
    private final String dialect;
    private final Set<Capability> capabilities;
    protected final DialectNames names;
    protected final DialectTypes types;

    /**
     * @param dialect      the dialect's name, for messages
     * @param capabilities what the dialect supports (renames, included columns, filters are refused without)
     */
    protected StandardDdl(String dialect, Set<Capability> capabilities, DialectNames names, DialectTypes types) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.capabilities = Set.copyOf(capabilities);
        this.names = requireNonNull(names, "names is null");
        this.types = requireNonNull(types, "types is null");
    }

    /** A source column's quoted target name. */
    protected final String column(String sourceName) {
        return names.quote(names.targetName(sourceName));
    }

    /** {@code "c" type [DEFAULT ..] [NOT NULL]}; {@code nullable} decides the NOT NULL (see {@link #addColumn}). */
    protected String columnDefinition(Column c, boolean nullable) {
        Optional<String> def = types.defaultClause(c);
        return column(c.name()) + " " + types.columnType(c.type()) + def.map(d -> " " + d).orElse("")
                + (nullable ? "" : " NOT NULL");
    }

    /** Text after the closing parenthesis of CREATE TABLE (storage options); empty by default. */
    protected String tableOptions() {
        return "";
    }

    @Override
    public List<String> createTable(String table, TableSchema schema) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(names.quote(table)).append(" (");
        for (Column c : schema.columns()) {
            b.append(columnDefinition(c, c.nullable())).append(", ");
        }
        b.append("PRIMARY KEY (");
        for (int i = 0; i < schema.primaryKey().size(); i++) {
            String key = schema.column(schema.primaryKey().get(i)).orElseThrow().name();
            b.append(i == 0 ? "" : ", ").append(column(key));
        }
        return List.of(b.append("))").append(tableOptions()).toString());
    }

    @Override
    public String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + names.quote(table);
    }

    @Override
    public String renameTable(String from, String to) {
        requireRename("tables");
        return "ALTER TABLE " + names.quote(from) + " RENAME TO " + names.quote(to);
    }

    @Override
    public String renameIndex(String table, String from, String to) {
        requireRename("indexes");
        return "ALTER INDEX " + names.quote(from) + " RENAME TO " + names.quote(to);
    }

    private void requireRename(String what) {
        if (!capabilities.contains(Capability.RENAME_TABLE)) {
            throw new MirrorException("UNSUPPORTED", ErrorCategory.INTERNAL, dialect + " cannot rename " + what);
        }
    }

    /** NOT NULL only with a default the target can express: existing rows then take it; otherwise nullable. */
    @Override
    public List<String> addColumn(String table, Column column) {
        boolean nullable = column.nullable() || types.defaultClause(column).isEmpty();
        return List.of("ALTER TABLE " + names.quote(table) + " ADD COLUMN " + columnDefinition(column, nullable));
    }

    @Override
    public String dropColumn(String table, String column) {
        return "ALTER TABLE " + names.quote(table) + " DROP COLUMN " + names.quote(column);
    }

    /**
     * The SQL standard's ALTER COLUMN statements for what changed between {@code from} and {@code to}:
     * {@code SET DATA TYPE} (which keeps nullability and default), {@code SET DEFAULT ..} / {@code DROP DEFAULT}, and
     * {@code SET NULL} / {@code SET NOT NULL} (H2, HSQLDB). Narrowing is not refused here: the database fails the
     * statement when data does not fit, and core then recreates the table.
     */
    protected final List<String> standardAlterColumn(String table, Column from, Column to) {
        String prefix = "ALTER TABLE " + names.quote(table) + " ALTER COLUMN " + column(to.name());
        List<String> r = new ArrayList<>();
        if (!types.columnType(from.type()).equals(types.columnType(to.type()))) {
            r.add(prefix + " SET DATA TYPE " + types.columnType(to.type()));
        }
        Optional<String> oldDefault = types.defaultClause(from);
        Optional<String> newDefault = types.defaultClause(to);
        if (!oldDefault.equals(newDefault)) {
            r.add(newDefault.map(d -> prefix + " SET " + d).orElse(prefix + " DROP DEFAULT"));
        }
        if (from.nullable() != to.nullable()) {
            r.add(prefix + (to.nullable() ? " SET NULL" : " SET NOT NULL"));
        }
        return r;
    }

    /** DELETE: transactional everywhere and needs no more than DELETE permission. */
    @Override
    public String truncateTable(String table) {
        return "DELETE FROM " + names.quote(table);
    }

    /**
     * {@code CREATE [UNIQUE] INDEX "i" ON "t" ("a" ASC, ..)}, then {@link #indexSuffix}. Included columns and filters
     * are refused unless the capabilities have them.
     */
    @Override
    public String createIndex(String table, IndexDefinition index) {
        if (!index.include().isEmpty() && !capabilities.contains(Capability.INDEX_INCLUDE)) {
            throw MirrorException.configuration("INDEX_UNSUPPORTED", "index " + index.name() + ": the " + dialect
                    + " target does not support included columns; remove 'include'");
        }
        if (index.filter() != null && !capabilities.contains(Capability.INDEX_FILTER)) {
            throw MirrorException.configuration("INDEX_UNSUPPORTED", "index " + index.name() + ": the " + dialect
                    + " target does not support filtered indexes; remove 'filter'");
        }
        StringBuilder b = new StringBuilder("CREATE ").append(index.unique() ? "UNIQUE " : "").append(indexKind())
                .append(names.quote(index.name())).append(" ON ").append(names.quote(table)).append(" (");
        for (int i = 0; i < index.columns().size(); i++) {
            IndexDefinition.IndexColumn c = index.columns().get(i);
            b.append(i == 0 ? "" : ", ").append(names.quote(c.name())).append(c.descending() ? " DESC" : " ASC");
        }
        b.append(')');
        return indexSuffix(b, index).toString();
    }

    /** {@code INDEX } by default; for example {@code NONCLUSTERED INDEX } on SQL Server. */
    protected String indexKind() {
        return "INDEX ";
    }

    /**
     * Appends {@code INCLUDE (..)} and {@code WHERE ..} when the index has them (only reached when the capabilities
     * allow them). The filter is the user's own configuration text, a predicate: it cannot be quoted.
     */
    protected StringBuilder indexSuffix(StringBuilder b, IndexDefinition index) {
        if (!index.include().isEmpty()) {
            b.append(" INCLUDE (");
            for (int i = 0; i < index.include().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(names.quote(index.include().get(i)));
            }
            b.append(')');
        }
        if (index.filter() != null && !index.filter().isBlank()) {
            b.append(" WHERE ").append(index.filter().trim());
        }
        return b;
    }
}
