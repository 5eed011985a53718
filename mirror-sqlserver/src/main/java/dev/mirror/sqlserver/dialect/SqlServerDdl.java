package dev.mirror.sqlserver.dialect;

import static dev.mirror.sqlserver.common.SqlServerNames.literal;
import static dev.mirror.sqlserver.common.SqlServerNames.quote;

import dev.mirror.sqlserver.common.SqlServerNames;
import dev.mirror.sqlserver.common.SqlServerTypes;
import dev.mirror.api.model.Column;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.dialect.support.StandardDdl;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the SQL Server DDL of mirror tables. Names are target names; no schema prefix (tables live in the
 * login's default schema). Constraints (primary key, defaults) are left unnamed: SQL Server then generates
 * a unique name, which matters because constraint names are schema-wide and a shadow table created for a
 * repopulation must not collide with the table it replaces.
 */
final class SqlServerDdl extends StandardDdl {
    SqlServerDdl(Set<Capability> capabilities, DialectNames names, DialectTypes types) {
        super(SqlServerDialectProvider.NAME, capabilities, names, types);
    }

    /** {@code [c] type NULL|NOT NULL [DEFAULT ..]}: SQL Server's order, nullability always spelled out. */
    @Override
    protected String columnDefinition(Column c, boolean nullable) {
        StringBuilder b = new StringBuilder(column(c.name())).append(' ').append(types.columnType(c.type()))
                .append(nullable ? " NULL" : " NOT NULL");
        types.defaultClause(c).ifPresent(d -> b.append(' ').append(d));
        return b.toString();
    }

    /**
     * {@code EXEC sp_rename N'from', N'to', N'OBJECT'}. sp_rename parses {@code @objname} as an object name, so it
     * is passed bare when it is a regular identifier ("Quotation marks are only necessary if a qualified object is
     * specified") and delimited otherwise; {@code @newname} is taken literally as the new one-part name
     * (https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-rename-transact-sql).
     */
    @Override
    public String renameTable(String from, String to) {
        return "EXEC sp_rename " + literal(SqlServerNames.objectNamePart(from)) + ", " + literal(SqlServerNames.validate(to))
                + ", N'OBJECT'";
    }

    /**
     * {@code EXEC sp_rename N'table.index', N'new', N'INDEX'}: an index is named as {@code table.index} (same page,
     * "If the object to be renamed is an index, object_name must be in the form table.index"). Index names are
     * unique per table in SQL Server, not per schema, so this is only needed for core's rename after a swap.
     */
    @Override
    public String renameIndex(String table, String from, String to) {
        return "EXEC sp_rename " + literal(SqlServerNames.objectNamePart(table) + "." + SqlServerNames.objectNamePart(from))
                + ", " + literal(SqlServerNames.validate(to)) + ", N'INDEX'";
    }

    /**
     * Adds a column. A NOT NULL column is added NOT NULL only with a default (SQL Server fills existing rows
     * with it); without one it is added NULL, since the rows already in the mirror have no value for it.
     */
    @Override
    public List<String> addColumn(String table, Column column) {
        Optional<String> def = types.defaultClause(column);
        boolean notNull = !column.nullable() && def.isPresent();
        StringBuilder b = new StringBuilder("ALTER TABLE ").append(quote(table)).append(" ADD ")
                .append(column(column.name())).append(' ').append(types.columnType(column.type()))
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

    @Override
    public String dropColumn(String table, String column) {
        return dropDefaultConstraint(table, column) + "; ALTER TABLE " + quote(table) + " DROP COLUMN " + quote(column);
    }

    /** Widening in place: drop the default, ALTER COLUMN, put the default back. */
    @Override
    public List<String> alterColumn(String table, Column from, Column to) {
        String col = names.targetName(to.name());
        List<String> r = new ArrayList<>();
        r.add(dropDefaultConstraint(table, col));
        r.add("ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(col) + " " + SqlServerTypes.ddlType(to.type())
                + (to.nullable() ? " NULL" : " NOT NULL"));
        types.defaultClause(to).ifPresent(d -> r.add("ALTER TABLE " + quote(table) + " ADD " + d + " FOR " + quote(col)));
        return r;
    }

    /**
     * A nonclustered index ({@code INCLUDE} and {@code WHERE} as standard). The filter is the user's own configuration
     * text in SQL Server syntax (it cannot be quoted: it is a predicate); it never comes from the source.
     */
    @Override
    protected String indexKind() {
        return "NONCLUSTERED INDEX ";
    }
}
