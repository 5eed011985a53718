package dev.mirror.mariadb;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The DDL statements (the {@code ddl()} concern). Every table is InnoDB (transactional, so that LOAD DATA and the apply
 * commit with core's LSN) with utf8mb4 and the configured collation as its defaults. MariaDB commits implicitly before
 * and after every DDL statement; core runs DDL in its own transactions, so this only matters for the shadow swap
 * ({@link MariaDbDialect#swapShadow}).
 */
final class MariaDbDdl implements dev.mirror.api.dialect.DialectDdl {
    private final MariaDbNames names;
    private final String collation;

    /**
     * @param collation the tables' default collation, e.g. {@code utf8mb4_uca1400_as_ci}; already validated (a name
     *                  made of letters, digits and underscores) by the provider
     */
    MariaDbDdl(MariaDbNames names, String collation) {
        this.names = requireNonNull(names, "names is null");
        this.collation = requireNonNull(collation, "collation is null");
    }

    String collation() {
        return collation;
    }

    /** The clause after a table's column list. */
    String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=" + collation;
    }

    Optional<String> defaultClause(Column column) {
        return MariaDbDefaults.render(column).map(d -> "DEFAULT " + d);
    }

    /**
     * One {@code CREATE TABLE} with the columns, their defaults and NOT NULL, and the primary key.
     *
     * @throws MirrorException (CONFIGURATION, {@code KEY_TOO_LONG}) when a key column maps to text or blob (character
     *                         columns over 768 characters, binary over 3,072 bytes): InnoDB cannot index them whole
     */
    @Override
    public List<String> createTable(String table, TableSchema schema) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(names.quote(table)).append(" (");
        for (Column c : schema.columns()) {
            b.append(names.quote(names.targetName(c.name()))).append(' ').append(MariaDbTypes.columnType(c.type()));
            defaultClause(c).ifPresent(d -> b.append(' ').append(d));
            b.append(c.nullable() ? " NULL" : " NOT NULL").append(", ");
        }
        b.append("PRIMARY KEY (");
        for (int i = 0; i < schema.primaryKey().size(); i++) {
            Column key = schema.column(schema.primaryKey().get(i)).orElseThrow();
            if (!MariaDbTypes.indexable(key.type())) {
                throw MirrorException.configuration("KEY_TOO_LONG", "table '" + schema.name() + "': key column '" + key.name()
                        + "' is " + key.type() + ", which MariaDB stores as " + MariaDbTypes.columnType(key.type())
                        + " and InnoDB cannot index whole (its key limit is 3072 bytes: " + MariaDbTypes.MAX_VARCHAR
                        + " utf8mb4 characters); block the table or mirror it to another target");
            }
            b.append(i == 0 ? "" : ", ").append(names.quote(names.targetName(key.name())));
        }
        return List.of(b.append("))").append(tableOptions()).toString());
    }

    @Override
    public String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + names.quote(table);
    }

    @Override
    public String renameTable(String from, String to) {
        return "RENAME TABLE " + names.quote(from) + " TO " + names.quote(to);
    }

    @Override
    public String renameIndex(String table, String from, String to) {
        return "ALTER TABLE " + names.quote(table) + " RENAME INDEX " + names.quote(from) + " TO " + names.quote(to);
    }

    /** Adds the column with its default; NOT NULL only when a default fills the existing rows. */
    @Override
    public List<String> addColumn(String table, Column column) {
        Optional<String> def = defaultClause(column);
        return List.of("ALTER TABLE " + names.quote(table) + " ADD COLUMN " + names.quote(names.targetName(column.name()))
                + " " + MariaDbTypes.columnType(column.type()) + def.map(d -> " " + d).orElse("")
                + (!column.nullable() && def.isPresent() ? " NOT NULL" : " NULL"));
    }

    @Override
    public String dropColumn(String table, String column) {
        return "ALTER TABLE " + names.quote(table) + " DROP COLUMN " + names.quote(column);
    }

    /**
     * {@code ALTER TABLE t MODIFY COLUMN c <type> [DEFAULT d] NULL|NOT NULL}: MODIFY restates the whole column, so the
     * default and nullability are always given. Empty when nothing differs in MariaDB (e.g. {@code varchar(max)} →
     * {@code ntext}: both {@code longtext}). Widening varchar to text in place keeps the values.
     */
    @Override
    public List<String> alterColumn(String table, Column from, Column to) {
        Optional<String> oldDefault = MariaDbDefaults.render(from);
        Optional<String> newDefault = MariaDbDefaults.render(to);
        String type = MariaDbTypes.columnType(to.type());
        if (MariaDbTypes.columnType(from.type()).equals(type) && from.nullable() == to.nullable()
                && Objects.equals(oldDefault, newDefault)) {
            return List.of();
        }
        return List.of("ALTER TABLE " + names.quote(table) + " MODIFY COLUMN " + names.quote(names.targetName(to.name()))
                + " " + type + newDefault.map(d -> " DEFAULT " + d).orElse("") + (to.nullable() ? " NULL" : " NOT NULL"));
    }

    /** DELETE rather than TRUNCATE: TRUNCATE is DDL in MariaDB and would commit core's transaction. */
    @Override
    public String truncateTable(String table) {
        return "DELETE FROM " + names.quote(table);
    }

    /** {@code CREATE [UNIQUE] INDEX `i` ON `t` (`a` ASC, ..)}; MariaDB has neither included columns nor filtered indexes. */
    @Override
    public String createIndex(String table, dev.mirror.api.dialect.IndexDefinition index) {
        if (!index.include().isEmpty() || index.filter() != null) {
            throw dev.mirror.api.MirrorException.configuration("INDEX_UNSUPPORTED", "index " + index.name()
                    + ": the mariadb target supports neither included columns nor filtered indexes; remove 'include' and 'filter'");
        }
        StringBuilder b = new StringBuilder("CREATE ").append(index.unique() ? "UNIQUE " : "").append("INDEX ")
                .append(names.quote(index.name())).append(" ON ").append(names.quote(table)).append(" (");
        for (int i = 0; i < index.columns().size(); i++) {
            dev.mirror.api.dialect.IndexDefinition.IndexColumn c = index.columns().get(i);
            b.append(i == 0 ? "" : ", ").append(names.quote(c.name())).append(c.descending() ? " DESC" : " ASC");
        }
        return b.append(')').toString();
    }
}
