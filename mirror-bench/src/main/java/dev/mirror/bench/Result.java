package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

/**
 * One line of the results table.
 *
 * @param id       the benchmark's number in BENCHMARKS.md (1, 2a, …)
 * @param what     what was measured
 * @param mirror   the mirror's median figure
 * @param baseline the figure it is compared with ("—" for none)
 * @param ratio    mirror ÷ baseline, or the figure the goal is about
 * @param goal     the goal
 * @param met      whether the goal is met
 */
record Result(String id, String what, String mirror, String baseline, String ratio, String goal, boolean met) {
    Result {
        requireNonNull(id, "id is null");
        requireNonNull(what, "what is null");
        requireNonNull(mirror, "mirror is null");
        requireNonNull(baseline, "baseline is null");
        requireNonNull(ratio, "ratio is null");
        requireNonNull(goal, "goal is null");
    }

    String markdownRow() {
        return "| " + String.join(" | ", id, what, mirror, baseline, ratio, goal, met ? "**yes**" : "**NO**") + " |";
    }

    static String markdownHeader() {
        return "| # | Measurement | Mirror (median) | Baseline (median) | Ratio | Goal | Met |\n"
                + "|---|---|---:|---:|---:|---|---|";
    }
}
