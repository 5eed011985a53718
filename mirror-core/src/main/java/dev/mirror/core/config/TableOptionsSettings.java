package dev.mirror.core.config;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.config.PluginConfig;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Core's reading of {@code options}: the options of every table ({@code options.default}), the tables that differ
 * ({@code options.tables.<table>}, each key given there replacing the default's) and the secret salt of hashed columns
 * ({@code options.hashSalt}, masked in every log line like a password).
 *
 * @param defaults the options of a table not listed under {@code tables}
 * @param tables   per-table options, by source table name (case-insensitive)
 * @param hashSalt the salt of {@code columns.hash}; null when no column is hashed
 */
public record TableOptionsSettings(TableOptions defaults, Map<String, TableOptions> tables, String hashSalt) {
    /** No {@code options} section: every table mirrored whole, latest state. */
    public static final TableOptionsSettings NONE = new TableOptionsSettings(TableOptions.DEFAULT, Map.of(), null);

    public TableOptionsSettings {
        requireNonNull(defaults, "defaults is null");
        TreeMap<String, TableOptions> t = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        t.putAll(requireNonNull(tables, "tables is null"));
        tables = java.util.Collections.unmodifiableMap(t);
    }

    /** The options of a source table. */
    public TableOptions forTable(String table) {
        TableOptions o = tables.get(table);
        return o == null ? defaults : o;
    }

    @Override
    public String toString() {
        return "TableOptionsSettings[defaults=" + defaults + ", tables=" + tables + ", hashSalt="
                + (hashSalt == null ? "none" : "****") + "]";
    }

    /** Binds {@code options}; every problem goes to the configuration's problems. */
    public static TableOptionsSettings bind(Optional<PluginConfig> section) {
        if (section.isEmpty()) {
            return NONE;
        }
        PluginConfig options = section.get();
        String salt = options.secret("hashSalt").orElse(null);
        TableOptions defaults = options.child("default").map(c -> table(c, TableOptions.DEFAULT)).orElse(TableOptions.DEFAULT);
        Map<String, TableOptions> tables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        options.child("tables").ifPresent(t -> {
            for (String name : t.raw().keySet()) {
                t.child(name).ifPresent(c -> tables.put(name, table(c, defaults)));
            }
        });
        boolean hashes = !defaults.hash().isEmpty() || tables.values().stream().anyMatch(o -> !o.hash().isEmpty());
        if (hashes && (salt == null || salt.length() < 16)) {
            options.problem("hashSalt", "is required when columns are hashed, and must be at least 16 characters (a secret: "
                    + "give it through an environment variable, e.g. hashSalt: ${MIRROR_HASH_SALT})");
        }
        return new TableOptionsSettings(defaults, tables, salt);
    }

    private static TableOptions table(PluginConfig c, TableOptions base) {
        TableMode mode = base.mode();
        Optional<String> m = c.string("mode");
        if (m.isPresent()) {
            mode = TableMode.parse(m.get()).orElse(null);
            if (mode == null) {
                c.problem("mode", "must be mirror, softDelete or history, found '" + m.get() + "'");
                mode = base.mode();
            }
        }
        Set<String> exclude = base.exclude();
        Set<String> hash = base.hash();
        Optional<PluginConfig> columns = c.child("columns");
        if (columns.isPresent()) {
            if (columns.get().has("exclude")) {
                exclude = Set.copyOf(columns.get().strings("exclude"));
            }
            if (columns.get().has("hash")) {
                hash = Set.copyOf(columns.get().strings("hash"));
            }
        }
        TableOptions o = new TableOptions(mode, exclude, hash);
        for (String h : o.hash()) {
            if (o.exclude().contains(h)) {
                c.problem("columns", "column '" + h + "' is both excluded and hashed; choose one");
            }
        }
        return o;
    }
}
