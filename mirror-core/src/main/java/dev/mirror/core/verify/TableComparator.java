package dev.mirror.core.verify;

import dev.mirror.api.model.TableSchema;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares one table's rows on both sides in bounded memory.
 *
 * <p>Pass 1 streams each side once and folds every row into a per-range checksum: the range of a row is its key
 * hash modulo the number of ranges (about {@code rangeSize} keys each), and a range's checksum is the count plus the
 * sums of the rows' 128-bit value hashes. Ranges are buckets of key <em>hashes</em>, not intervals of key values,
 * because source and target may order keys differently (collations, GUID byte order) while a hash bucket is the same
 * on both sides whatever order the rows arrive in. Pass 2 runs only when some range differs: it collects the mirror's
 * fingerprints of the differing ranges (at most {@code collectLimit}), then streams the source and names each missing,
 * extra or changed row.
 *
 * <p>The checksums are computed client-side over values normalized by {@link ValueNormalizer}: the SPI exposes the
 * source only as a row stream, and one normalizer on both sides is what makes documented type-mapping losses
 * compare equal. The cost is that both tables travel to the verifying process (twice when they differ).
 */
public final class TableComparator {
    private final int rangeSize;
    private final int exampleLimit;
    private final int collectLimit;

    /**
     * @param rangeSize    keys per range (about)
     * @param exampleLimit differing keys listed per table
     * @param collectLimit fingerprints kept in memory in pass 2
     */
    public TableComparator(int rangeSize, int exampleLimit, int collectLimit) {
        if (rangeSize < 1 || exampleLimit < 0 || collectLimit < 1) {
            throw new IllegalArgumentException("rangeSize and collectLimit must be positive, exampleLimit not negative");
        }
        this.rangeSize = rangeSize;
        this.exampleLimit = exampleLimit;
        this.collectLimit = collectLimit;
    }

    public static TableComparator defaults() {
        return new TableComparator(1000, 20, 500_000);
    }

    /**
     * @param expectedRows an estimate of the row count (sizes the number of ranges), e.g. the mirror's COUNT(*)
     */
    public TableVerification compare(TableSchema schema, RowSource source, RowSource mirror, long expectedRows) {
        int[] keys = schema.keyIndexes();
        String[] keyNames = schema.primaryKey().toArray(String[]::new);
        int ranges = (int) Math.max(1, Math.min(1_000_000, (expectedRows + rangeSize - 1) / rangeSize));
        Checksums s = new Checksums(ranges);
        Checksums m = new Checksums(ranges);
        source.forEach(values -> s.add(RowFingerprint.of(values, keys, keyNames)));
        mirror.forEach(values -> m.add(RowFingerprint.of(values, keys, keyNames)));
        BitSet differing = new BitSet(ranges);
        for (int i = 0; i < ranges; i++) {
            if (!s.same(m, i)) {
                differing.set(i);
            }
        }
        if (differing.isEmpty()) {
            return new TableVerification(schema.name(), TableVerification.Status.EQUAL, s.rows, m.rows, ranges, 0, 0, 0, 0,
                    List.of(), null);
        }
        Map<String, RowFingerprint> inMirror = new HashMap<>();
        boolean[] truncated = {false};
        mirror.forEach(values -> {
            RowFingerprint f = RowFingerprint.of(values, keys, keyNames);
            if (differing.get(s.range(f))) {
                if (inMirror.size() < collectLimit) {
                    inMirror.put(f.key(), f);
                } else {
                    truncated[0] = true;
                }
            }
        });
        List<Difference> examples = new ArrayList<>();
        long[] counts = new long[3];
        source.forEach(values -> {
            RowFingerprint f = RowFingerprint.of(values, keys, keyNames);
            if (!differing.get(s.range(f))) {
                return;
            }
            RowFingerprint other = inMirror.remove(f.key());
            if (other == null && !truncated[0]) {
                note(examples, counts, Difference.Kind.MISSING_IN_MIRROR, f.key());
            } else if (other != null && !other.sameValues(f)) {
                note(examples, counts, Difference.Kind.CHANGED, f.key());
            }
        });
        if (!truncated[0]) {
            inMirror.keySet().stream().sorted().forEach(k -> note(examples, counts, Difference.Kind.EXTRA_IN_MIRROR, k));
        }
        String message = truncated[0] ? "more than " + collectLimit + " rows in differing ranges: row-level counts are partial" : null;
        return new TableVerification(schema.name(), TableVerification.Status.DIFFERENT, s.rows, m.rows, ranges,
                differing.cardinality(), counts[0], counts[1], counts[2], examples, message);
    }

    private void note(List<Difference> examples, long[] counts, Difference.Kind kind, String key) {
        counts[kind.ordinal()]++;
        if (examples.size() < exampleLimit) {
            examples.add(new Difference(kind, key));
        }
    }

    /** Per-range row count and sums of value hashes: order-independent, so arrival order does not matter. */
    private static final class Checksums {
        private final long[] count;
        private final long[] high;
        private final long[] low;
        private long rows;

        Checksums(int ranges) {
            count = new long[ranges];
            high = new long[ranges];
            low = new long[ranges];
        }

        int range(RowFingerprint f) {
            return (int) Long.remainderUnsigned(f.keyHash(), count.length);
        }

        void add(RowFingerprint f) {
            int r = range(f);
            count[r]++;
            high[r] += f.rowHigh();
            low[r] += f.rowLow();
            rows++;
        }

        boolean same(Checksums o, int r) {
            return count[r] == o.count[r] && high[r] == o.high[r] && low[r] == o.low[r];
        }
    }
}
