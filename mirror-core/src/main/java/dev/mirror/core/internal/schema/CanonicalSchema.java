package dev.mirror.core.internal.schema;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.core.schema.DefaultParser;
import java.util.ArrayList;

import java.util.List;

/**
 * The canonical text form of a simplified schema: the input of the schema hash and the form stored in the
 * metadata table's {@code schema_def} column (so reconciliation knows the previous source schema).
 *
 * <pre>
 * mirror-schema v1
 * table &lt;name&gt;
 * column &lt;name&gt;\t&lt;type&gt;\t&lt;NULL|NOT NULL&gt;\t&lt;default or -&gt;      (one line per column, source order)
 * key &lt;column&gt;\t&lt;column&gt;...                                (primary key, key order)
 * </pre>
 * Lines end with {@code \n}; the text is UTF-8. Names and defaults are kept exactly as the source spells them
 * (case included). In names and defaults, {@code \} is written {@code \\}, a tab {@code \t}, a line feed
 * {@code \n}, a carriage return {@code \r}; a default of exactly {@code -} is written {@code \-}. The type is
 * {@link SqlType#toString()}: lower case, SQL Server's spelling, with every parameter explicit
 * ({@code nvarchar(50)}, {@code nvarchar(max)}, {@code decimal(18,0)}, {@code datetime2(7)}).
 */
public final class CanonicalSchema {
    static final String HEADER = "mirror-schema v1";

    private CanonicalSchema() {
    }

    /** The canonical text of a schema. */
    public static String format(TableSchema schema) {
        StringBuilder b = new StringBuilder(64 + schema.columnCount() * 40);
        b.append(HEADER).append('\n');
        b.append("table ").append(escape(schema.name())).append('\n');
        for (Column c : schema.columns()) {
            b.append("column ").append(escape(c.name())).append('\t').append(c.type()).append('\t')
                    .append(c.nullable() ? "NULL" : "NOT NULL").append('\t')
                    .append(c.defaultExpression() == null ? "-" : c.defaultExpression().equals("-") ? "\\-" : escape(c.defaultExpression()))
                    .append('\n');
        }
        b.append("key");
        for (int i = 0; i < schema.primaryKey().size(); i++) {
            b.append(i == 0 ? ' ' : '\t').append(escape(schema.primaryKey().get(i)));
        }
        return b.append('\n').toString();
    }

    /**
     * Parses the canonical text back, with the columns' defaults parsed ({@link DefaultParser}); throws
     * IllegalArgumentException when it is not canonical text.
     */
    public static TableSchema parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[0].equals(HEADER) || !lines[1].startsWith("table ")) {
            throw new IllegalArgumentException("not a canonical schema (missing '" + HEADER + "' header)");
        }
        String name = unescape(lines[1].substring(6));
        List<Column> columns = new ArrayList<>();
        List<String> key = null;
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("column ")) {
                String[] f = line.substring(7).split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalArgumentException("bad column line " + (i + 1) + " in canonical schema of '" + name + "'");
                }
                String dflt = f[3].equals("-") ? null : f[3].equals("\\-") ? "-" : unescape(f[3]);
                columns.add(new Column(unescape(f[0]), SqlType.parse(f[1]), f[2].equals("NULL"), dflt));
            } else if (line.startsWith("key ")) {
                key = new ArrayList<>();
                for (String k : line.substring(4).split("\t", -1)) {
                    key.add(unescape(k));
                }
            } else if (!line.isEmpty()) {
                throw new IllegalArgumentException("unexpected line " + (i + 1) + " in canonical schema of '" + name + "'");
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("canonical schema of '" + name + "' has no key line");
        }
        // a stored schema enters core here: its defaults are parsed like an announced schema's
        return DefaultParser.parse(new TableSchema(name, columns, key));
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

}
