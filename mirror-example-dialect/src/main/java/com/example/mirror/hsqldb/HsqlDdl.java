package com.example.mirror.hsqldb;

import dev.mirror.api.MirrorException;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.model.Column;
import dev.mirror.dialect.support.StandardDdl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** HSQLDB's DDL: the standard forms, HSQLDB's own ALTER COLUMN, and indexes without included columns or filters. */
final class HsqlDdl extends StandardDdl {
    HsqlDdl(Set<Capability> capabilities, DialectNames names, DialectTypes types) {
        super("hsqldb", capabilities, names, types);
    }

    /**
     * SET DATA TYPE keeps the column's nullability and default in HSQLDB; nullability and default are changed by
     * their own statements. Narrowing is not refused here: HSQLDB fails the statement when data does not fit, and
     * core then recreates the table.
     */
    @Override
    public List<String> alterColumn(String table, Column from, Column to) {
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

    /** HSQLDB indexes have neither included columns nor filters: asking for them is a configuration error. */
    @Override
    public String createIndex(String table, IndexDefinition index) {
        if (!index.include().isEmpty()) {
            throw MirrorException.configuration("INDEX_INCLUDE_UNSUPPORTED", "index '" + index.name() + "' on '" + table
                    + "' has included columns " + index.include() + ", which HSQLDB does not support; remove 'include' "
                    + "or add those columns to the key columns");
        }
        if (index.filter() != null) {
            throw MirrorException.configuration("INDEX_FILTER_UNSUPPORTED", "index '" + index.name() + "' on '" + table
                    + "' has a filter, which HSQLDB does not support; remove 'filter' to index all rows");
        }
        return super.createIndex(table, index);
    }
}
