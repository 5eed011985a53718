package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import java.io.PrintStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 7, tables in parallel: the first load of the sample's 416 tables ({@code tables: all}) at a given scale,
 * one {@code Mirror.runCycle()} into a fresh PostgreSQL schema, with {@code run.workers} = each of the given counts.
 * The order of the worker counts rotates between rounds, so none always runs on a warmer server; every load must
 * apply the same number of rows with no failed table, or the comparison is void.
 */
final class ParallelLoadBench {
    /** @param coresBusy per worker count, the cores the load kept busy in each round (this JVM's and the local server's CPU / wall time) */
    record Outcome(int scale, int tables, long rows, Map<Integer, List<Double>> seconds, Map<Integer, List<Double>> coresBusy) {
        Outcome(int scale, int tables, long rows, Map<Integer, List<Double>> seconds) {
            this(scale, tables, rows, seconds, Map.of());
        }
    }

    private final PrintStream log;

    ParallelLoadBench(PrintStream log) {
        this.log = requireNonNull(log, "log is null");
    }

    Outcome run(String pgUrl, int scale, List<Integer> workers, int rounds) throws SQLException {
        Map<Integer, List<Double>> seconds = new LinkedHashMap<>();
        workers.forEach(w -> seconds.put(w, new ArrayList<>()));
        Map<Integer, List<Double>> coresBusy = new LinkedHashMap<>();
        CpuMeter meter = new CpuMeter(pgUrl);
        long rows = -1;
        int tables = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < workers.size(); i++) {
                int w = workers.get((i + round) % workers.size());
                try (PgSchema schema = PgSchema.create(pgUrl);
                     Mirror mirror = Mirror.builder().config(config(schema.url(), scale, w), "mirror-bench").pluginDirectory(false)
                             .progress(ProgressListener.NONE).build()) {
                    try (java.sql.Connection c = java.sql.DriverManager.getConnection(schema.url())) {
                        LoadBenchmarks.prepareTimedPhase(c);
                    }
                    CpuMeter.Sample before = meter.now();
                    long t0 = System.nanoTime();
                    CycleReport r = mirror.runCycle();
                    double s = (System.nanoTime() - t0) / 1e9;
                    CpuMeter.Sample used = meter.now().minus(before);
                    if (used.server() >= 0) {
                        coresBusy.computeIfAbsent(w, k -> new ArrayList<>()).add((used.jvm() + used.server()) / 1e9 / s);
                    }
                    if (!r.failures().isEmpty()) {
                        throw new IllegalStateException("first load with " + w + " worker(s) had failed tables: " + r.failures());
                    }
                    long applied = r.totals().total();
                    if (rows >= 0 && applied != rows) {
                        throw new IllegalStateException("first load with " + w + " worker(s) applied " + applied + " rows, another "
                                + rows + ": the comparison is void");
                    }
                    rows = applied;
                    tables = r.tables().size();
                    seconds.get(w).add(s);
                    log.printf("benchmark 7: first load, scale %d, %d tables, %,d rows, %d worker(s): %.1f s (%,.0f rows/s)%n",
                            scale, tables, applied, w, s, applied / s);
                }
            }
        }
        return new Outcome(scale, tables, rows, seconds, coresBusy);
    }

    private static Map<String, Object> config(String url, int scale, int workers) {
        Map<String, Object> tree = MirrorHarness.config("Par", "postgresql", url, Map.of("tables", "all", "advance", false,
                "steps", 1, "scale", scale));
        tree.put("run", Map.of("workers", workers));
        return tree;
    }
}
