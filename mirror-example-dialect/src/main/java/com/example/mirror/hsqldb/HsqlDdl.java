package com.example.mirror.hsqldb;

import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.model.Column;
import dev.mirror.dialect.support.StandardDdl;
import java.util.List;
import java.util.Set;

/**
 * HSQLDB's DDL: the standard forms of {@link StandardDdl}, which HSQLDB follows, including its ALTER COLUMN. Indexes
 * with included columns or a filter are refused by {@link StandardDdl#createIndex}, as the capabilities have neither.
 */
final class HsqlDdl extends StandardDdl {
    HsqlDdl(Set<Capability> capabilities, DialectNames names, DialectTypes types) {
        super("hsqldb", capabilities, names, types);
    }

    /** HSQLDB's ALTER COLUMN is the SQL standard's ({@code SET DATA TYPE}, {@code SET DEFAULT}, {@code SET NOT NULL}). */
    @Override
    public List<String> alterColumn(String table, Column from, Column to) {
        return standardAlterColumn(table, from, to);
    }
}
