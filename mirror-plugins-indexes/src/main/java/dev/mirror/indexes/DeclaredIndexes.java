package dev.mirror.indexes;

import dev.mirror.api.dialect.IndexDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The indexes the configuration declares, per source table. Table names match case-insensitively, as
 * SQL Server's (default, case-insensitive) catalog does. Names inside the definitions are source names;
 * the hook maps them through the target's dialect.
 */
public final class DeclaredIndexes {
    private final Map<String, List<IndexDefinition>> byTable;

    /** @param byTable indexes per source table name (keys are matched case-insensitively) */
    public DeclaredIndexes(Map<String, List<IndexDefinition>> byTable) {
        Map<String, List<IndexDefinition>> copy = new LinkedHashMap<>();
        byTable.forEach((t, list) -> copy.put(t.toLowerCase(Locale.ROOT), List.copyOf(list)));
        this.byTable = Map.copyOf(copy);
    }

    /** The indexes declared for a source table; empty when it has none. */
    public List<IndexDefinition> forTable(String sourceTable) {
        return byTable.getOrDefault(sourceTable.toLowerCase(Locale.ROOT), List.of());
    }

    /** How many indexes are declared in all. */
    public int count() {
        return byTable.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public String toString() {
        return "DeclaredIndexes" + byTable;
    }
}
