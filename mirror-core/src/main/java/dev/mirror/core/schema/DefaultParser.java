package dev.mirror.core.schema;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.ColumnDefault;
import dev.mirror.api.model.ColumnDefault.FunctionCall;
import dev.mirror.api.model.ColumnDefault.KnownFunction;
import dev.mirror.api.model.ColumnDefault.Literal;
import dev.mirror.api.model.ColumnDefault.LiteralKind;
import dev.mirror.api.model.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses SQL Server default expressions into {@link ColumnDefault}s: the only place that reads default text. Core
 * calls it when a schema enters core (the protocol's schema step and stored schemas read back from the metadata
 * table), so dialects receive parsed columns; kits and dialect tests call it on columns they build by hand.
 *
 * <p>Accepted, inside any number of enclosing parentheses ({@code ((0))}) and after an optional leading
 * {@code DEFAULT} keyword (SuperOffice prints {@code default (N'')}): a number ({@code -1.5}, {@code .5},
 * {@code 1e5}), a string ({@code 'x'}, {@code N'it''s'}), a binary literal ({@code 0x0A1B}), {@code NULL}, and a
 * call of a {@link KnownFunction} without arguments ({@code getdate()}, {@code current_timestamp}). Anything else
 * (arithmetic such as {@code ((1)+(2))}, user functions, {@code next value for}, {@code CONVERT}/{@code CAST}
 * wrappers, unbalanced text) becomes {@link ColumnDefault.Unparsed}, kept verbatim. Stateless and thread-safe.
 */
public final class DefaultParser {
    private static final Pattern DEFAULT_KEYWORD = Pattern.compile("(?i)default\\s*(?=\\()|default\\s+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern STRING = Pattern.compile("([Nn]?)'((?:[^']|'')*)'", Pattern.DOTALL);
    private static final Pattern BINARY = Pattern.compile("0[xX]([0-9A-Fa-f]*)");
    private static final Pattern FUNCTION = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\(\\s*\\)");

    private DefaultParser() {
    }

    /** The typed value of a default's text; null text is not allowed (a column without default has none to parse). */
    public static ColumnDefault parse(String text) {
        requireNonNull(text, "default text is null");
        String e = text.trim();
        Matcher keyword = DEFAULT_KEYWORD.matcher(e);
        if (keyword.lookingAt()) {
            e = e.substring(keyword.end()).trim();
        }
        e = stripParentheses(e);
        if (e.isEmpty()) {
            return new ColumnDefault.Unparsed(text);
        }
        Matcher m;
        if (NUMBER.matcher(e).matches()) {
            return Literal.number(e);
        }
        if ((m = STRING.matcher(e)).matches()) {
            LiteralKind kind = m.group(1).isEmpty() ? LiteralKind.STRING : LiteralKind.NATIONAL_STRING;
            return new Literal(kind, m.group(2).replace("''", "'"));
        }
        if ((m = BINARY.matcher(e)).matches()) {
            return new Literal(LiteralKind.BINARY, m.group(1));
        }
        if (e.equalsIgnoreCase("null")) {
            return new ColumnDefault.Null();
        }
        if (e.equalsIgnoreCase("current_timestamp")) {
            return new FunctionCall(KnownFunction.CURRENT_TIMESTAMP, e);
        }
        if ((m = FUNCTION.matcher(e)).matches()) {
            String name = m.group(1);
            Optional<KnownFunction> f = KnownFunction.byName(name);
            if (f.isPresent()) {
                return new FunctionCall(f.get(), name);
            }
        }
        return new ColumnDefault.Unparsed(text);
    }

    /** The column with its default parsed; the same column when it has none or it is parsed already. */
    public static Column parse(Column column) {
        return column.defaultParsed() ? column : column.withParsedDefault(parse(column.defaultExpression()));
    }

    /** The schema with every column's default parsed (the same instance when nothing was left to parse). */
    public static TableSchema parse(TableSchema schema) {
        if (schema.columns().stream().allMatch(Column::defaultParsed)) {
            return schema;
        }
        List<Column> columns = new ArrayList<>(schema.columnCount());
        for (Column c : schema.columns()) {
            columns.add(parse(c));
        }
        return new TableSchema(schema.name(), columns, schema.primaryKey());
    }

    /** Removes parentheses that enclose the whole text: {@code ((0))} to {@code 0}; keeps {@code (1)+(2)}. */
    private static String stripParentheses(String s) {
        String r = s;
        while (r.length() >= 2 && r.charAt(0) == '(' && r.charAt(r.length() - 1) == ')' && enclosesAll(r)) {
            r = r.substring(1, r.length() - 1).trim();
        }
        return r;
    }

    /** Whether the parenthesis at 0 closes at the last character (parentheses inside string literals ignored). */
    private static boolean enclosesAll(String s) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (!inString && c == '(') {
                depth++;
            } else if (!inString && c == ')') {
                depth--;
                if (depth == 0 && i < s.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0 && !inString;
    }
}
