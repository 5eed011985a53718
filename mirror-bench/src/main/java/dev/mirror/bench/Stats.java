package dev.mirror.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small statistics over the runs of one measurement. */
final class Stats {
    private Stats() {
    }

    /** The median (mean of the two middle values for an even count). */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values: the median of zero runs is undefined");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Items per second. */
    static double rate(long items, long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("elapsed time must be positive, got " + nanos + " ns");
        }
        return items / (nanos / 1e9);
    }
}
