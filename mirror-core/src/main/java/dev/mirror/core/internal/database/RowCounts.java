package dev.mirror.core.internal.database;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.metadata.MetadataRow;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Counts the rows of mirror tables (for status): one catalog query, then one COUNT per table that exists. */
public final class RowCounts {
    private RowCounts() {
    }

    public static Map<String, Long> of(TargetDatabase db, List<MetadataRow> rows) {
        TargetDialect d = db.dialect();
        Map<String, Long> r = new HashMap<>();
        if (rows.isEmpty()) {
            return r;
        }
        db.inTransaction("counting mirror rows", true, c -> {
            Set<String> tables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            tables.addAll(d.catalog().listTables(c));
            for (MetadataRow row : rows) {
                String name = d.names().targetName(row.table());
                if (tables.contains(name)) {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + d.names().quote(name))) {
                        rs.next();
                        r.put(row.table(), rs.getLong(1));
                    }
                }
            }
            return null;
        });
        return r;
    }
}
