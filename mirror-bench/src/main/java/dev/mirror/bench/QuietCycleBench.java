package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.protocol.CycleReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 3: cycles in which nothing changed, over the sample's full SuperOffice schema ({@code tables: all},
 * {@code advance: false}, {@code steps: 1}), timed around {@code Mirror.runCycle()} after the initial load and a few
 * warm-up cycles. A timed cycle that applied anything or failed voids the measurement.
 */
final class QuietCycleBench {
    /** What was measured: the initial load, and each quiet cycle's wall time in milliseconds. */
    record Outcome(String target, int tables, double initialLoadMillis, List<Double> quietMillis) {
    }

    private static final int WARM_UP = 3;

    private final PrintStream log;

    QuietCycleBench(PrintStream log) {
        this.log = requireNonNull(log, "log is null");
    }

    Outcome run(String label, String dialect, String url, int cycles) {
        try (MirrorHarness h = MirrorHarness.build("Quiet", dialect, url, Map.of("tables", "all", "advance", false, "steps", 1))) {
            long t0 = System.nanoTime();
            CycleReport first = h.mirror().runCycle();
            double load = (System.nanoTime() - t0) / 1e6;
            if (!first.failures().isEmpty()) {
                throw new IllegalStateException("the initial load into " + label + " failed: " + first.failures());
            }
            log.printf("%s: initial load of %d tables in %,.0f ms%n", label, first.tables().size(), load);
            for (int i = 0; i < WARM_UP; i++) {
                quiet(h, label);
            }
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < cycles; i++) {
                long s = System.nanoTime();
                quiet(h, label);
                times.add((System.nanoTime() - s) / 1e6);
            }
            log.printf("%s: quiet cycles %s ms%n", label, times.stream().map(t -> String.format("%.0f", t)).toList());
            return new Outcome(label, first.tables().size(), load, times);
        }
    }

    private static void quiet(MirrorHarness h, String label) {
        CycleReport r = h.mirror().runCycle();
        if (!r.failures().isEmpty() || r.totals().total() != 0) {
            throw new IllegalStateException("a cycle on " + label + " that should change nothing applied " + r.totals()
                    + " with failures " + r.failures());
        }
    }
}
