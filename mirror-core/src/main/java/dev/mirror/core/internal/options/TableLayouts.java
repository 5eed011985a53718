package dev.mirror.core.internal.options;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.TableSchema;
import dev.mirror.core.config.TableOptionsSettings;

/** The layout of every table under the configured options ({@code options.default}, {@code options.tables}). */
public final class TableLayouts {
    private final TableOptionsSettings settings;

    public TableLayouts(TableOptionsSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * The layout of a source table.
     *
     * @throws dev.mirror.api.MirrorException (CONFIGURATION, {@code TABLE_OPTIONS_INVALID}) when the options cannot apply
     *                                        to this table (an excluded key column, a column named like a mode column)
     */
    public TableLayout of(TableSchema source) {
        return TableLayout.of(source, settings.forTable(source.name()), settings.hashSalt());
    }
}
