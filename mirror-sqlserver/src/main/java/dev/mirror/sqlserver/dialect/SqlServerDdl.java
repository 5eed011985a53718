package dev.mirror.sqlserver.dialect;

import static dev.mirror.sqlserver.dialect.SqlServerNames.literal;
import static dev.mirror.sqlserver.dialect.SqlServerNames.quote;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.ColumnDefault;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.IndexDefinition;
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
        Optional<ColumnDefault> value = column.defaultValue();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> rendered = SqlServerDefaults.render(value.get());
        if (rendered.isEmpty()) {
            LOG.warn("Default of column '{}' is not a plain literal or known function ({}); the mirror column is created"
                    + " without it (the mirror receives every value, so it never needs the default)",
                    column.name(), column.defaultExpression());
        }
        return rendered.map(v -> "DEFAULT " + v);
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

    /**
     * {@code EXEC sp_rename N'from', N'to', N'OBJECT'}. sp_rename parses {@code @objname} as an object name, so it
     * is passed bare when it is a regular identifier ("Quotation marks are only necessary if a qualified object is
     * specified") and delimited otherwise; {@code @newname} is taken literally as the new one-part name
     * (https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-rename-transact-sql).
     */
    String renameTable(String from, String to) {
        return "EXEC sp_rename " + literal(SqlServerNames.objectNamePart(from)) + ", " + literal(SqlServerNames.validate(to))
                + ", N'OBJECT'";
    }

    /**
     * {@code EXEC sp_rename N'table.index', N'new', N'INDEX'}: an index is named as {@code table.index} (same page,
     * "If the object to be renamed is an index, object_name must be in the form table.index"). Index names are
     * unique per table in SQL Server, not per schema, so this is only needed for core's rename after a swap.
     */
    String renameIndex(String table, String from, String to) {
        return "EXEC sp_rename " + literal(SqlServerNames.objectNamePart(table) + "." + SqlServerNames.objectNamePart(from))
                + ", " + literal(SqlServerNames.validate(to)) + ", N'INDEX'";
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
     * up in sys.default_constraints and dropped through dynamic SQL. The statement is built in a variable
     * first and run with {@code sp_executesql}: {@code EXEC ( ... )} accepts only string variables and literals
     * joined by {@code +}, never a function call such as {@code QUOTENAME(@df)}
     * (https://learn.microsoft.com/sql/t-sql/language-elements/execute-transact-sql, "@string_variable |
     * [N]'tsql_string'"; https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-executesql-transact-sql).
     */
    String dropDefaultConstraint(String table, String column) {
        String objectName = literal(SqlServerNames.bracketed(table)); // parsed by OBJECT_ID: the documented bracket form
        return "DECLARE @df sysname, @sql nvarchar(max); SELECT @df = dc.name FROM sys.default_constraints AS dc"
                + " JOIN sys.columns AS c ON c.object_id = dc.parent_object_id AND c.column_id = dc.parent_column_id"
                + " WHERE dc.parent_object_id = OBJECT_ID(" + objectName + ") AND c.name = "
                + literal(SqlServerNames.validate(column)) + ";"
                + " IF @df IS NOT NULL BEGIN SET @sql = " + literal("ALTER TABLE " + quote(table) + " DROP CONSTRAINT ")
                + " + QUOTENAME(@df); EXEC sp_executesql @sql; END";
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
