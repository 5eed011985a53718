package dev.mirror.sample;

/**
 * Which rows of one table exist at each step, and which step last wrote each of them. Keys are
 * {@code 1..count(step)}; a key is never reused after a delete. At every step that touches the table, about
 * 2% of the live rows are deleted, 5% updated and 3% new rows appended. All of it is computed, not stored:
 * a row's state at any step costs a few hash evaluations.
 */
final class RowLifecycle {
    private static final int DELETE_PERMILLE = 20;
    private static final int UPDATE_PERMILLE = 50;
    private static final int INSERT_PERMILLE = 30;

    private final String table;
    private final long seed;
    private final long[] counts = new long[SampleScript.LAST_STEP + 1];

    RowLifecycle(String table, int scale) {
        this.table = table;
        this.seed = Hashing.seed(table) ^ 0x5eedL;
        long base = (long) SampleScript.baseCount(table) * scale;
        counts[1] = base;
        for (int s = 2; s <= SampleScript.LAST_STEP; s++) {
            counts[s] = counts[s - 1] + (SampleScript.touches(table, s) ? Math.max(1, base * INSERT_PERMILLE / 1000) : 0);
        }
    }

    /** How many keys have ever existed at {@code step} (live or deleted): keys are {@code 1..count}. */
    long count(int step) {
        return counts[clamp(step)];
    }

    /** The step at which {@code id} was inserted. */
    int insertStep(long id) {
        for (int s = 1; s <= SampleScript.LAST_STEP; s++) {
            if (id <= counts[s]) {
                return s;
            }
        }
        return Integer.MAX_VALUE;
    }

    /**
     * The step that last wrote the row at {@code step} (its insert or its latest update), or 0 when the row
     * does not exist at {@code step} (not yet inserted, or deleted).
     */
    int version(long id, int step) {
        int s = clamp(step);
        int inserted = insertStep(id);
        if (inserted > s) {
            return 0;
        }
        int version = inserted;
        for (int k = inserted + 1; k <= s; k++) {
            if (!SampleScript.touches(table, k)) {
                continue;
            }
            long r = Math.floorMod(Hashing.of(seed, id, k), 1000);
            if (r < DELETE_PERMILLE) {
                return 0;
            }
            if (r < DELETE_PERMILLE + UPDATE_PERMILLE) {
                version = k;
            }
        }
        return version;
    }

    private static int clamp(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("sample steps start at 1, got " + step);
        }
        return Math.min(step, SampleScript.LAST_STEP);
    }
}
