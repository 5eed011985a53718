package dev.mirror.core.verify;

import dev.mirror.api.MirrorException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The identity of one normalized row: its key (as text, for reports), a 64-bit hash of the key (which range the row
 * falls in) and a 128-bit hash of all its values (what is compared). Values are length-prefixed before hashing so
 * that {@code ("ab","c")} and {@code ("a","bc")} differ, and NULL differs from every string.
 *
 * @param key      the key values as text, e.g. {@code contact_id=42}
 * @param keyHash  hash of the key values
 * @param rowHigh  first 64 bits of the row hash
 * @param rowLow   next 64 bits of the row hash
 */
public record RowFingerprint(String key, long keyHash, long rowHigh, long rowLow) {

    /** Fingerprints a normalized row; {@code keyIndexes} are the primary-key positions, {@code keyNames} their names. */
    public static RowFingerprint of(String[] values, int[] keyIndexes, String[] keyNames) {
        MessageDigest keyDigest = sha256();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < keyIndexes.length; i++) {
            String v = values[keyIndexes[i]];
            update(keyDigest, v);
            key.append(i == 0 ? "" : ", ").append(keyNames[i]).append('=').append(v == null ? "NULL" : v);
        }
        MessageDigest rowDigest = sha256();
        for (String v : values) {
            update(rowDigest, v);
        }
        ByteBuffer k = ByteBuffer.wrap(keyDigest.digest());
        ByteBuffer r = ByteBuffer.wrap(rowDigest.digest());
        return new RowFingerprint(key.toString(), k.getLong(), r.getLong(), r.getLong());
    }

    /** Whether the values (not only the key) are the same. */
    public boolean sameValues(RowFingerprint other) {
        return rowHigh == other.rowHigh && rowLow == other.rowLow;
    }

    private static void update(MessageDigest d, String v) {
        if (v == null) {
            d.update((byte) 0);
            return;
        }
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        d.update((byte) 1);
        d.update(ByteBuffer.allocate(4).putInt(b.length).array());
        d.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw MirrorException.internal("SHA-256 is not available in this JVM", e);
        }
    }
}
