package dev.mirror.sqlserver.target;

import static dev.mirror.sqlserver.target.SqlServerNames.literal;
import static dev.mirror.sqlserver.target.SqlServerNames.quote;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.target.IndexDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the SQL Server DDL of mirror tables. Names are target names; no schema prefix (tables live in the
 * login's default schema). Constraints (primary key, defaults) are left unnamed: SQL Server then generates
 * a unique name, which matters because constraint names are schema-wide and a shadow table created for a
 * repopulation must not collide with the table it replaces.
 */
final class SqlServerDdl {
    private static final Logger LOG = LoggerFactory.getLogger(SqlServerDdl.class);

    private final Function<String, String> targetName;

    SqlServerDdl(Function<String, String> targetName) {
        this.targetName = targetName;
    }

    /** {@code DEFAULT <expr>} for a column whose source default is a plain literal or known function. */
    Optional<String> defaultClause(Column column) {
        if (column.defaultExpression() == null) {
            return Optional.empty();
        }
        Optional<String> valid = SqlServerDefaults.validate(column.defaultExpression());
        if (valid.isEmpty()) {
            LOG.warn("Default of column '{}' is not a plain literal or known function ({}); the mirror column is created"
                    + " without it (the mirror receives every value, so it never needs the default)",
                    column.name(), column.defaultExpression());
        }
        return valid.map(v -> "DEFAULT " + v);
    }

    String columnDefinition(Column c) {
        StringBuilder b = new StringBuilder(quote(targetName.apply(c.name()))).append(' ')
                .append(SqlServerTypes.ddlType(c.type())).append(c.nullable() ? " NULL" : " NOT NULL");
        defaultClause(c).ifPresent(d -> b.append(' ').append(d));
        return b.toString();
    }

    List<String> createTable(String table, TableSchema schema) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(quote(table)).append(" (");
        for (Column c : schema.columns()) {
            b.append(columnDefinition(c)).append(", ");
        }
        b.append("PRIMARY KEY (");
        for (int i = 0; i < schema.primaryKey().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(quote(targetName.apply(schema.primaryKey().get(i))));
        }
        return List.of(b.append("))").toString());
    }

    String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + quote(table);
    }

    /** sp_rename parses its first argument as a (quoted) object name and takes the second literally. */
    String renameTable(String from, String to) {
        return "EXEC sp_rename " + literal(quote(from)) + ", " + literal(SqlServerNames.validate(to)) + ", N'OBJECT'";
    }

    /**
     * Adds a column. A NOT NULL column is added NOT NULL only with a default (SQL Server fills existing rows
     * with it); without one it is added NULL, since the rows already in the mirror have no value for it.
     */
    List<String> addColumn(String table, Column column) {
        Optional<String> def = defaultClause(column);
        boolean notNull = !column.nullable() && def.isPresent();
        StringBuilder b = new StringBuilder("ALTER TABLE ").append(quote(table)).append(" ADD ")
                .append(quote(targetName.apply(column.name()))).append(' ').append(SqlServerTypes.ddlType(column.type()))
                .append(notNull ? " NOT NULL" : " NULL");
        def.ifPresent(d -> b.append(' ').append(d));
        return List.of(b.toString());
    }

    /**
     * A batch that drops the column's (system-named) default constraint, if any. SQL Server refuses to drop
     * a column, or change its type, while a default is bound to it (ALTER TABLE: "the modified column can't
     * be ... associated with a default definition"), and the constraint name is generated, so it is looked
     * up in sys.default_constraints and dropped through dynamic SQL built with QUOTENAME.
     */
    String dropDefaultConstraint(String table, String column) {
        String objectName = literal(quote(table));
        return "DECLARE @df sysname; SELECT @df = dc.name FROM sys.default_constraints AS dc"
                + " JOIN sys.columns AS c ON c.object_id = dc.parent_object_id AND c.column_id = dc.parent_column_id"
                + " WHERE dc.parent_object_id = OBJECT_ID(" + objectName + ") AND c.name = "
                + literal(SqlServerNames.validate(column)) + ";"
                + " IF @df IS NOT NULL EXEC (" + literal("ALTER TABLE " + quote(table) + " DROP CONSTRAINT ")
                + " + QUOTENAME(@df))";
    }

    String dropColumn(String table, String column) {
        return dropDefaultConstraint(table, column) + "; ALTER TABLE " + quote(table) + " DROP COLUMN " + quote(column);
    }

    /** Widening in place: drop the default, ALTER COLUMN, put the default back. */
    List<String> alterColumn(String table, Column from, Column to) {
        String col = targetName.apply(to.name());
        List<String> r = new ArrayList<>();
        r.add(dropDefaultConstraint(table, col));
        r.add("ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(col) + " " + SqlServerTypes.ddlType(to.type())
                + (to.nullable() ? " NULL" : " NOT NULL"));
        defaultClause(to).ifPresent(d -> r.add("ALTER TABLE " + quote(table) + " ADD " + d + " FOR " + quote(col)));
        return r;
    }

    /**
     * A nonclustered index. The filter is the user's own configuration text in SQL Server syntax (it cannot
     * be quoted: it is a predicate); it never comes from the source.
     */
    String createIndex(String table, IndexDefinition index) {
        StringBuilder b = new StringBuilder("CREATE ").append(index.unique() ? "UNIQUE " : "").append("NONCLUSTERED INDEX ")
                .append(quote(index.name())).append(" ON ").append(quote(table)).append(" (");
        for (int i = 0; i < index.columns().size(); i++) {
            IndexDefinition.IndexColumn c = index.columns().get(i);
            b.append(i == 0 ? "" : ", ").append(quote(c.name())).append(c.descending() ? " DESC" : " ASC");
        }
        b.append(')');
        if (!index.include().isEmpty()) {
            b.append(" INCLUDE (");
            for (int i = 0; i < index.include().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(quote(index.include().get(i)));
            }
            b.append(')');
        }
        if (index.filter() != null && !index.filter().isBlank()) {
            b.append(" WHERE ").append(index.filter().trim());
        }
        return b.toString();
    }
}
