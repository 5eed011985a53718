package dev.mirror.testkit.source;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Orders primary keys (lists of values) column by column. Numbers compare by value whatever their class,
 * so a key that arrives as {@code Integer} in one batch and {@code Long} in the next (after an
 * {@code int → bigint} widening) still finds its row.
 */
final class KeyComparator implements Comparator<List<Object>> {
    static final KeyComparator INSTANCE = new KeyComparator();

    private KeyComparator() {
    }

    @Override
    public int compare(List<Object> a, List<Object> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object x, Object y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        if (x instanceof Number nx && y instanceof Number ny) {
            return new BigDecimal(nx.toString()).compareTo(new BigDecimal(ny.toString()));
        }
        if (x instanceof byte[] bx && y instanceof byte[] by) {
            return Arrays.compare(bx, by);
        }
        if (x.getClass() == y.getClass() && x instanceof Comparable cx) {
            return cx.compareTo(y);
        }
        return x.toString().compareTo(y.toString());
    }
}
