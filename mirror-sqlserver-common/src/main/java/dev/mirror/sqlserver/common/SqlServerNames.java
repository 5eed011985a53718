package dev.mirror.sqlserver.common;

import dev.mirror.api.MirrorException;
import dev.mirror.dialect.support.HashedNames;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * SQL Server identifier and literal rules, shared by the target dialect ({@code mirror-sqlserver}) and the Change
 * Tracking source ({@code mirror-sqlserver-source}); this module holds no provider, so a distribution may carry
 * either plugin alone.
 *
 * <p>Identifiers are {@code sysname} ({@code nvarchar(128)}): at most 128 UTF-16 code units
 * (https://learn.microsoft.com/sql/relational-databases/databases/database-identifiers, "Rules for regular
 * identifiers": 1 to 128 characters; {@code sysname} is {@code nvarchar(128)}, and nvarchar counts byte-pairs,
 * so a supplementary character takes two). A SQL Server source never produces a longer name, but a push source
 * can send names of any length, and {@code DialectNames.targetName}'s contract is to map what does not fit:
 * a longer name keeps its first {@value #KEPT_UNITS} code units (one less when the cut would split a surrogate
 * pair), then {@code _} and the first {@value #HASH_HEX_DIGITS} hex digits of the SHA-256 of the whole name in
 * UTF-16LE (lossless for any Java string, unpaired surrogates included), 128 units at most. Only a name no
 * mapping can fix is refused: empty, or holding NUL (U+0000), which no SQL Server identifier can contain.
 *
 * <p>Quoting in SQL text ({@link #quote}): {@code [name]} (brackets; QUOTED_IDENTIFIER does not affect them),
 * except that a name containing {@code ]} is delimited with double quotation marks ({@code "a]b"}, a {@code "}
 * inside doubled) instead of doubling the bracket. Both are delimited identifiers ("Classes of identifiers" on the
 * page above); double quotation marks delimit identifiers when {@code SET QUOTED_IDENTIFIER} is ON
 * (https://learn.microsoft.com/sql/t-sql/statements/set-quoted-identifier-transact-sql), which the dialect and the
 * source set on every connection they use rather than rely on the driver's default. Some TDS-compatible servers
 * (Babelfish) reject {@code ]]} inside brackets; both forms are correct on SQL Server.
 *
 * <p>A name passed <em>as a string</em> that the server parses itself ({@code OBJECT_ID(N'...')}, sp_rename's
 * {@code @objname}, the bulk copy destination, which the driver puts into {@code OBJECT_ID('...')}) keeps the
 * bracket form with {@code ]} doubled ({@link #bracketed}, what {@code QUOTENAME} returns): Microsoft documents
 * double quotation marks for identifiers in statements, not for those name-parsing functions, so the form they are
 * documented with is kept there.
 */
public final class SqlServerNames {
    /** The longest identifier SQL Server accepts ({@code sysname}, in UTF-16 code units). */
    public static final int MAX_IDENTIFIER_LENGTH = 128;
    /** Hex digits of the SHA-256 suffix a long name gets. */
    public static final int HASH_HEX_DIGITS = 8;
    /** Code units kept from a long name: 128 minus {@code _} and the hash. */
    public static final int KEPT_UNITS = MAX_IDENTIFIER_LENGTH - 1 - HASH_HEX_DIGITS;

    /**
     * A regular identifier that needs no delimiters, restricted to ASCII so no collation question arises: a letter
     * or {@code _} first, then letters, digits and {@code _} (the documented rules also allow {@code @ # $} and
     * other Unicode letters; names using them are simply quoted).
     */
    private static final Pattern REGULAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * The mapping and quoting as a dialect part ({@link #targetName} and {@link #quote}), for the target dialect's
     * {@code names()}; immutable and thread-safe.
     */
    public static final HashedNames NAMES = new HashedNames("SQL Server", HashedNames.Limit.utf16Units(MAX_IDENTIFIER_LENGTH),
            HASH_HEX_DIGITS, StandardCharsets.UTF_16LE, SqlServerNames::quote, mapped -> { });

    private SqlServerNames() {
    }

    /**
     * Maps a source name to a SQL Server identifier: unchanged when it fits in 128 UTF-16 code units, otherwise
     * cut and suffixed with a hash (see the class comment). Deterministic.
     *
     * @throws MirrorException {@code IDENTIFIER_INVALID} (CONFIGURATION) when it is empty or contains NUL
     */
    public static String targetName(String name) {
        return NAMES.targetName(name);
    }

    /**
     * Checks that SQL Server can hold {@code name} as an identifier as it is (a target name, already mapped).
     *
     * @throws MirrorException {@code IDENTIFIER_INVALID} (CONFIGURATION) when it is empty, longer than 128
     *                         UTF-16 code units or contains a NUL character
     */
    public static String validate(String name) {
        rejectUnfixable(name);
        if (name.length() > MAX_IDENTIFIER_LENGTH) {
            throw MirrorException.configuration("IDENTIFIER_INVALID",
                    "name '" + name.substring(0, 40) + "...' is " + name.length() + " UTF-16 code units long; SQL Server"
                            + " identifiers hold at most " + MAX_IDENTIFIER_LENGTH + " (sysname); map it through targetName first");
        }
        return name;
    }

    private static void rejectUnfixable(String name) {
        if (name == null || name.isEmpty()) {
            throw MirrorException.configuration("IDENTIFIER_INVALID", "an empty name cannot be a SQL Server identifier");
        }
        if (name.indexOf('\0') >= 0) {
            String shown = name.length() > 60 ? name.substring(0, 60) + "..." : name;
            throw MirrorException.configuration("IDENTIFIER_INVALID",
                    "name '" + shown.replace('\0', '?') + "' contains a NUL character, which SQL Server identifiers cannot"
                            + " hold; rename the source object or block the table");
        }
    }

    /** {@code [name]}, or {@code "name"} (a {@code "} doubled) when the name contains {@code ]}; validates first. */
    public static String quote(String name) {
        validate(name);
        if (name.indexOf(']') >= 0) {
            return "\"" + name.replace("\"", "\"\"") + "\"";
        }
        return "[" + name + "]";
    }

    /**
     * {@code [name]} with every {@code ]} doubled, as {@code QUOTENAME} makes it
     * (https://learn.microsoft.com/sql/t-sql/functions/quotename-transact-sql): for names inside string arguments the
     * server parses ({@code OBJECT_ID}, sp_rename, the bulk copy destination). Validates first.
     */
    public static String bracketed(String name) {
        validate(name);
        return "[" + name.replace("]", "]]") + "]";
    }

    /**
     * The name as an object-name argument of a procedure that parses it ({@code sp_rename}'s {@code @objname}):
     * bare when it is a regular identifier that is no reserved keyword (sp_rename: "Quotation marks are only
     * necessary if a qualified object is specified"; some TDS-compatible servers reject a bracketed one),
     * otherwise {@link #bracketed}.
     */
    public static String objectNamePart(String name) {
        validate(name);
        return isRegular(name) ? name : bracketed(name);
    }

    /** Whether {@code name} is an ASCII regular identifier and not a reserved keyword. */
    public static boolean isRegular(String name) {
        return REGULAR.matcher(name).matches() && !SqlServerKeywords.isReserved(name);
    }

    /** A Unicode string literal {@code N'...'} with every {@code '} doubled (for catalog look-ups in DDL batches). */
    public static String literal(String value) {
        return "N'" + value.replace("'", "''") + "'";
    }
}
