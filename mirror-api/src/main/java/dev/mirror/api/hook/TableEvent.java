package dev.mirror.api.hook;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.SchemaAction;

/**
 * An event about one table.
 *
 * @param context the context and target
 * @param table   the source table name
 * @param schema  the table's source schema; null for a dropped table
 * @param action  what reconciliation did this cycle (for {@code onTableReconciled}); {@code NONE} otherwise
 * @param reason  why, in words; never null
 */
public record TableEvent(HookContext context, String table, TableSchema schema, SchemaAction action, String reason) {
    public TableEvent {
        requireNonNull(context, "context is null");
        requireNonNull(table, "table is null");
        requireNonNull(action, "action is null");
        requireNonNull(reason, "reason is null");
    }
}
