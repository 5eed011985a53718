package dev.mirror.sqlserver.target;

import dev.mirror.api.MirrorException;

/**
 * SQL Server identifier and literal rules, shared by the target dialect and the Change Tracking source.
 *
 * <p>Identifiers are {@code sysname} ({@code nvarchar(128)}): at most 128 UTF-16 code units, and they are
 * delimited with brackets, a {@code ]} inside doubled
 * (https://learn.microsoft.com/sql/relational-databases/databases/database-identifiers). A name from a SQL
 * Server source can never be longer than 128, so a longer name is not mapped but rejected: it can only
 * come from another kind of source, and a silent truncation would hide that.
 */
public final class SqlServerNames {
    /** The longest identifier SQL Server accepts ({@code sysname}). */
    public static final int MAX_IDENTIFIER_LENGTH = 128;

    private SqlServerNames() {
    }

    /**
     * Checks that SQL Server can hold {@code name} as an identifier.
     *
     * @throws MirrorException {@code IDENTIFIER_INVALID} (CONFIGURATION) when it is empty, longer than 128
     *                         characters or contains a NUL character
     */
    public static String validate(String name) {
        if (name == null || name.isEmpty()) {
            throw MirrorException.configuration("IDENTIFIER_INVALID", "an empty name cannot be a SQL Server identifier");
        }
        if (name.indexOf('\0') >= 0) {
            throw MirrorException.configuration("IDENTIFIER_INVALID",
                    "name '" + name.replace('\0', '?') + "' contains a NUL character, which SQL Server identifiers cannot hold;"
                            + " rename the source object");
        }
        if (name.length() > MAX_IDENTIFIER_LENGTH) {
            throw MirrorException.configuration("IDENTIFIER_INVALID",
                    "name '" + name.substring(0, 40) + "...' is " + name.length() + " characters long; SQL Server identifiers"
                            + " hold at most " + MAX_IDENTIFIER_LENGTH + " (sysname); rename the source object");
        }
        return name;
    }

    /** {@code [name]} with every {@code ]} doubled; validates the name first. */
    public static String quote(String name) {
        return "[" + validate(name).replace("]", "]]") + "]";
    }

    /** A Unicode string literal {@code N'...'} with every {@code '} doubled (for catalog look-ups in DDL batches). */
    public static String literal(String value) {
        return "N'" + value.replace("'", "''") + "'";
    }
}
