package dev.mirror.postgresql;

import dev.mirror.api.model.Row;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Watches the keys of a batch while it is staged, to tell whether any key occurs twice. When none does (the usual
 * case: sources send the net change per row), the set-wise apply can skip sorting the whole staged batch to keep the
 * last change per key. Memory is bounded: past {@code limit} keys it stops tracking and reports "maybe duplicated".
 */
final class KeyTracker {
    private final int[] keyIndexes;
    private final int limit;
    private final Set<Object> seen = new HashSet<>();
    private boolean duplicated;

    KeyTracker(int[] keyIndexes, int limit) {
        this.keyIndexes = keyIndexes.clone();
        this.limit = limit;
    }

    void add(Row row) {
        if (duplicated) {
            return;
        }
        if (seen.size() >= limit) {
            duplicated = true; // cannot prove uniqueness any more: fall back to de-duplicating in SQL
            seen.clear();
            return;
        }
        if (!seen.add(key(row))) {
            duplicated = true;
            seen.clear();
        }
    }

    /** Whether every key of the batch was seen exactly once. */
    boolean unique() {
        return !duplicated;
    }

    private Object key(Row row) {
        if (keyIndexes.length == 1) {
            return value(row.get(keyIndexes[0]));
        }
        Object[] k = new Object[keyIndexes.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = value(row.get(keyIndexes[i]));
        }
        return Arrays.asList(k);
    }

    private static Object value(Object v) {
        return v instanceof byte[] b ? ByteBuffer.wrap(b) : v;
    }
}
