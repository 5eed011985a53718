package dev.mirror.api.model;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A column's source default as a typed value: what {@link Column#defaultExpression()} (SQL Server's printed text,
 * such as {@code ((0))}, {@code (N'')} or {@code (getdate())}) means. Core parses the text once, when a schema enters
 * it, and hands dialects columns whose {@link Column#defaultValue()} is set; a dialect renders the value with a switch
 * over this sealed type and never reads the text. A dialect leaves the default out when it cannot express the value
 * in its own SQL (the mirror writes every column explicitly, so a missing default only matters for rows inserted into
 * the mirror by hand, while a wrong default would be a silent error).
 */
public sealed interface ColumnDefault permits ColumnDefault.Literal, ColumnDefault.FunctionCall, ColumnDefault.Null,
        ColumnDefault.Unparsed {

    /** The kind of a {@link Literal}. */
    enum LiteralKind {
        /** A number such as {@code 0}, {@code -1.5} or {@code 1e5}; {@link Literal#value()} is the number as printed. */
        NUMBER,
        /** A {@code 'text'} literal; {@link Literal#value()} is its content, doubled quotes undone. */
        STRING,
        /** An {@code N'text'} (Unicode) literal; {@link Literal#value()} is its content, doubled quotes undone. */
        NATIONAL_STRING,
        /** A binary literal {@code 0x0A1B}; {@link Literal#value()} is the hexadecimal digits without {@code 0x}. */
        BINARY
    }

    /**
     * A constant.
     *
     * @param kind  what the literal is; never null
     * @param value the literal's value in the form its kind describes (number text, string content, hex digits);
     *              never null (the empty string for {@code N''} or {@code 0x})
     */
    record Literal(LiteralKind kind, String value) implements ColumnDefault {
        public Literal {
            requireNonNull(kind, "kind is null");
            requireNonNull(value, "value is null");
            if (kind == LiteralKind.NUMBER && !value.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
                throw new IllegalArgumentException("not a number literal: '" + value + "'");
            }
            if (kind == LiteralKind.BINARY && !value.matches("[0-9A-Fa-f]*")) {
                throw new IllegalArgumentException("not hexadecimal digits: '" + value + "'");
            }
        }

        /** A number literal. */
        public static Literal number(String printed) {
            return new Literal(LiteralKind.NUMBER, printed);
        }

        /** Whether this is a {@code 'x'} or {@code N'x'} literal. */
        public boolean isString() {
            return kind == LiteralKind.STRING || kind == LiteralKind.NATIONAL_STRING;
        }

        /** The value of a {@link LiteralKind#NUMBER} literal; throws IllegalStateException for other kinds. */
        public BigDecimal number() {
            if (kind != LiteralKind.NUMBER) {
                throw new IllegalStateException("a " + kind + " literal is not a number");
            }
            return new BigDecimal(value);
        }
    }

    /** The functions a default may call that dialects know how to translate (all take no argument). */
    enum KnownFunction {
        /** The current local date and time: {@code getdate()}, {@code sysdatetime()}, {@code current_timestamp}, {@code sysdatetimeoffset()}. */
        CURRENT_TIMESTAMP("getdate", "sysdatetime", "current_timestamp", "sysdatetimeoffset"),
        /** The current UTC date and time: {@code getutcdate()}, {@code sysutcdatetime()}. */
        CURRENT_UTC_TIMESTAMP("getutcdate", "sysutcdatetime"),
        /** A new unique identifier: {@code newid()}, {@code newsequentialid()}. */
        NEW_UUID("newid", "newsequentialid"),
        /** The session's login name: {@code suser_sname()}. */
        LOGIN_NAME("suser_sname"),
        /** The session's database user: {@code user_name()}. */
        USER_NAME("user_name"),
        /** The client's host name: {@code host_name()}. */
        HOST_NAME("host_name"),
        /** The client's application name: {@code app_name()}. */
        APPLICATION_NAME("app_name"),
        /** The current database's name: {@code db_name()}. */
        DATABASE_NAME("db_name");

        private final List<String> spellings;

        KnownFunction(String... spellings) {
            this.spellings = List.of(spellings);
        }

        /** The SQL Server function names (lower case) that mean this function. */
        public List<String> spellings() {
            return spellings;
        }

        /** The known function a SQL Server name (any case, without parentheses) means, or empty. */
        public static Optional<KnownFunction> byName(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            for (KnownFunction f : values()) {
                if (f.spellings.contains(n)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A call of a known function without arguments.
     *
     * @param function what the call means; never null
     * @param name     the function name as the source spelled it (for example {@code GETDATE} or
     *                 {@code current_timestamp}, which SQL Server writes without parentheses); one of the
     *                 function's {@link KnownFunction#spellings() spellings}, in any case
     */
    record FunctionCall(KnownFunction function, String name) implements ColumnDefault {
        public FunctionCall {
            requireNonNull(function, "function is null");
            requireNonNull(name, "name is null");
            if (!function.spellings().contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("'" + name + "' is not a spelling of " + function + " " + function.spellings());
            }
        }

        /** Whether the source writes the call without parentheses ({@code current_timestamp}, a keyword in SQL). */
        public boolean isKeyword() {
            return name.equalsIgnoreCase("current_timestamp");
        }
    }

    /** An explicit {@code NULL} default. */
    record Null() implements ColumnDefault {
    }

    /**
     * Anything else (arithmetic, user functions, sequences, casts), kept verbatim. Dialects leave such a default
     * out: they never copy source text into DDL.
     *
     * @param text the source's text; never null
     */
    record Unparsed(String text) implements ColumnDefault {
        public Unparsed {
            requireNonNull(text, "text is null");
        }
    }
}
