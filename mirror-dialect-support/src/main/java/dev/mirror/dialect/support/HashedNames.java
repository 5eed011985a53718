package dev.mirror.dialect.support;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.dialect.DialectNames;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Identifier mapping with a hash suffix, and quoting: a source name that fits the target's limit is kept as it is; a
 * longer one is cut (never between the two halves of a surrogate pair, never inside a UTF-8 sequence) and suffixed with
 * {@code _} and the first hex digits of the SHA-256 of the whole name, so that two long names stay distinct and the
 * same name always maps the same way. The limit counts UTF-16 code units ({@link Limit#utf16Units}, H2, SQL Server) or
 * UTF-8 bytes ({@link Limit#utf8Bytes}, PostgreSQL). Empty names and names holding NUL are refused (no target can hold
 * them). A target with further rules (characters it cannot hold, names it refuses, a second length limit) states
 * them as a {@link Rule}. Immutable apart from the set of names already reported; thread-safe.
 */
public final class HashedNames implements DialectNames {
    /** How long a target identifier may be. */
    public record Limit(int max, boolean bytes) {
        public Limit {
            if (max < 16) {
                throw new IllegalArgumentException("an identifier limit must be at least 16, got " + max);
            }
        }

        /** At most {@code max} UTF-16 code units (Java {@code String.length()}). */
        public static Limit utf16Units(int max) {
            return new Limit(max, false);
        }

        /** At most {@code max} bytes in UTF-8. */
        public static Limit utf8Bytes(int max) {
            return new Limit(max, true);
        }

        int measure(String s) {
            return bytes ? s.getBytes(StandardCharsets.UTF_8).length : s.length();
        }
    }

    /**
     * A target's rules beyond the length limit, for {@link HashedNames#HashedNames(String, Limit, int, Charset,
     * UnaryOperator, Consumer, Rule)}. Called on any thread (stateless, thread-safe); never given null or an empty name.
     */
    public interface Rule {
        /** No further rule. */
        Rule NONE = new Rule() {
        };

        /** Whether the target holds {@code name} as it is (its length is checked apart); false maps it. */
        default boolean holds(String name) {
            return true;
        }

        /** A mapped name before it is cut: characters the target cannot hold replaced (the hash keeps names apart). */
        default String replace(String name) {
            return name;
        }

        /**
         * The cut prefix of a mapped name, shortened further when a second limit requires it; {@code suffix} units
         * (the {@code _} and the hash) follow it. The result must satisfy {@link #holds} once the suffix is appended.
         */
        default String shorten(String prefix, int suffix) {
            return prefix;
        }

        /** What the rule is about, for the warning of a name it maps ({@code "a trailing space"}). */
        default String description() {
            return "";
        }
    }

    private final String target;
    private final Limit limit;
    private final Rule rule;
    private final int hashDigits;
    private final Charset hashCharset;
    private final UnaryOperator<String> quoter;
    private final Consumer<String> warnings;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * @param target      the target's name for messages ({@code H2}, {@code PostgreSQL})
     * @param limit       the identifier length limit
     * @param hashDigits  how many hex digits of the hash a long name gets (2 to 32, even)
     * @param hashCharset the encoding hashed ({@code UTF-16LE} keeps unpaired surrogates distinct)
     * @param quoter      quotes a valid name (see {@link #doubling}); called after the checks
     * @param warnings    told once per instance about each long name mapped (for example a logger's warn)
     */
    public HashedNames(String target, Limit limit, int hashDigits, Charset hashCharset, UnaryOperator<String> quoter,
                       Consumer<String> warnings) {
        this(target, limit, hashDigits, hashCharset, quoter, warnings, Rule.NONE);
    }

    /**
     * As the six-argument constructor, for a target with further rules: a name that fits the limit is kept only when
     * {@code rule} {@link Rule#holds holds} it; a mapped name is {@link Rule#replace replaced}, cut, then
     * {@link Rule#shorten shortened} before the hash is appended.
     */
    public HashedNames(String target, Limit limit, int hashDigits, Charset hashCharset, UnaryOperator<String> quoter,
                       Consumer<String> warnings, Rule rule) {
        this.rule = requireNonNull(rule, "rule is null");
        this.target = requireNonNull(target, "target is null");
        this.limit = requireNonNull(limit, "limit is null");
        if (hashDigits < 2 || hashDigits > 32 || hashDigits % 2 != 0) {
            throw new IllegalArgumentException("hashDigits must be even and between 2 and 32, got " + hashDigits);
        }
        this.hashDigits = hashDigits;
        this.hashCharset = requireNonNull(hashCharset, "hashCharset is null");
        this.quoter = requireNonNull(quoter, "quoter is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    /** Quoting with one delimiter on both sides, the delimiter doubled inside ({@code "a""b"}, the SQL standard's). */
    public static UnaryOperator<String> doubling(char delimiter) {
        String one = String.valueOf(delimiter);
        String two = one + one;
        return name -> one + name.replace(one, two) + one;
    }

    /** The limit in force. */
    public Limit limit() {
        return limit;
    }

    @Override
    public String targetName(String sourceName) {
        check(sourceName);
        int length = limit.measure(sourceName);
        boolean fits = length <= limit.max();
        if (fits && rule.holds(sourceName)) {
            return sourceName;
        }
        String replaced = rule.replace(sourceName);
        String prefix = limit.measure(replaced) <= limit.max() - hashDigits - 1 ? replaced
                : cut(replaced, limit.max() - hashDigits - 1);
        String mapped = rule.shorten(prefix, hashDigits + 1) + "_" + hash(sourceName);
        if (reported.add(sourceName)) {
            String why = fits ? "breaks a rule of " + target + "'s (" + rule.description() + ")"
                    : "is " + length + (limit.bytes() ? " bytes in UTF-8" : " characters") + ", longer than " + target
                    + "'s limit of " + limit.max();
            warnings.accept("identifier '" + sourceName + "' " + why + "; it is mapped to '" + mapped + "' in the mirror");
        }
        return mapped;
    }

    @Override
    public String quote(String targetName) {
        check(targetName);
        return quoter.apply(targetName);
    }

    /** The longest prefix of {@code s} within {@code max} units of the limit, never splitting a character. */
    String cut(String s, int max) {
        if (!limit.bytes()) {
            int keep = max;
            if (Character.isHighSurrogate(s.charAt(keep - 1)) && Character.isLowSurrogate(s.charAt(keep))) {
                keep--; // never keep half of a surrogate pair: the result must stay valid UTF-16
            }
            return s.substring(0, keep);
        }
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > max) {
                break;
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }

    private String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(hashCharset));
            return HexFormat.of().formatHex(d, 0, hashDigits / 2);
        } catch (NoSuchAlgorithmException e) {
            throw MirrorException.internal("SHA-256 is not available in this JVM", e);
        }
    }

    private void check(String name) {
        if (name == null || name.isEmpty()) {
            throw MirrorException.configuration("IDENTIFIER_INVALID", "an empty identifier cannot be used in " + target
                    + "; the source sent a table or column without a name");
        }
        if (name.indexOf('\0') >= 0) {
            String shown = name.length() > 60 ? name.substring(0, 60) + "..." : name;
            throw MirrorException.configuration("IDENTIFIER_INVALID", "identifier '" + shown.replace('\0', '?')
                    + "' contains a NUL character, which no " + target + " identifier can hold; rename it in the source"
                    + " or block the table");
        }
    }
}
