package dev.mirror.core.internal.schema;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.api.dialect.TargetDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a mirror table as the target really has it differs from the table core created for its recorded schema: changes
 * made by hand. {@link #mismatches()} are the ones that make loads or applies fail or lose data (a column dropped,
 * retyped or narrowed, made NOT NULL, or added NOT NULL): the table must be rebuilt. {@link #extras()} are nullable
 * columns added by hand: harmless, reported, and gone after the next repopulation. Pure: no I/O.
 */
public record TableDrift(List<String> mismatches, List<String> extras) {
    public TableDrift {
        mismatches = List.copyOf(mismatches);
        extras = List.copyOf(extras);
    }

    /** Compares the columns {@code dialect} would create for {@code schema} with the introspected {@code actual} ones. */
    public static TableDrift of(TableSchema schema, List<TargetColumn> actual, TargetDialect dialect) {
        Map<String, TargetColumn> byName = new LinkedHashMap<>();
        actual.forEach(c -> byName.put(c.name().toLowerCase(Locale.ROOT), c));
        List<String> mismatches = new ArrayList<>();
        for (Column col : schema.columns()) {
            String name = dialect.names().targetName(col.name());
            TargetColumn have = byName.remove(name.toLowerCase(Locale.ROOT));
            String expected = dialect.types().columnType(col.type());
            if (have == null) {
                mismatches.add("column " + name + " is missing");
            } else if (!have.nativeType().equalsIgnoreCase(expected)) {
                mismatches.add("column " + name + " is " + have.nativeType() + " instead of " + expected);
            } else if (col.nullable() && !have.nullable()) {
                mismatches.add("column " + name + " is NOT NULL instead of NULL");
            }
        }
        List<String> extras = new ArrayList<>();
        for (TargetColumn extra : byName.values()) {
            if (extra.nullable()) {
                extras.add(extra.name());
            } else {
                mismatches.add("column " + extra.name() + " was added NOT NULL (rows the mirror inserts lack it)");
            }
        }
        return new TableDrift(mismatches, extras);
    }

    /** True when the table must be rebuilt to hold the mirror again. */
    public boolean needsRebuild() {
        return !mismatches.isEmpty();
    }
}
