package dev.mirror.mariadb;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Maps source identifiers to MariaDB identifiers and quotes them (the {@code names()} concern).
 *
 * <p>MariaDB limits table, column and index names to 64 <em>characters</em>, accepts only characters of the Basic
 * Multilingual Plane in a name (no U+0000 and nothing above U+FFFF, such as emoji) and refuses names that end with a
 * space (<a href="https://mariadb.com/kb/en/identifier-names/">Identifier Names</a>); a table's name also becomes a file
 * name, which must stay under the file system's 255 bytes once encoded ({@link #MAX_FILE_NAME_BYTES}). A name that breaks none of these
 * rules is kept as it is. Any other name is mapped deterministically: every character outside the BMP (a surrogate
 * pair, or an unpaired surrogate) becomes {@code _}, the result is cut to at most 55 characters (and 231 file-name bytes), then {@code _} and the
 * first 8 hex digits of the SHA-256 of the full original name (UTF-8) are appended. The hash keeps two names distinct
 * that differ only in what was replaced or cut; the suffix also guarantees the name no longer ends with a space. A
 * mapped name never holds a surrogate at all, so it can never hold half a pair. Each mapping is reported once per
 * instance through the warning sink.
 *
 * <p>A NUL character cannot be part of a MariaDB name and no mapping is attempted (an identifier is data the user must
 * see unchanged wherever possible): such a name fails with {@code IDENTIFIER_INVALID}, so core fails that table only.
 *
 * <p>Quoting uses backticks with a backtick doubled, which is independent of {@code sql_mode} (double quotes would
 * depend on {@code ANSI_QUOTES}). Thread-safe: the set of reported names is a concurrent set.
 */
final class MariaDbNames implements dev.mirror.api.dialect.DialectNames {
    /** MariaDB's identifier limit, in characters. */
    static final int MAX_CHARS = 64;
    /**
     * The most bytes a name may take once MariaDB encodes it as a file name (InnoDB's {@code .ibd}, the {@code .frm}):
     * letters, digits and {@code _} stay one byte, other characters become {@code @xxxx} (up to 5 bytes), and the file
     * system allows 255 bytes with the suffix. 64 Hebrew letters fail with "File name too long" otherwise.
     */
    static final int MAX_FILE_NAME_BYTES = 240;
    private static final int HASH_HEX_DIGITS = 8;

    private final Consumer<String> warnings;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    MariaDbNames(Consumer<String> warnings) {
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    /** The target name for {@code sourceName}: unchanged when MariaDB can hold it, otherwise mapped (see the class). */
    @Override
    public String targetName(String sourceName) {
        requireNonNull(sourceName, "sourceName is null");
        rejectInvalid(sourceName);
        if (fits(sourceName)) {
            return sourceName;
        }
        String mapped = map(sourceName);
        if (reported.add(sourceName)) {
            warnings.accept("identifier '" + sourceName + "' (" + sourceName.length() + " UTF-16 units) cannot be a MariaDB "
                    + "name as it is (over " + MAX_CHARS + " characters, characters outside the Basic Multilingual Plane, or "
                    + "a trailing space); it is mapped to '" + mapped + "' in the mirror");
        }
        return mapped;
    }

    /** {@code `a``b`}: inside backticks the only character to escape is the backtick, by doubling it. */
    @Override
    public String quote(String targetName) {
        requireNonNull(targetName, "targetName is null");
        rejectInvalid(targetName);
        return '`' + targetName.replace("`", "``") + '`';
    }

    static boolean fits(String name) {
        if (name.length() > MAX_CHARS || name.endsWith(" ") || fileNameBytes(name) > MAX_FILE_NAME_BYTES) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isSurrogate(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static String map(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            // a supplementary character (two units) or an unpaired surrogate (one unit) becomes one '_'
            b.append(cp > 0xFFFF || Character.isSurrogate((char) cp) ? '_' : (char) cp);
            i += Character.charCount(cp);
        }
        int keep = MAX_CHARS - HASH_HEX_DIGITS - 1;
        if (b.length() > keep) {
            b.setLength(keep);
        }
        while (fileNameBytes(b) > MAX_FILE_NAME_BYTES - HASH_HEX_DIGITS - 1) {
            b.setLength(b.length() - 1);
        }
        return b.append('_').append(shortHash(name)).toString();
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

    private static void rejectInvalid(String name) {
        if (name.indexOf('\0') >= 0) {
            throw MirrorException.configuration("IDENTIFIER_INVALID", "identifier '" + name.replace("\0", "\\0")
                    + "' contains a NUL character, which MariaDB cannot store in a name; rename it in the source "
                    + "or add it to the blocklist");
        }
        if (name.isEmpty()) {
            throw MirrorException.configuration("IDENTIFIER_INVALID", "an identifier is empty; MariaDB needs at least one character");
        }
    }

    private static String shortHash(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw MirrorException.internal("SHA-256 is missing from this JVM", e);
        }
    }
}
