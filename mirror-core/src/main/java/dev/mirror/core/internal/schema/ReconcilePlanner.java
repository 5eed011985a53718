package dev.mirror.core.internal.schema;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.api.dialect.TargetDialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a table's new source schema with the mirror table as it really is in the target (introspected) and
 * with the source schema recorded last time, and decides: create; add / drop / widen in place; otherwise drop,
 * recreate and repopulate (SPEC "Schema changes"). Pure: no I/O, so every decision is a unit-testable case.
 *
 * <p>The plan is computed against the target's real columns, so it is idempotent: if a crash hit after the DDL
 * but before the new hash was recorded, the next cycle finds nothing left to do but record the hash.
 */
public final class ReconcilePlanner {
    private final TargetDialect dialect;

    public ReconcilePlanner(TargetDialect dialect) {
        this.dialect = java.util.Objects.requireNonNull(dialect, "dialect is null");
    }

    /**
     * @param next     the source schema now
     * @param previous the source schema recorded with the last successful reconciliation, or null when unknown
     * @param actual   the mirror table's columns as the target has them, or empty when the table does not exist
     */
    public ReconcilePlan plan(TableSchema next, TableSchema previous, Optional<List<TargetColumn>> actual) {
        if (actual.isEmpty()) {
            return ReconcilePlan.create(previous == null ? "new table" : "table missing from the mirror (dropped by hand?)");
        }
        if (previous == null) {
            return ReconcilePlan.recreate("no recorded schema for an existing mirror table (metadata row missing): rebuild to be sure");
        }
        if (!sameKey(previous, next)) {
            return ReconcilePlan.recreate("primary key changed from " + previous.primaryKey() + " to " + next.primaryKey());
        }
        Map<String, TargetColumn> byName = new HashMap<>();
        for (TargetColumn c : actual.get()) {
            byName.put(c.name().toLowerCase(Locale.ROOT), c);
        }
        List<ReconcilePlan.Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Column col : next.columns()) {
            String targetName = dialect.names().targetName(col.name());
            TargetColumn have = byName.remove(targetName.toLowerCase(Locale.ROOT));
            Column before = previous.column(col.name()).orElse(null);
            if (have == null) {
                steps.add(new ReconcilePlan.Add(col));
                notes.add("add " + col.name() + " " + col.type());
                continue;
            }
            if (before == null) {
                return ReconcilePlan.recreate("column " + col.name() + " exists in the mirror but not in the recorded schema");
            }
            if (next.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(col.name())) && !before.type().equals(col.type())) {
                return ReconcilePlan.recreate("key column " + col.name() + " changed type from " + before.type() + " to " + col.type());
            }
            if (before.nullable() && !col.nullable()) {
                return ReconcilePlan.recreate("column " + col.name() + " changed from NULL to NOT NULL");
            }
            boolean typeDiffers = !have.nativeType().equalsIgnoreCase(dialect.types().columnType(col.type()));
            boolean nullChange = !before.nullable() && col.nullable() && !have.nullable();
            if (!typeDiffers && !nullChange) {
                continue;
            }
            if (!Widening.isWidening(before, col)) {
                return ReconcilePlan.recreate("column " + col.name() + " changed from " + before.type()
                        + " to " + col.type() + ": not a widening in the same type family");
            }
            if (!dialect.capabilities().contains(Capability.ALTER_COLUMN)) {
                return ReconcilePlan.recreate("column " + col.name() + " widened from " + before.type() + " to " + col.type()
                        + " but the " + dialect.name() + " target cannot alter columns in place");
            }
            steps.add(new ReconcilePlan.Widen(before, col));
            notes.add("widen " + col.name() + " " + before.type() + (before.nullable() ? "" : " NOT NULL")
                    + " -> " + col.type() + (col.nullable() ? "" : " NOT NULL"));
        }
        for (TargetColumn extra : byName.values()) {
            if (isKeyInTarget(previous, extra.name())) {
                return ReconcilePlan.recreate("key column " + extra.name() + " removed");
            }
            steps.add(new ReconcilePlan.Drop(extra.name()));
            notes.add("drop " + extra.name());
        }
        if (steps.isEmpty()) {
            return new ReconcilePlan(ReconcilePlan.Kind.NONE, "schema hash changed but the mirror table already matches"
                    + " (the difference is not visible in the target, e.g. a default)", List.of());
        }
        return new ReconcilePlan(ReconcilePlan.Kind.ALTER, String.join(", ", notes), steps);
    }

    private boolean isKeyInTarget(TableSchema previous, String targetColumn) {
        for (String k : previous.primaryKey()) {
            if (dialect.names().targetName(k).equalsIgnoreCase(targetColumn)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameKey(TableSchema a, TableSchema b) {
        if (a.primaryKey().size() != b.primaryKey().size()) {
            return false;
        }
        for (int i = 0; i < a.primaryKey().size(); i++) {
            if (!a.primaryKey().get(i).equalsIgnoreCase(b.primaryKey().get(i))) {
                return false;
            }
        }
        return true;
    }
}
