package dev.mirror.testkit.dialect;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import dev.mirror.core.schema.DefaultParser;

/**
 * Columns with a default, built by the kits as core would hand them to a dialect: with the default text parsed
 * once ({@link DefaultParser}), so the dialect under test renders the typed value exactly as in production.
 */
final class KitColumns {
    private KitColumns() {
    }

    /** A column with the source default {@code text} (as SQL Server prints it), parsed. */
    static Column defaulted(String name, SqlType type, boolean nullable, String text) {
        return DefaultParser.parse(new Column(name, type, nullable, text));
    }
}
