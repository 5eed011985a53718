package dev.mirror.postgresql;

import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.model.Column;
import dev.mirror.dialect.support.StandardDdl;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/** PostgreSQL's DDL: the standard forms plus fillfactor, one ALTER TABLE per column change, and TRUNCATE. */
final class PostgresDdl extends StandardDdl {
    private final IntSupplier fillFactor;

    /** @param fillFactor the fillfactor of new tables (100: PostgreSQL's default, no clause), read at each CREATE */
    PostgresDdl(Set<Capability> capabilities, DialectNames names, DialectTypes types, IntSupplier fillFactor) {
        super(PostgresDialectProvider.NAME, capabilities, names, types);
        this.fillFactor = fillFactor;
    }

    /**
     * Free space on every page lets an update put the new row version on the same page (a HOT update: no new index
     * entry). https://www.postgresql.org/docs/15/storage-hot.html
     */
    @Override
    protected String tableOptions() {
        int f = fillFactor.getAsInt();
        return f < 100 ? " WITH (fillfactor = " + f + ")" : "";
    }

    /**
     * One {@code ALTER TABLE} with the needed actions: {@code TYPE} when the PostgreSQL type differs (widening
     * within a family has an implicit cast, so no {@code USING} is needed), {@code DROP NOT NULL} /
     * {@code SET NOT NULL}, {@code SET DEFAULT} / {@code DROP DEFAULT}. Empty when nothing differs in PostgreSQL
     * (e.g. {@code varchar(max)} → {@code ntext}: both {@code text}). Note that PostgreSQL's cast from
     * {@code char(n)} to {@code varchar}/{@code text} drops trailing spaces, so widening {@code nchar} to
     * {@code nvarchar} in place trims the padding of existing values.
     */
    @Override
    public List<String> alterColumn(String table, Column from, Column to) {
        String col = column(to.name());
        List<String> actions = new ArrayList<>();
        if (!types.columnType(from.type()).equals(types.columnType(to.type()))) {
            actions.add("ALTER COLUMN " + col + " TYPE " + types.columnType(to.type()));
        }
        if (from.nullable() != to.nullable()) {
            actions.add("ALTER COLUMN " + col + (to.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
        }
        Optional<String> oldDefault = PostgresDefaults.translate(from);
        Optional<String> newDefault = PostgresDefaults.translate(to);
        if (!Objects.equals(oldDefault, newDefault)) {
            actions.add("ALTER COLUMN " + col + newDefault.map(d -> " SET DEFAULT " + d).orElse(" DROP DEFAULT"));
        }
        return actions.isEmpty() ? List.of() : List.of("ALTER TABLE " + names.quote(table) + " " + String.join(", ", actions));
    }

    /** TRUNCATE is transactional in PostgreSQL and, unlike DELETE, leaves no dead rows behind. */
    @Override
    public String truncateTable(String table) {
        return "TRUNCATE TABLE " + names.quote(table);
    }
}
