package dev.mirror.bench;

import dev.mirror.sqlserver.dialect.BulkSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the benchmarks' outcomes into result lines and per-run details (pure: unit tested). */
final class Results {
    static final double POPULATION_GOAL = 0.9;
    static final double APPLY_VS_POPULATION_GOAL = 0.6;
    static final double APPLY_VS_ROW_BY_ROW_GOAL = 3;
    static final double QUIET_CYCLE_GOAL_MILLIS = 1000;
    static final double PUSH_VS_COPY_GOAL = 0.5;
    static final double TWO_WORKERS_GOAL = 1.4;

    private final List<Result> lines = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    List<Result> lines() {
        return lines;
    }

    List<String> details() {
        return details;
    }

    void load(LoadBenchmarks.Outcome o, List<String> tables, int sinkBatch, boolean sinkRewrite) {
        double mirror = Stats.median(o.mirrorPopulation());
        double copy = Stats.median(o.copyPopulation());
        double apply = Stats.median(o.mirrorApply());
        double sink = Stats.median(o.rowByRow());
        lines.add(new Result("1", String.format(Locale.ROOT, "Full population, %,d rows of %s: `repopulate` vs plain `CopyManager` COPY",
                o.rows(), String.join(", ", tables)), rate(mirror, "rows/s"), rate(copy, "rows/s"), ratio(mirror / copy),
                "≥ 0.90", mirror / copy >= POPULATION_GOAL));
        lines.add(new Result("2a", String.format(Locale.ROOT, "Incremental apply, %,d changes (60%% U / 30%% I / 10%% D) "
                + "vs the mirror's full-population rate", o.changes()), rate(apply, "changes/s"), rate(mirror, "rows/s"),
                ratio(apply / mirror), "≥ 0.6", apply / mirror >= APPLY_VS_POPULATION_GOAL));
        lines.add(new Result("2b", String.format(Locale.ROOT, "Incremental apply vs row-by-row upserts "
                + "(one statement per row in JDBC batches of %d%s)", sinkBatch, sinkRewrite ? ", `reWriteBatchedInserts=true`" : ""), rate(apply, "changes/s"),
                rate(sink, "changes/s"), ratio(apply / sink), "≥ 3×", apply / sink >= APPLY_VS_ROW_BY_ROW_GOAL));
        details.add("Paired ratios per run (both paths measured in the same run, so shared noise cancels): "
                + "population mirror/COPY " + pairs(o.mirrorPopulation(), o.copyPopulation())
                + "; apply/row-by-row " + pairs(o.mirrorApply(), o.rowByRow()));
        details.add("Full population, mirror (rows/s per run): " + series(o.mirrorPopulation()));
        details.add("Full population, plain COPY (rows/s per run): " + series(o.copyPopulation()));
        details.add("Incremental, mirror apply (changes/s per run): " + series(o.mirrorApply()));
        details.add("Incremental, row-by-row upserts (changes/s per run): " + series(o.rowByRow()));
        o.variantPopulation().forEach((name, rates) -> details.add("Experiment, population with `" + name + "` (rows/s per run): "
                + series(rates) + "; paired variant/mirror " + pairs(rates, o.mirrorPopulation()) + "; ratio of medians "
                + ratio(Stats.median(rates) / mirror) + "; variant/plain COPY " + pairs(rates, o.copyPopulation())));
        o.variantApply().forEach((name, rates) -> details.add("Experiment, apply with `" + name + "` (changes/s per run): "
                + series(rates) + "; paired variant/mirror " + pairs(rates, o.mirrorApply()) + "; ratio of medians "
                + ratio(Stats.median(rates) / apply)));
        if (!o.cpu().isEmpty()) {
            details.add(loadCpu(o));
        }
        details.addAll(o.checks());
    }

    /** CPU per row (population) and per change (apply) of benchmarks 1–2's paths, this JVM's and the local server's. */
    static String loadCpu(LoadBenchmarks.Outcome o) {
        List<String> parts = new ArrayList<>();
        for (String path : LoadBenchmarks.CPU_PATHS) {
            List<CpuMeter.Sample> samples = o.cpu().getOrDefault(path, List.of());
            if (samples.isEmpty()) {
                continue;
            }
            long units = path.startsWith("population") ? o.rows() : o.changes();
            double jvm = microsPerRow(samples.stream().map(CpuMeter.Sample::jvm).toList(), units);
            boolean server = samples.stream().allMatch(x -> x.server() >= 0);
            parts.add(server
                    ? String.format(Locale.ROOT, "%s %.1f µs (JVM %.1f, PostgreSQL %.1f)", path,
                            jvm + microsPerRow(samples.stream().map(CpuMeter.Sample::server).toList(), units), jvm,
                            microsPerRow(samples.stream().map(CpuMeter.Sample::server).toList(), units))
                    : String.format(Locale.ROOT, "%s %.1f µs (JVM only; the server is not on this machine)", path, jvm));
        }
        return "CPU per row of a population and per change of an apply (median of runs): " + String.join("; ", parts);
    }

    void sqlServer(SqlServerBenchmark.Outcome o, List<String> tables) {
        if (o.failed()) {
            sqlServerFailed(o, tables);
            return;
        }
        double mirror = Stats.median(o.mirrorPopulation());
        double raw = Stats.median(o.rawPopulation());
        double apply = Stats.median(o.mirrorApply());
        lines.add(new Result("5a", String.format(Locale.ROOT, "SQL Server full population, %,d rows of %s: `repopulate` vs raw "
                        + "`SQLServerBulkCopy` (TABLOCK, KeepNulls, batches of %,d)", o.rows(), String.join(", ", tables),
                BulkSettings.DEFAULTS.batchSize()), rate(mirror, "rows/s"), rate(raw, "rows/s"),
                ratio(mirror / raw), "—", Result.Verdict.REPORTED));
        lines.add(new Result("5b", String.format(Locale.ROOT, "SQL Server incremental apply, %,d changes (60%% U / 30%% I / 10%% D) "
                + "vs the mirror's full-population rate there", o.changes()), rate(apply, "changes/s"), rate(mirror, "rows/s"),
                ratio(apply / mirror), "—", Result.Verdict.REPORTED));
        details.add("SQL Server: " + o.serverVersion());
        details.add("SQL Server paired ratios per run: population mirror/raw bulk copy " + pairs(o.mirrorPopulation(), o.rawPopulation()));
        details.add("SQL Server full population, mirror (rows/s per run): " + series(o.mirrorPopulation()));
        details.add("SQL Server full population, raw bulk copy (rows/s per run): " + series(o.rawPopulation()));
        details.add("SQL Server incremental, mirror apply (changes/s per run): " + series(o.mirrorApply()));
        details.addAll(o.checks());
    }

    /** Benchmark 10 (MariaDB): population against a plain LOAD DATA (goal 0.9x), apply against row-wise batched upserts. */
    void mariaDb(MariaDbBenchmark.Outcome o, List<String> tables, int sinkBatch) {
        if (o.failed()) {
            String message = o.failure().replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
            lines.add(new Result("10", String.format(Locale.ROOT, "MariaDB full population and apply, %,d rows of %s: failed: %s",
                    o.rows(), String.join(", ", tables), message), "—", "—", "—", "—", Result.Verdict.FAILED));
            details.add("Benchmark 10 failed: " + o.failure());
            details.addAll(o.checks());
            return;
        }
        double mirror = Stats.median(o.mirrorPopulation());
        double plain = Stats.median(o.plainPopulation());
        double apply = Stats.median(o.mirrorApply());
        double rowWise = Stats.median(o.rowWiseApply());
        lines.add(new Result("10a", String.format(Locale.ROOT, "MariaDB full population, %,d rows of %s: `repopulate` vs a plain "
                + "`LOAD DATA LOCAL INFILE` of the same rows", o.rows(), String.join(", ", tables)), rate(mirror, "rows/s"),
                rate(plain, "rows/s"), ratio(mirror / plain), "≥ 0.9×", mirror / plain >= 0.9));
        lines.add(new Result("10b", String.format(Locale.ROOT, "MariaDB incremental apply, %,d changes (60%% U / 30%% I / 10%% D) vs "
                + "row-wise `INSERT … ON DUPLICATE KEY UPDATE` / `DELETE` in JDBC batches of %,d", o.changes(), sinkBatch),
                rate(apply, "changes/s"), rate(rowWise, "changes/s"), ratio(apply / rowWise), "—", Result.Verdict.REPORTED));
        details.add("MariaDB: " + o.serverVersion());
        details.add("MariaDB paired ratios per run: population mirror/plain LOAD DATA " + pairs(o.mirrorPopulation(), o.plainPopulation())
                + "; apply mirror/row-wise " + pairs(o.mirrorApply(), o.rowWiseApply()));
        details.add("MariaDB full population, mirror (rows/s per run): " + series(o.mirrorPopulation()) + "; plain LOAD DATA: "
                + series(o.plainPopulation()));
        details.add("MariaDB incremental, mirror apply (changes/s per run): " + series(o.mirrorApply()) + "; row-wise batches: "
                + series(o.rowWiseApply()));
        details.addAll(o.checks());
    }

    /** Benchmark 5 failed: one failed line with the server's message, and what completed before, in the details. */
    private void sqlServerFailed(SqlServerBenchmark.Outcome o, List<String> tables) {
        // a table cell cannot hold a line break or a pipe
        String message = o.failure().replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
        lines.add(new Result("5", String.format(Locale.ROOT, "SQL Server full population and apply, %,d rows of %s: failed in %s",
                o.rows(), String.join(", ", tables), message), "—", "—", "—", "—", Result.Verdict.FAILED));
        details.add("Benchmark 5 failed: " + o.failure());
        details.add("SQL Server: " + o.serverVersion());
        if (!o.mirrorPopulation().isEmpty()) {
            details.add("SQL Server runs completed before the failure: population mirror (rows/s) " + series(o.mirrorPopulation())
                    + "; raw bulk copy (rows/s) " + series(o.rawPopulation()) + "; apply (changes/s) " + series(o.mirrorApply()));
        }
        details.addAll(o.checks());
    }

    /** A benchmark that was selected but could not run, with the reason in the table and in the details. */
    void notRun(String id, String what, String reason) {
        lines.add(new Result(id, what + ": not run, " + reason, "—", "—", "—", "—", Result.Verdict.NOT_RUN));
        details.add("Benchmark " + id + " not run: " + reason);
    }

    void quiet(String id, QuietCycleBench.Outcome o) {
        double median = Stats.median(o.quietMillis());
        lines.add(new Result(id, String.format(Locale.ROOT, "Cycle with no changes, %d tables (sample `tables: all`), %s",
                o.tables(), o.target()), String.format(Locale.ROOT, "%,.0f ms", median), "—", "—", "< 1 s",
                median < QUIET_CYCLE_GOAL_MILLIS));
        details.add(String.format(Locale.ROOT, "Quiet cycles on %s (ms per cycle): %s; initial load of all tables %,.0f ms",
                o.target(), series(o.quietMillis()), o.initialLoadMillis()));
    }

    void heap(HeapBench.Outcome o) {
        long maxHeap = o.value("maxHeap");
        long live = o.value("maxAfterGc");
        long data = o.value("estimatedCopyBytes");
        boolean bounded = data > maxHeap && live < maxHeap / 2;
        lines.add(new Result("4", String.format(Locale.ROOT, "Peak heap, full population of %,d rows (≈ %s of COPY text, "
                        + "%s on disk) with -Xmx%s", o.value("rows"), mib(data), mib(o.tableBytes()), o.xmx()),
                mib(live) + " live after GC", mib(maxHeap) + " max heap", String.format(Locale.ROOT, "%.0f%% of heap, %.3f of data",
                        100.0 * live / maxHeap, (double) live / data), "completes, data > heap, peak < ½ heap", bounded));
        details.add(String.format(Locale.ROOT, "Heap child: %s rows in %s s; max heap used after a GC %s, before a GC %s, sum of "
                        + "heap pools' peaks %s, %s collections; -Xmx%s", o.child().get("rows"), o.child().get("seconds"), mib(live),
                mib(o.value("maxBeforeGc")), mib(o.value("sumOfPoolPeaks")), o.child().get("collections"), o.xmx()));
    }

    void push(PushIngestBench.Outcome o, List<String> tables) {
        double push = Stats.median(o.pushRows());
        double copy = Stats.median(o.copyRows());
        double mibPerSecond = o.xmlBytes() / 1048576.0 * push / o.rows();
        lines.add(new Result("6", String.format(Locale.ROOT, "SuperOffice push ingest, first load of %,d rows of %s (%s of RowData "
                        + "XML in %,d calls of 3 batches) through the endpoint vs plain COPY of the same rows", o.rows(),
                String.join(", ", tables), mib(o.xmlBytes()), o.calls()),
                rate(push, "rows/s") + String.format(Locale.ROOT, " (%.1f MiB/s of XML)", mibPerSecond), rate(copy, "rows/s"),
                ratio(push / copy), "≥ 0.5", push / copy >= PUSH_VS_COPY_GOAL));
        details.add("Push ingest (rows/s per run): " + series(o.pushRows()) + "; plain COPY (rows/s per run): " + series(o.copyRows())
                + "; paired push/COPY " + pairs(o.pushRows(), o.copyRows()));
        details.add(cpuPerRow(o));
        details.add(String.format(Locale.ROOT, "One RowData call of %s: heap in use after a GC at most %s during the call, %s before "
                        + "it (baseline after System.gc(), which includes the benchmark's own in-memory rows and requests); in use at any "
                        + "moment (sampled every 20 ms, garbage included) at most %s", mib(o.heapRequestBytes()), mib(o.heapMaxAfterGc()), mib(o.heapBaseline()), mib(o.heapMaxBeforeGc())));
        details.addAll(o.checks());
    }

    /**
     * CPU per row of both paths (medians over the runs), this JVM's and the local PostgreSQL's: what each path costs the
     * machine's cores, whatever else ran. The push's share of it bounds its rate against COPY once both use every core.
     */
    static String cpuPerRow(PushIngestBench.Outcome o) {
        double pushJvm = microsPerRow(o.pushCpu().stream().map(CpuMeter.Sample::jvm).toList(), o.rows());
        double copyJvm = microsPerRow(o.copyCpu().stream().map(CpuMeter.Sample::jvm).toList(), o.rows());
        boolean server = !o.pushCpu().isEmpty() && !o.copyCpu().isEmpty()
                && o.pushCpu().stream().allMatch(x -> x.server() >= 0) && o.copyCpu().stream().allMatch(x -> x.server() >= 0);
        if (!server) {
            return String.format(Locale.ROOT, "CPU per row (median of runs), this JVM only (the PostgreSQL server is not on this "
                    + "machine, or /proc cannot be read): push %.1f µs, plain COPY %.1f µs", pushJvm, copyJvm);
        }
        double pushPg = microsPerRow(o.pushCpu().stream().map(CpuMeter.Sample::server).toList(), o.rows());
        double copyPg = microsPerRow(o.copyCpu().stream().map(CpuMeter.Sample::server).toList(), o.rows());
        double pushAll = pushJvm + pushPg;
        double copyAll = copyJvm + copyPg;
        return String.format(Locale.ROOT, "CPU per row (median of runs): push %.1f µs (this JVM %.1f: the endpoint's threads, "
                        + "the client, GC and JIT; PostgreSQL's processes %.1f), plain COPY %.1f µs (JVM %.1f, PostgreSQL %.1f): the push "
                        + "costs %.1f× COPY's CPU per row, so where both are bound by the same cores push/COPY cannot exceed ≈ %.2f",
                pushAll, pushJvm, pushPg, copyAll, copyJvm, copyPg, pushAll / copyAll, copyAll / pushAll);
    }

    private static double microsPerRow(List<Long> nanos, long rows) {
        return Stats.median(nanos.stream().map(n -> n / 1000.0 / rows).toList());
    }

    void parallel(ParallelLoadBench.Outcome o) {
        List<Double> one = o.seconds().get(1);
        double base = one == null ? Double.NaN : Stats.median(one);
        o.seconds().forEach((w, s) -> {
            double median = Stats.median(s);
            if (w != 1) {
                double speedup = base / median;
                lines.add(new Result("7", String.format(Locale.ROOT, "First load of the sample's %d tables (scale %d, %,d rows), "
                                + "`run.workers: %d` vs 1", o.tables(), o.scale(), o.rows(), w), String.format(Locale.ROOT, "%.1f s", median),
                        String.format(Locale.ROOT, "%.1f s", base), ratio(speedup), w == 2 ? "≥ 1.4× with 2" : "—",
                        w == 2 ? (speedup >= TWO_WORKERS_GOAL ? Result.Verdict.MET : Result.Verdict.MISSED) : Result.Verdict.REPORTED));
            }
            List<Double> busy = o.coresBusy().get(w);
            details.add(String.format(Locale.ROOT, "First load with %d worker(s) (s per round): %s", w, series(s))
                    + (busy == null || busy.isEmpty() ? "" : String.format(Locale.ROOT, "; cores kept busy (this JVM's and the local "
                    + "PostgreSQL's CPU time / wall time, of %d available): %s", Runtime.getRuntime().availableProcessors(),
                    busy.stream().map(b -> String.format(Locale.ROOT, "%.2f", b)).collect(java.util.stream.Collectors.joining(", ")))));
        });
    }

    void tenants(TenantsBench.Outcome o) {
        List<Double> sorted = new ArrayList<>(o.callMillis());
        java.util.Collections.sort(sorted);
        double median = Stats.median(sorted);
        double p99 = sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.99 * sorted.size()) - 1));
        boolean isolated = o.checks().size() == 1 && o.checks().get(0).startsWith("isolation:");
        lines.add(new Result("8", String.format(Locale.ROOT, "%d tenants pushing a first load at once through one endpoint into their own "
                        + "schemas (%,d rows, %s of RowData XML, %,d calls)", o.tenants(), o.rows(), mib(o.xmlBytes()), o.callMillis().size()),
                rate(o.rows() / o.seconds(), "rows/s") + String.format(Locale.ROOT, ", call latency median %,.0f ms, p99 %,.0f ms",
                        median, p99), "—", "—", "nothing written to another tenant", isolated));
        details.add(String.format(Locale.ROOT, "Tenants: %,d rows in %.1f s; heap in use: %s before, at most %s during the run "
                        + "(sampled every 50 ms), at most %s right after a GC; the endpoint's worker threads: source.threads default",
                o.rows(), o.seconds(), mib(o.heapBaseline()), mib(o.heapMaxUsed()), mib(o.heapMaxAfterGc())));
        details.addAll(o.checks());
    }

    /**
     * Benchmark 9: one line per mode other than {@code mirror}, its median apply rate against mirror mode's (measured in
     * the same run, same rows and changes); the issue sets no goal, so the figures are reported.
     */
    void modes(ModesBench.Outcome o, List<String> tables) {
        List<Double> mirrorRates = o.rates().get("mirror");
        double mirror = Stats.median(mirrorRates);
        char suffix = 'a';
        for (java.util.Map.Entry<String, List<Double>> e : o.rates().entrySet()) {
            if (e.getKey().equals("mirror")) {
                continue;
            }
            double mode = Stats.median(e.getValue());
            lines.add(new Result("9" + suffix++, String.format(Locale.ROOT, "Incremental apply in `%s` mode vs `mirror` mode, %,d changes "
                            + "(60%% U / 30%% I / 10%% D) on %,d rows of %s", e.getKey(), o.changes(), o.rows(), String.join(", ", tables)),
                    rate(mode, "changes/s"), rate(mirror, "changes/s"), ratio(mode / mirror), "—", Result.Verdict.REPORTED));
        }
        o.rates().forEach((mode, rates) -> details.add("Table mode `" + mode + "`, apply (changes/s per run): " + series(rates)));
    }

    /** Each run's a/b and their median, e.g. {@code 1.10, 0.95, 1.02 (median 1.02)}. */
    static String pairs(List<Double> a, List<Double> b) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            r.add(a.get(i) / b.get(i));
        }
        return String.join(", ", r.stream().map(Results::ratio).toList()) + " (median " + ratio(Stats.median(r)) + ")";
    }

    static String rate(double v, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", v, unit);
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f", r);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024));
    }

    static String series(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).toList());
    }
}
