package dev.mirror.postgresql;

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
 * Maps source identifiers to PostgreSQL identifiers and quotes them.
 *
 * <p>PostgreSQL silently truncates identifiers longer than {@code NAMEDATALEN - 1} = 63 <em>bytes</em>
 * (in the server encoding, UTF-8 here), see
 * <a href="https://www.postgresql.org/docs/15/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS">Identifiers
 * and Key Words</a>. Silent truncation could make two long names collide, so a longer name is mapped
 * deterministically instead: cut on a character boundary to at most 54 bytes, then {@code _} and the first
 * 8 hex digits of the SHA-256 of the full name (63 bytes at most). Each mapped name is reported once per
 * instance through the warning sink. A NUL character cannot be part of any PostgreSQL identifier.
 *
 * <p>Thread-safe: the set of already reported names is a concurrent set.
 */
final class PostgresIdentifiers {
    /** NAMEDATALEN - 1. */
    static final int MAX_BYTES = 63;
    private static final int HASH_HEX_DIGITS = 8;

    private final Consumer<String> warnings;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    PostgresIdentifiers(Consumer<String> warnings) {
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    String targetName(String sourceName) {
        requireNonNull(sourceName, "sourceName is null");
        rejectInvalid(sourceName);
        byte[] utf8 = sourceName.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_BYTES) {
            return sourceName;
        }
        String mapped = truncateToBytes(sourceName, MAX_BYTES - HASH_HEX_DIGITS - 1) + "_" + shortHash(utf8);
        if (reported.add(sourceName)) {
            warnings.accept("identifier '" + sourceName + "' is " + utf8.length + " bytes in UTF-8, longer than PostgreSQL's "
                    + MAX_BYTES + "-byte limit; it is mapped to '" + mapped + "' in the mirror");
        }
        return mapped;
    }

    /** {@code "a""b"}: the only character to escape inside a quoted identifier is the double quote. */
    String quote(String targetName) {
        requireNonNull(targetName, "targetName is null");
        rejectInvalid(targetName);
        return '"' + targetName.replace("\"", "\"\"") + '"';
    }

    private static void rejectInvalid(String name) {
        if (name.indexOf('\0') >= 0) {
            throw MirrorException.configuration("IDENTIFIER_INVALID", "identifier '" + name.replace("\0", "\\0")
                    + "' contains a NUL character, which PostgreSQL cannot store in a name; rename it in the source "
                    + "or add it to the blocklist");
        }
        if (name.isEmpty()) {
            throw MirrorException.configuration("IDENTIFIER_INVALID", "an identifier is empty; PostgreSQL needs at least one character");
        }
    }

    /** The longest prefix of {@code s} whose UTF-8 encoding fits in {@code maxBytes}, never splitting a code point. */
    static String truncateToBytes(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > maxBytes) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    private static String shortHash(byte[] utf8) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(utf8);
            return HexFormat.of().formatHex(d).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw MirrorException.internal("SHA-256 is missing from this JVM", e);
        }
    }
}
