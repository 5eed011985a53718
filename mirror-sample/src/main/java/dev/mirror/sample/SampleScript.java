package dev.mirror.sample;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scripted sequence of the sample source: which schema events happen at which step, and which tables
 * receive row changes. Pure functions of (table, step); see the module README for the table of steps.
 */
final class SampleScript {
    /** The last step that changes anything; later steps are quiet. */
    static final int LAST_STEP = 7;

    static final int ADDED_COLUMN_STEP = 3;
    static final int WIDENED_STEP = 4;
    static final int DROPPED_TABLE_STEP = 5;
    static final int RECREATED_TABLE_STEP = 6;

    static final String ADDED_COLUMN = "x_loyalty_tier";
    static final String DROPPED_TABLE = "text";
    static final String RECREATED_TABLE = "project";
    static final String RETYPED_COLUMN = "project_number";

    private static final Map<Integer, Set<String>> TOUCHED = Map.of(
            2, Set.of("contact", "person", "appointment", "sale", "text", "credentials", "countervalue",
                    "travelgeneratedtransaction"),
            3, Set.of("contact", "person", "appointment"),
            4, Set.of("person", "sale", "udcontactsmall"),
            5, Set.of("contact", "project", "appointment"),
            6, Set.of("project", "sale", "person"));

    private static final Map<String, Integer> BASE_COUNTS = Map.ofEntries(
            Map.entry("contact", 2000), Map.entry("person", 5000), Map.entry("appointment", 6000),
            Map.entry("sale", 2000), Map.entry("project", 300), Map.entry("associate", 100), Map.entry("text", 3000),
            Map.entry("udcontactsmall", 2000), Map.entry("credentials", 50), Map.entry("countervalue", 200),
            Map.entry("travelgeneratedtransaction", 500));

    private SampleScript() {
    }

    /** The table's schema at {@code step}, or empty when the table does not exist then. */
    static Optional<TableSchema> schema(TableSchema base, int step) {
        String name = base.name();
        if (name.equals(DROPPED_TABLE) && step >= DROPPED_TABLE_STEP) {
            return Optional.empty();
        }
        List<Column> cols = new ArrayList<>(base.columns());
        if (name.equals("contact") && step >= ADDED_COLUMN_STEP) {
            cols.add(Column.of(ADDED_COLUMN, SqlType.ofLength(SqlServerType.NVARCHAR, 20), true));
        }
        if (step >= WIDENED_STEP) {
            replace(cols, name, "person", "firstname", SqlType.ofLength(SqlServerType.NVARCHAR, 200));
            replace(cols, name, "udcontactsmall", "long01", SqlType.of(SqlServerType.BIGINT));
        }
        if (step >= RECREATED_TABLE_STEP) {
            // The seed's case: dropped and re-created in the source with a same-named column turned from a
            // character type into datetime (a type-family change: the mirror must recreate and repopulate).
            replace(cols, name, RECREATED_TABLE, RETYPED_COLUMN, SqlType.of(SqlServerType.DATETIME));
        }
        return Optional.of(new TableSchema(name, cols, base.primaryKey()));
    }

    private static void replace(List<Column> cols, String table, String wantedTable, String column, SqlType type) {
        if (!table.equals(wantedTable)) {
            return;
        }
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(column)) {
                cols.set(i, cols.get(i).withType(type));
            }
        }
    }

    /** Whether the table's rows change at {@code step} (step 1 is the initial load, not a change). */
    static boolean touches(String table, int step) {
        if (step < 2 || step > LAST_STEP) {
            return false;
        }
        Set<String> named = TOUCHED.get(step);
        if (named != null && named.contains(table)) {
            return true;
        }
        // Outside the core set (tables: all), a tenth of the tables change at each of steps 2..6.
        return !BASE_COUNTS.containsKey(table) && step < LAST_STEP
                && Math.floorMod(Hashing.mix(Hashing.seed(table) + step), 10) == 0;
    }

    /** Rows at step 1 with scale 1. */
    static int baseCount(String table) {
        Integer n = BASE_COUNTS.get(table);
        return n != null ? n : 10 + (int) Math.floorMod(Hashing.mix(Hashing.seed(table)), 40);
    }
}
