package dev.mirror.mariadb;

import dev.mirror.dialect.support.HashedNames;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Maps source identifiers to MariaDB identifiers and quotes them (the {@code names()} concern): a {@link HashedNames}
 * with MariaDB's limit and, as its {@link HashedNames.Rule}, MariaDB's further rules.
 *
 * <p>MariaDB limits table, column and index names to 64 <em>characters</em>, accepts only characters of the Basic
 * Multilingual Plane in a name (no U+0000 and nothing above U+FFFF, such as emoji) and refuses names that end with a
 * space (<a href="https://mariadb.com/kb/en/identifier-names/">Identifier Names</a>); a table's name also becomes a file
 * name, which must stay under the file system's 255 bytes once encoded ({@link #MAX_FILE_NAME_BYTES}). A name that
 * breaks none of these rules is kept as it is. Any other name is mapped deterministically: every character outside the
 * BMP (a surrogate pair, or an unpaired surrogate) becomes {@code _}, the result is cut to at most 55 characters (and
 * 231 file-name bytes), then {@code _} and the first 8 hex digits of the SHA-256 of the full original name (UTF-8) are
 * appended. The hash keeps two names distinct that differ only in what was replaced or cut; the suffix also guarantees
 * the name no longer ends with a space. A mapped name never holds a surrogate at all, so it can never hold half a pair.
 * Each mapping is reported once per instance through the warning sink.
 *
 * <p>A NUL character cannot be part of a MariaDB name and no mapping is attempted (an identifier is data the user must
 * see unchanged wherever possible): such a name fails with {@code IDENTIFIER_INVALID}, so core fails that table only.
 *
 * <p>Quoting uses backticks with a backtick doubled, which is independent of {@code sql_mode} (double quotes would
 * depend on {@code ANSI_QUOTES}). Stateless; thread-safe.
 */
final class MariaDbNames implements HashedNames.Rule {
    /** MariaDB's identifier limit, in characters. */
    static final int MAX_CHARS = 64;
    /**
     * The most bytes a name may take once MariaDB encodes it as a file name (InnoDB's {@code .ibd}, the {@code .frm}):
     * letters, digits and {@code _} stay one byte, other characters become {@code @xxxx} (up to 5 bytes), and the file
     * system allows 255 bytes with the suffix. 64 Hebrew letters fail with "File name too long" otherwise.
     */
    static final int MAX_FILE_NAME_BYTES = 240;
    private static final int HASH_HEX_DIGITS = 8;

    private MariaDbNames() {
    }

    /** The names of one dialect instance; {@code warnings} hears about each mapped name once. */
    static HashedNames create(Consumer<String> warnings) {
        return new HashedNames("MariaDB", HashedNames.Limit.utf16Units(MAX_CHARS), HASH_HEX_DIGITS, StandardCharsets.UTF_8,
                HashedNames.doubling('`'), warnings, new MariaDbNames());
    }

    /** No trailing space, no surrogate (MariaDB holds the BMP only), a file name within the limit. */
    @Override
    public boolean holds(String name) {
        if (name.endsWith(" ") || fileNameBytes(name) > MAX_FILE_NAME_BYTES) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isSurrogate(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A supplementary character (two units) or an unpaired surrogate (one unit) becomes one {@code _}. */
    @Override
    public String replace(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            b.append(cp > 0xFFFF || Character.isSurrogate((char) cp) ? '_' : (char) cp);
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** Cut further until the file name, suffix included, stays within {@link #MAX_FILE_NAME_BYTES}. */
    @Override
    public String shorten(String prefix, int suffix) {
        int end = prefix.length();
        while (fileNameBytes(prefix.subSequence(0, end)) > MAX_FILE_NAME_BYTES - suffix) {
            end--;
        }
        return prefix.substring(0, end);
    }

    @Override
    public String description() {
        return "characters outside the Basic Multilingual Plane, a trailing space, or a file name over "
                + MAX_FILE_NAME_BYTES + " bytes";
    }

    /** An upper bound of the bytes MariaDB's file-name encoding of {@code name} takes (5 for any character but [A-Za-z0-9_]). */
    static int fileNameBytes(CharSequence name) {
        int n = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            n += c < 0x80 && (Character.isLetterOrDigit(c) || c == '_') ? 1 : 5;
        }
        return n;
    }
}
