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
 * @param goal     the goal ("—" for a figure that is only reported)
 * @param verdict  whether the goal is met, or why there is no verdict
 */
record Result(String id, String what, String mirror, String baseline, String ratio, String goal, Verdict verdict) {
    /** How a line ends. */
    enum Verdict {
        MET("**yes**"),
        MISSED("**NO**"),
        /** measured, but the issue sets no goal for it: the figure is the result */
        REPORTED("— (reported)"),
        /** not measured; the line says why */
        NOT_RUN("not run"),
        /** the measurement itself failed (e.g. the server rejected a bulk copy); the line carries the server's message */
        FAILED("**failed**");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    Result {
        requireNonNull(id, "id is null");
        requireNonNull(what, "what is null");
        requireNonNull(mirror, "mirror is null");
        requireNonNull(baseline, "baseline is null");
        requireNonNull(ratio, "ratio is null");
        requireNonNull(goal, "goal is null");
        requireNonNull(verdict, "verdict is null");
    }

    /** A line with a goal, met or not. */
    Result(String id, String what, String mirror, String baseline, String ratio, String goal, boolean met) {
        this(id, what, mirror, baseline, ratio, goal, met ? Verdict.MET : Verdict.MISSED);
    }

    boolean met() {
        return verdict == Verdict.MET;
    }

    /** A goal that was measured and not met (what makes the command exit with 1). */
    boolean missed() {
        return verdict == Verdict.MISSED;
    }

    /** The measurement failed (also makes the command exit with 1). */
    boolean failed() {
        return verdict == Verdict.FAILED;
    }

    String markdownRow() {
        return "| " + String.join(" | ", id, what, mirror, baseline, ratio, goal, verdict.text) + " |";
    }

    static String markdownHeader() {
        return "| # | Measurement | Mirror (median) | Baseline (median) | Ratio | Goal | Met |\n"
                + "|---|---|---:|---:|---:|---|---|";
    }
}
