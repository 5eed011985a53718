package dev.mirror.h2;

import dev.mirror.api.MirrorException;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.model.Column;
import dev.mirror.dialect.support.StandardDdl;
import java.util.List;
import java.util.Set;

/** H2's DDL: the standard forms (ALTER COLUMN included), and indexes without included columns or filters. */
final class H2Ddl extends StandardDdl {
    H2Ddl(Set<Capability> capabilities, DialectNames names, DialectTypes types) {
        super("h2", capabilities, names, types);
    }

    /** The SQL standard's forms ({@link #standardAlterColumn}), which H2 follows. */
    @Override
    public List<String> alterColumn(String table, Column from, Column to) {
        return standardAlterColumn(table, from, to);
    }

    /** H2 indexes have neither included columns nor filters: asking for them is a configuration error. */
    @Override
    public String createIndex(String table, IndexDefinition index) {
        if (!index.include().isEmpty()) {
            throw MirrorException.configuration("INDEX_INCLUDE_UNSUPPORTED", "index '" + index.name() + "' on '" + table
                    + "' has included columns " + index.include() + ", which H2 does not support; remove 'include' "
                    + "or add those columns to the key columns");
        }
        if (index.filter() != null) {
            throw MirrorException.configuration("INDEX_FILTER_UNSUPPORTED", "index '" + index.name() + "' on '" + table
                    + "' has a filter, which H2 does not support; remove 'filter' to index all rows");
        }
        return super.createIndex(table, index);
    }
}
