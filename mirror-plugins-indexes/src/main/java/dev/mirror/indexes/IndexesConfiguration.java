package dev.mirror.indexes;

import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.dialect.IndexDefinition.IndexColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code tables} subtree of the hook's configuration into {@link DeclaredIndexes}. Every
 * problem is recorded through {@link PluginConfig#problem} (core reports them all at once); an index with
 * a problem is left out, the others are kept.
 */
final class IndexesConfiguration {
    private static final String EXAMPLE =
            "e.g. tables: {contact: [{name: ix_contact_name, columns: [name, \"department desc\"]}]}";
    /** {@code column}, {@code column asc} or {@code column desc}. */
    private static final Pattern COLUMN = Pattern.compile("(?i)^\\s*(.+?)(?:\\s+(asc|desc))?\\s*$");

    private IndexesConfiguration() {
    }

    static DeclaredIndexes read(PluginConfig config) {
        Optional<PluginConfig> tables = config.child("tables");
        if (tables.isEmpty()) {
            config.problem("tables", "is required: a map from table name to the list of its indexes, " + EXAMPLE);
            return new DeclaredIndexes(Map.of());
        }
        PluginConfig t = tables.get();
        Map<String, Object> raw = t.raw();
        if (raw.isEmpty()) {
            config.problem("tables", "declares no table; declare the indexes to keep per table, " + EXAMPLE);
        }
        Map<String, List<IndexDefinition>> result = new LinkedHashMap<>();
        Map<String, String> indexOwners = new HashMap<>();
        Set<String> tableNames = new HashSet<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            String table = e.getKey();
            if (table.isBlank()) {
                t.problem(table, "a table name is blank");
                continue;
            }
            if (!tableNames.add(table.toLowerCase(Locale.ROOT))) {
                t.problem(table, "table is declared twice (table names are matched case-insensitively); merge its indexes into one list");
                continue;
            }
            List<PluginConfig> indexes = t.children(table);
            List<Map<?, ?>> rawIndexes = rawMaps(e.getValue());
            if (e.getValue() instanceof List<?> l && l.isEmpty()) {
                t.problem(table, "declares no index; remove the table or list its indexes, " + EXAMPLE);
            }
            List<IndexDefinition> defs = new ArrayList<>();
            for (int i = 0; i < indexes.size(); i++) {
                Object rawColumns = rawIndexes.size() == indexes.size() ? rawIndexes.get(i).get("columns") : null;
                readIndex(indexes.get(i), rawColumns).ifPresent(def -> {
                    String owner = indexOwners.putIfAbsent(def.name().toLowerCase(Locale.ROOT), table);
                    if (owner != null) {
                        // PostgreSQL and H2 keep index names per schema, not per table: a second index of the
                        // same name could never be built there, so it is refused everywhere.
                        t.problem(table, "index name '" + def.name() + "' is already declared"
                                + (owner.equals(table) ? "" : " on table '" + owner + "'")
                                + "; index names must be unique (case-insensitively) across all tables");
                    } else {
                        defs.add(def);
                    }
                });
            }
            result.put(table, defs);
        }
        return new DeclaredIndexes(result);
    }

    private static Optional<IndexDefinition> readIndex(PluginConfig ix, Object rawColumns) {
        String name = ix.requiredString("name").trim();
        boolean ok = true;
        if (name.isEmpty()) {
            if (ix.string("name").isPresent()) {
                ix.problem("name", "is blank; give the index a name");
            }
            ok = false;
        }
        List<IndexColumn> columns = readColumns(ix, rawColumns);
        boolean unique = ix.bool("unique", false);
        List<String> include = new ArrayList<>();
        for (String c : ix.strings("include")) {
            if (c.isBlank()) {
                ix.problem("include", "contains a blank column name");
                ok = false;
            } else {
                include.add(c.trim());
            }
        }
        String filter = ix.string("filter").map(String::trim).orElse(null);
        if (filter != null && filter.isEmpty()) {
            ix.problem("filter", "is blank; remove it or give a predicate in the target's SQL, e.g. \"deleted = 0\"");
            ok = false;
        }
        if (columns == null) {
            return Optional.empty();
        }
        Set<String> keys = new HashSet<>();
        for (IndexColumn c : columns) {
            if (!keys.add(c.name().toLowerCase(Locale.ROOT))) {
                ix.problem("columns", "names column '" + c.name() + "' twice");
                ok = false;
            }
        }
        for (String c : include) {
            if (keys.contains(c.toLowerCase(Locale.ROOT))) {
                ix.problem("include", "column '" + c + "' is already a key column of the index; remove it from include");
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new IndexDefinition(name, columns, unique, include, filter));
    }

    /** Key columns, or null (with a recorded problem) when they are missing or malformed. */
    private static List<IndexColumn> readColumns(PluginConfig ix, Object rawColumns) {
        boolean anyMap = rawColumns instanceof List<?> l && l.stream().anyMatch(o -> o instanceof Map);
        boolean allMaps = rawColumns instanceof List<?> l2 && !l2.isEmpty() && l2.stream().allMatch(o -> o instanceof Map);
        List<IndexColumn> columns = new ArrayList<>();
        if (anyMap && !allMaps) {
            ix.strings("columns"); // read through the typed accessor so the key is not also reported as unknown
            ix.problem("columns", "mixes plain names and maps; write either [name, \"department desc\"] or "
                    + "[{name: name}, {name: department, descending: true}]");
            return null;
        }
        if (allMaps) {
            for (PluginConfig c : ix.children("columns")) {
                String n = c.requiredString("name").trim();
                boolean descending = c.bool("descending", false);
                if (n.isEmpty()) {
                    return null;
                }
                columns.add(new IndexColumn(n, descending));
            }
        } else {
            for (String s : ix.strings("columns")) {
                Matcher m = COLUMN.matcher(s);
                if (s.isBlank() || !m.matches()) {
                    ix.problem("columns", "contains a blank column name");
                    return null;
                }
                columns.add(new IndexColumn(m.group(1), "desc".equalsIgnoreCase(m.group(2))));
            }
        }
        if (columns.isEmpty()) {
            ix.problem("columns", "is required: list the key columns in order, e.g. columns: [name, \"department desc\"]");
            return null;
        }
        return columns;
    }

    private static List<Map<?, ?>> rawMaps(Object value) {
        List<Map<?, ?>> maps = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    maps.add(m);
                }
            }
        }
        return maps;
    }
}
