package dev.mirror.testkit.dialect;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.ColumnDefault;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.core.schema.DefaultParser;

/**
 * Defaults parsed as core parses them when a schema enters it ({@link DefaultParser}), for kits and dialect tests
 * that build columns by hand: a dialect only renders {@link Column#defaultValue()}, which a column built from text
 * alone does not have yet. Plugin tests use this class rather than core's, so that plugins (main and test code)
 * depend on the API and the testkit only.
 */
public final class KitDefaults {
    private KitDefaults() {
    }

    /** A column with the source default {@code text} (as SQL Server prints it, e.g. {@code ((0))}), parsed. */
    public static Column defaulted(String name, SqlType type, boolean nullable, String text) {
        return DefaultParser.parse(new Column(name, type, nullable, text));
    }

    /** The typed value of a default's text (never null). */
    public static ColumnDefault parse(String text) {
        return DefaultParser.parse(text);
    }

    /** The column with its default parsed (the same column when it has none). */
    public static Column parse(Column column) {
        return DefaultParser.parse(column);
    }

    /** The schema with every column's default parsed. */
    public static TableSchema parse(TableSchema schema) {
        return DefaultParser.parse(schema);
    }
}
