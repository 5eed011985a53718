package dev.mirror.sqlserver.dialect;

import dev.mirror.api.model.ColumnDefault;
import java.util.Optional;

/**
 * Renders a column's typed default ({@link dev.mirror.api.model.Column#defaultValue()}, parsed by core) as T-SQL,
 * in the form SQL Server itself prints defaults in {@code sys.default_constraints}: a number as {@code ((0))}, a
 * string as {@code (N'a''b')} or {@code ('x')}, a binary literal as {@code (0x0A)}, {@code (NULL)}, and a known
 * function as {@code (getdate())} with the source's spelling of the name.
 *
 * <p>The DDL is built from the typed value, never from the source's text: DDL cannot bind parameters, and the
 * parser only produces plain values, so nothing but a literal or a known function name can reach the statement.
 * An {@link ColumnDefault.Unparsed} default (expressions, user functions, sequences) is left out: the mirror only
 * receives values, so it never needs to compute a default itself.
 */
public final class SqlServerDefaults {
    private SqlServerDefaults() {
    }

    /**
     * The T-SQL default expression (without the {@code DEFAULT} keyword), or empty for an unparsed default. (Java 17
     * has no pattern switch: the sealed type is matched with instanceof.)
     */
    public static Optional<String> render(ColumnDefault value) {
        if (value instanceof ColumnDefault.Literal l) {
            return Optional.of(switch (l.kind()) {
                case NUMBER -> "((" + l.value() + "))";
                case STRING -> "('" + l.value().replace("'", "''") + "')";
                case NATIONAL_STRING -> "(N'" + l.value().replace("'", "''") + "')";
                case BINARY -> "(0x" + l.value() + ")";
            });
        }
        if (value instanceof ColumnDefault.FunctionCall f) {
            return Optional.of(f.isKeyword() ? "(" + f.name() + ")" : "(" + f.name() + "())");
        }
        if (value instanceof ColumnDefault.Null) {
            return Optional.of("(NULL)");
        }
        return Optional.empty();
    }
}
