package dev.mirror.h2;

import dev.mirror.api.model.Column;
import dev.mirror.dialect.support.StandardDefaults;
import java.util.Optional;

/**
 * Renders a column's typed default as an H2 DEFAULT clause: the standard literals of {@link StandardDefaults} and H2's
 * functions. H2's CURRENT_TIMESTAMP is WITH TIME ZONE; assigned to a TIMESTAMP column it becomes the session's local
 * time, which is what getdate() gives on SQL Server.
 */
final class H2Defaults {
    private static final StandardDefaults DEFAULTS =
            new StandardDefaults("CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP", "CURRENT_DATE", "RANDOM_UUID()");

    private H2Defaults() {
    }

    /** The clause ({@code DEFAULT 0}), or empty when the column has no default or it cannot be expressed. */
    static Optional<String> clause(Column column) {
        return DEFAULTS.clause(column);
    }
}
