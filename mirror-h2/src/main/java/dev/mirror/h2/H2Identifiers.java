package dev.mirror.h2;

import dev.mirror.api.MirrorException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifier mapping and quoting for H2. H2 refuses identifiers longer than 256 characters
 * (Constants.MAX_IDENTIFIER_LENGTH, https://h2database.com/html/advanced.html#limits_limitations); longer
 * source names are cut and given a hash suffix so that different long names stay different.
 */
final class H2Identifiers {
    /** H2's identifier length limit, in UTF-16 units. */
    static final int MAX_LENGTH = 256;
    private static final int HASH_HEX = 16;

    private H2Identifiers() {
    }

    /** The name unchanged when it fits, else its first characters + {@code _} + 16 hex digits of its SHA-256. */
    static String targetName(String source) {
        check(source);
        if (source.length() <= MAX_LENGTH) {
            return source;
        }
        int keep = MAX_LENGTH - HASH_HEX - 1;
        if (Character.isHighSurrogate(source.charAt(keep - 1))) {
            keep--; // never split a surrogate pair: the result must stay valid UTF-16
        }
        return source.substring(0, keep) + "_" + sha256Hex(source).substring(0, HASH_HEX);
    }

    /** {@code "name"} with embedded double quotes doubled (SQL standard delimited identifier). */
    static String quote(String name) {
        check(name);
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static void check(String name) {
        if (name == null || name.isEmpty()) {
            throw MirrorException.configuration("IDENTIFIER_INVALID", "an empty identifier cannot be used in H2; "
                    + "the source sent a table or column without a name");
        }
        if (name.indexOf('\0') >= 0) {
            throw MirrorException.configuration("IDENTIFIER_INVALID", "identifier '" + name.replace('\0', '?')
                    + "' contains a NUL character, which no H2 identifier can hold; rename it in the source or block the table");
        }
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw MirrorException.internal("SHA-256 is not available in this JVM", e);
        }
    }
}
