package dev.mirror.superoffice;

import dev.mirror.api.model.TableSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the endpoint remembers of one tenant's current cycle: the tables its last TableSchema call
 * announced (RowData and Wipe are accepted only for those) and the tables whose batch failed this cycle
 * (their later batches are refused, so a final batch can never advance the LSN past rows that were not
 * applied; SuperOffice resends them next cycle from the unchanged LSN).
 */
final class TenantState {
    private volatile Map<String, TableSchema> announced = Map.of();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    /** A new cycle: the announced tables replace the previous ones; failures are forgotten. */
    void announce(List<TableSchema> tables) {
        Map<String, TableSchema> m = new HashMap<>();
        for (TableSchema t : tables) {
            m.put(key(t.name()), t);
        }
        announced = Map.copyOf(m);
        failed.clear();
    }

    Optional<TableSchema> table(String name) {
        return Optional.ofNullable(announced.get(key(name)));
    }

    void markFailed(String table) {
        failed.add(key(table));
    }

    boolean failedThisCycle(String table) {
        return failed.contains(key(table));
    }

    /** The cycle ended (ReplicationCompleted). */
    void completed() {
        failed.clear();
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
