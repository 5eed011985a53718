package dev.mirror.core.config;

import java.util.Locale;
import java.util.Optional;

/** How a table is mirrored ({@code options.default.mode}, {@code options.tables.<table>.mode}). */
public enum TableMode {
    /** The latest state of every row: a delete removes it (the default). */
    MIRROR("mirror"),
    /** Deleted rows stay, flagged with {@code _mirror_deleted}; {@code _mirror_synced} says when the mirror last wrote them. */
    SOFT_DELETE("softDelete"),
    /** Every version of every row, with {@code _mirror_valid_from}, {@code _mirror_valid_to} and {@code _mirror_active}. */
    HISTORY("history");

    private final String configName;

    TableMode(String configName) {
        this.configName = configName;
    }

    /** The name used in the configuration, the metadata table and the status output. */
    public String configName() {
        return configName;
    }

    /** The mode named {@code name} (case-insensitive), or empty. */
    public static Optional<TableMode> parse(String name) {
        for (TableMode m : values()) {
            if (m.configName.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
