package dev.mirror.core.internal.options;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hex SHA-256 of the secret salt followed by a value's canonical text (UTF-8), for {@code columns.hash}; and the row
 * hash of the history mode. The canonical text does not depend on which Java type a source delivers a value as
 * (a {@code java.sql.Timestamp} and a {@code LocalDateTime} of the same instant give the same text), so the same value
 * hashes the same from every source path. The salt is never logged; {@link #toString} does not show it.
 */
final class ValueHasher {
    private final byte[] salt;

    ValueHasher(String salt) {
        this.salt = requireNonNull(salt, "salt is null").getBytes(StandardCharsets.UTF_8);
    }

    /** The stored form of a hashed column's value; null stays null (a NULL says nothing about a person). */
    String hash(Object value) {
        if (value == null) {
            return null;
        }
        MessageDigest d = sha256();
        d.update(salt);
        d.update(text(value).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d.digest());
    }

    /**
     * A hash of a row's values (no salt: it only tells versions apart): the non-NULL values with their column names, so
     * that a column added to the table (NULL in the rows it already has) does not make every row look changed.
     */
    static String rowHash(java.util.List<dev.mirror.api.model.Column> columns, Object[] values) {
        MessageDigest d = sha256();
        for (int i = 0; i < columns.size(); i++) {
            Object v = values[i];
            if (v != null) {
                String name = columns.get(i).name().toLowerCase(java.util.Locale.ROOT);
                String t = text(v);
                d.update((name.length() + ":" + name + "=" + t.length() + ":" + t + ";").getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** The salt's fingerprint recorded in the metadata table, so a new salt repopulates; the salt cannot be read from it. */
    String fingerprint() {
        MessageDigest d = sha256();
        d.update("mirror hash salt fingerprint:".getBytes(StandardCharsets.UTF_8));
        d.update(salt);
        return HexFormat.of().formatHex(d.digest(), 0, 6);
    }

    static String text(Object v) {
        if (v instanceof byte[] b) {
            return HexFormat.of().formatHex(b);
        }
        if (v instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime().toString();
        }
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return String.valueOf(v);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ValueHasher[salt=****]";
    }
}
