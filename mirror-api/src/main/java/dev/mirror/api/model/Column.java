package dev.mirror.api.model;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;

/**
 * One column of a {@link TableSchema}.
 *
 * <p><b>Defaults.</b> A column carries its default twice: {@code defaultExpression}, the source's text (sources create
 * columns with text only; the schema hash and the metadata use it), and {@code parsedDefault}, what the text means as
 * a {@link ColumnDefault}. Core parses the text once, when a schema enters it (the protocol's schema step, and stored
 * schemas read back from the metadata table), and hands dialects only parsed columns; dialects read
 * {@link #defaultValue()}. A column built from text alone is explicitly <em>not yet parsed</em>: its
 * {@link #defaultValue()} throws instead of answering "no default", so no code path can silently lose a default.
 * Tests and kits that build columns by hand parse them with core's {@code dev.mirror.core.schema.DefaultParser}
 * (plugin tests through the testkit's {@code dev.mirror.testkit.dialect.KitDefaults});
 * a plugin that builds a column for its own table (a hook, say) and sees only this API states the typed value
 * itself ({@link #withParsedDefault}).
 *
 * <p>Equality ignores {@code parsedDefault}: it is a function of {@code defaultExpression}, so a parsed column
 * equals the same column before parsing.
 *
 * @param name              the source column name, as the source spells it; never null or blank
 * @param type              the SQL Server type
 * @param nullable          whether NULL is allowed
 * @param defaultExpression the source's default as SQL Server prints it (for example {@code ((0))} or
 *                          {@code (N'')}), or null when the column has none
 * @param parsedDefault     the parsed default; null when the column has no default, or while its text is not yet
 *                          parsed (see {@link #defaultParsed()})
 */
public record Column(String name, SqlType type, boolean nullable, String defaultExpression, ColumnDefault parsedDefault) {
    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name is blank");
        }
        if (defaultExpression == null && parsedDefault != null) {
            throw new IllegalArgumentException("column '" + name + "' has a parsed default (" + parsedDefault
                    + ") but no default text; pass the source's text as defaultExpression");
        }
    }

    /** A column whose default text (may be null) is not yet parsed; core parses it when the schema enters core. */
    public Column(String name, SqlType type, boolean nullable, String defaultExpression) {
        this(name, type, nullable, defaultExpression, null);
    }

    /**
     * The column as the source states it: {@code Column[name=.., type=.., nullable=.., defaultExpression=..]}. The parsed
     * default is left out (it follows from the text, as in {@code equals}), so the text is the same before and after core
     * parses it: schema fingerprints and pinned test hashes built from it stay stable.
     */
    @Override
    public String toString() {
        return "Column[name=" + name + ", type=" + type + ", nullable=" + nullable + ", defaultExpression=" + defaultExpression + "]";
    }

    /** A column without default. */
    public static Column of(String name, SqlType type, boolean nullable) {
        return new Column(name, type, nullable, null, null);
    }

    /** Whether {@link #defaultValue()} may be called: the column has no default, or its default is parsed. */
    public boolean defaultParsed() {
        return defaultExpression == null || parsedDefault != null;
    }

    /**
     * The typed default, for dialects rendering DDL: empty when the column has no default. Throws
     * IllegalStateException when the column has default text that was not parsed (a column that did not come
     * through core): parse it with core's {@code DefaultParser} first.
     */
    public Optional<ColumnDefault> defaultValue() {
        if (!defaultParsed()) {
            throw new IllegalStateException("the default of column '" + name + "' is not parsed yet; core parses defaults when"
                    + " a schema enters it: hand the column to the dialect through core, parse it with"
                    + " dev.mirror.core.schema.DefaultParser (in plugin tests: the testkit's KitDefaults), or build it with its typed default (Column's five-argument"
                    + " constructor, or withParsedDefault)");
        }
        return Optional.ofNullable(parsedDefault);
    }

    /** This column with its default parsed; {@code parsed} must describe {@link #defaultExpression()}, which must be set. */
    public Column withParsedDefault(ColumnDefault parsed) {
        requireNonNull(parsed, "parsed is null");
        return new Column(name, type, nullable, defaultExpression, parsed);
    }

    /** This column with another type; the default (text and parsed value) is kept. */
    public Column withType(SqlType newType) {
        return new Column(name, newType, nullable, defaultExpression, parsedDefault);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column c && nullable == c.nullable && name.equals(c.name) && type.equals(c.type)
                && Objects.equals(defaultExpression, c.defaultExpression);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, nullable, defaultExpression);
    }
}
