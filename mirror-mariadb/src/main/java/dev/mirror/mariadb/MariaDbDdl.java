package dev.mirror.mariadb;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import dev.mirror.dialect.support.StandardDdl;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The DDL statements (the {@code ddl()} concern): the standard forms of {@link StandardDdl}, with what MariaDB does
 * differently. Every table is InnoDB (transactional, so that LOAD DATA and the apply commit with core's LSN) with
 * utf8mb4 and the configured collation as its defaults; columns state NULL explicitly; a key column InnoDB cannot index
 * is refused clearly; renames use MariaDB's {@code RENAME TABLE} and {@code ALTER TABLE .. RENAME INDEX}; a column
 * change is one {@code MODIFY COLUMN}. MariaDB commits implicitly before and after every DDL statement; core runs DDL in
 * its own transactions, so this only matters for the shadow swap ({@link MariaDbDialect#swapShadow}). Included columns
 * and filtered indexes are refused (MariaDB has neither). Stateless; thread-safe.
 */
final class MariaDbDdl extends StandardDdl {
    private final String collation;

    /**
     * @param collation the tables' default collation, e.g. {@code utf8mb4_uca1400_as_ci}; already validated (a name
     *                  made of letters, digits and underscores) by the dialect
     */
    MariaDbDdl(Set<Capability> capabilities, DialectNames names, DialectTypes types, String collation) {
        super(MariaDbDialectProvider.NAME, capabilities, names, types);
        this.collation = requireNonNull(collation, "collation is null");
    }

    /** The clause after a table's column list (the stages of the apply use it too). */
    @Override
    protected String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=" + collation;
    }

    /** NULL stated explicitly, so that a column reads the same whatever the server's defaults for a type are. */
    @Override
    protected String columnDefinition(Column c, boolean nullable) {
        return super.columnDefinition(c, nullable) + (nullable ? " NULL" : "");
    }

    /**
     * One {@code CREATE TABLE} with the columns, their defaults and NOT NULL, and the primary key.
     *
     * @throws MirrorException (CONFIGURATION, {@code KEY_TOO_LONG}) when a key column maps to text or blob (character
     *                         columns over 768 characters, binary over 3,072 bytes): InnoDB cannot index them whole
     */
    @Override
    public List<String> createTable(String table, TableSchema schema) {
        for (String k : schema.primaryKey()) {
            Column key = schema.column(k).orElseThrow();
            if (!MariaDbTypes.indexable(key.type())) {
                throw MirrorException.configuration("KEY_TOO_LONG", "table '" + schema.name() + "': key column '" + key.name()
                        + "' is " + key.type() + ", which MariaDB stores as " + MariaDbTypes.columnType(key.type())
                        + " and InnoDB cannot index whole (its key limit is 3072 bytes: " + MariaDbTypes.MAX_VARCHAR
                        + " utf8mb4 characters); block the table or mirror it to another target");
            }
        }
        return super.createTable(table, schema);
    }

    @Override
    public String renameTable(String from, String to) {
        return "RENAME TABLE " + names.quote(from) + " TO " + names.quote(to);
    }

    @Override
    public String renameIndex(String table, String from, String to) {
        return "ALTER TABLE " + names.quote(table) + " RENAME INDEX " + names.quote(from) + " TO " + names.quote(to);
    }

    /**
     * {@code ALTER TABLE t MODIFY COLUMN c <type> [DEFAULT d] NULL|NOT NULL}: MODIFY restates the whole column, so the
     * default and nullability are always given. Empty when nothing differs in MariaDB (e.g. {@code varchar(max)} →
     * {@code ntext}: both {@code longtext}). Widening varchar to text in place keeps the values.
     */
    @Override
    public List<String> alterColumn(String table, Column from, Column to) {
        Optional<String> oldDefault = types.defaultClause(from);
        Optional<String> newDefault = types.defaultClause(to);
        String type = types.columnType(to.type());
        if (types.columnType(from.type()).equals(type) && from.nullable() == to.nullable()
                && Objects.equals(oldDefault, newDefault)) {
            return List.of();
        }
        return List.of("ALTER TABLE " + names.quote(table) + " MODIFY COLUMN " + columnDefinition(to, to.nullable()));
    }
}
