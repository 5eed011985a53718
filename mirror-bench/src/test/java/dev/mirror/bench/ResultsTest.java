package dev.mirror.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsTest {
    @Test
    void loadOutcomesBecomeRatiosAgainstTheGoals() {
        Results r = new Results();
        r.load(new LoadBenchmarks.Outcome(1000, 100, List.of(90.0, 95.0, 80.0), List.of(100.0, 100.0, 100.0),
                List.of(60.0, 55.0, 65.0), List.of(2.0, 3.0, 2.5), List.of("checked")), List.of("person"), 1000, false);
        assertThat(r.lines()).extracting(Result::id).containsExactly("1", "2a", "2b");
        assertThat(r.lines().get(0).ratio()).isEqualTo("0.90");
        assertThat(r.lines().get(0).met()).isTrue();
        assertThat(r.lines().get(1).ratio()).isEqualTo("0.67"); // 60 / 90, goal 0.6
        assertThat(r.lines().get(1).met()).isTrue();
        assertThat(r.lines().get(2).ratio()).isEqualTo("24.00"); // 60 / 2.5, goal 3
        assertThat(r.lines().get(2).met()).isTrue();
        assertThat(r.details()).contains("checked");
        assertThat(r.details()).anyMatch(d -> d.contains("population mirror/COPY 0.90, 0.95, 0.80 (median 0.90)"));
    }

    @Test
    void variantsReportPopulationAndApplyPerRunWithPairedRatios() {
        Results r = new Results();
        r.load(new LoadBenchmarks.Outcome(1000, 100, List.of(90.0, 100.0), List.of(100.0, 100.0), List.of(60.0, 50.0),
                List.of(2.0, 3.0), List.of(), Map.of("copyFormat=binary", List.of(60.0, 55.0)),
                Map.of("copyFormat=binary", List.of(108.0, 110.0)), Map.of()), List.of("person"), 1000, false);
        assertThat(r.details()).anyMatch(d -> d.startsWith("Experiment, population with `copyFormat=binary` (rows/s per run): ")
                && d.contains("paired variant/mirror 1.20, 1.10 (median 1.15)") && d.contains("variant/plain COPY 1.08, 1.10"));
        assertThat(r.details()).anyMatch(d -> d.startsWith("Experiment, apply with `copyFormat=binary` (changes/s per run): ")
                && d.contains("paired variant/mirror 1.00, 1.10"));
    }

    @Test
    void cpuPerRowComparesBothPathsAndSaysWhenTheServerCannotBeRead() {
        PushIngestBench.Outcome o = new PushIngestBench.Outcome(1000, 2 * 1048576, 4, List.of(30.0), List.of(100.0), List.of(),
                0, 0, 0, 0, List.of(new CpuMeter.Sample(50_000_000, 30_000_000)), List.of(new CpuMeter.Sample(10_000_000, 10_000_000)));
        // push: 50 µs + 30 µs per row; COPY: 10 + 10
        assertThat(Results.cpuPerRow(o)).contains("push 80.0 µs (this JVM 50.0").contains("PostgreSQL's processes 30.0")
                .contains("plain COPY 20.0 µs (JVM 10.0, PostgreSQL 10.0)").contains("4.0× COPY's CPU per row")
                .contains("cannot exceed ≈ 0.25");
        PushIngestBench.Outcome remote = new PushIngestBench.Outcome(1000, 2 * 1048576, 4, List.of(30.0), List.of(100.0), List.of(),
                0, 0, 0, 0, List.of(new CpuMeter.Sample(50_000_000, -1)), List.of(new CpuMeter.Sample(10_000_000, -1)));
        assertThat(Results.cpuPerRow(remote)).contains("this JVM only").contains("push 50.0 µs, plain COPY 10.0 µs");
    }

    @Test
    void benchmarksOneAndTwoReportCpuPerRowAndPerChange() {
        java.util.Map<String, List<CpuMeter.Sample>> cpu = new java.util.LinkedHashMap<>();
        cpu.put("population mirror", List.of(new CpuMeter.Sample(10_000_000, 20_000_000)));
        cpu.put("apply mirror", List.of(new CpuMeter.Sample(5_000_000, 30_000_000)));
        LoadBenchmarks.Outcome o = new LoadBenchmarks.Outcome(1000, 100, List.of(80.0), List.of(100.0), List.of(30.0), List.of(11.0),
                List.of(), java.util.Map.of(), java.util.Map.of(), cpu);
        // 1000 rows: 10 + 20 µs per row; 100 changes: 50 + 300 µs per change
        assertThat(Results.loadCpu(o)).contains("population mirror 30.0 µs (JVM 10.0, PostgreSQL 20.0)")
                .contains("apply mirror 350.0 µs (JVM 50.0, PostgreSQL 300.0)").doesNotContain("row-by-row");
    }

    @Test
    void onlyALoopbackServerIsMeasured() {
        assertThat(CpuMeter.isLoopback("jdbc:postgresql://127.0.0.1:5432/test?user=postgres")).isTrue();
        assertThat(CpuMeter.isLoopback("jdbc:postgresql://localhost/test")).isTrue();
        assertThat(CpuMeter.isLoopback("jdbc:postgresql://db.example.com:5432/test")).isFalse();
    }

    @Test
    void aMissedGoalSaysNo() {
        Results r = new Results();
        r.load(new LoadBenchmarks.Outcome(1000, 100, List.of(80.0), List.of(100.0), List.of(30.0), List.of(11.0), List.of()),
                List.of("person"), 1000, false);
        assertThat(r.lines()).extracting(Result::met).containsExactly(false, false, false);
        assertThat(r.lines().get(0).markdownRow()).endsWith("| **NO** |");
    }

    @Test
    void pushParallelAndTenantOutcomesBecomeLines() {
        Results r = new Results();
        r.push(new PushIngestBench.Outcome(1000, 2 * 1048576, 4, List.of(30.0, 50.0), List.of(100.0, 100.0), List.of("same"),
                64 * 1048576, 10 * 1048576, 20 * 1048576, 90 * 1048576,
                List.of(new CpuMeter.Sample(40_000_000, 20_000_000), new CpuMeter.Sample(60_000_000, 20_000_000)),
                List.of(new CpuMeter.Sample(10_000_000, 10_000_000), new CpuMeter.Sample(10_000_000, 10_000_000))), List.of("person"));
        Map<Integer, List<Double>> seconds = new java.util.LinkedHashMap<>();
        seconds.put(1, List.of(60.0));
        seconds.put(2, List.of(40.0));
        r.parallel(new ParallelLoadBench.Outcome(5, 416, 9000, seconds, Map.of(1, List.of(1.85), 2, List.of(1.97))));
        r.tenants(new TenantsBench.Outcome(50, 1000, 1048576, 2.0, List.of(10.0, 20.0, 30.0), 16, 1, 2, 3,
                List.of("isolation: fine")));
        assertThat(r.lines()).extracting(Result::id).containsExactly("6", "7", "8");
        assertThat(r.lines().get(0).ratio()).isEqualTo("0.40");
        assertThat(r.lines().get(0).met()).isFalse();
        assertThat(r.lines().get(0).mirror()).isEqualTo("40 rows/s (0.1 MiB/s of XML)");
        assertThat(r.lines().get(1).ratio()).isEqualTo("1.50");
        assertThat(r.lines().get(1).met()).isTrue();
        assertThat(r.details()).anyMatch(d -> d.startsWith("First load with 1 worker(s) (s per round): 60") && d.contains("cores kept busy")
                && d.endsWith(": 1.85"));
        assertThat(r.lines().get(2).mirror()).contains("500 rows/s").contains("median 20 ms").contains("p99 30 ms");
        assertThat(r.lines().get(2).met()).isTrue();
    }

    @Test
    void modesOutcomeBecomesOneReportedLinePerModeAgainstMirrorMode() {
        Results r = new Results();
        Map<String, List<Double>> rates = new java.util.LinkedHashMap<>();
        rates.put("mirror", List.of(100.0, 80.0, 120.0));
        rates.put("softDelete", List.of(90.0, 70.0, 95.0));
        rates.put("history", List.of(50.0, 40.0, 60.0));
        r.modes(new ModesBench.Outcome(9000, 500, rates), List.of("person", "contact"));
        assertThat(r.lines()).extracting(Result::id).containsExactly("9a", "9b");
        assertThat(r.lines().get(0).what()).contains("`softDelete` mode vs `mirror` mode").contains("500 changes")
                .contains("9,000 rows of person, contact");
        assertThat(r.lines().get(0).mirror()).isEqualTo("90 changes/s");
        assertThat(r.lines().get(0).baseline()).isEqualTo("100 changes/s");
        assertThat(r.lines().get(0).ratio()).isEqualTo("0.90");
        assertThat(r.lines().get(1).what()).contains("`history` mode");
        assertThat(r.lines().get(1).ratio()).isEqualTo("0.50");
        assertThat(r.lines()).allSatisfy(l -> assertThat(l.markdownRow()).endsWith("| — (reported) |"));
        assertThat(r.lines()).noneMatch(l -> l.missed() || l.failed());
        assertThat(r.details()).contains("Table mode `history`, apply (changes/s per run): 50, 40, 60");
    }

    @Test
    void quietCycleGoalIsUnderOneSecond() {
        Results r = new Results();
        r.quiet("3a", new QuietCycleBench.Outcome("PostgreSQL", 416, 2000, List.of(900.0, 1200.0, 950.0)));
        assertThat(r.lines().get(0).mirror()).isEqualTo("950 ms");
        assertThat(r.lines().get(0).met()).isTrue();
    }

    @Test
    void heapIsBoundedOnlyWhenTheDataExceedsTheHeapAndTheLiveSetStaysUnderHalfOfIt() {
        long mib = 1024 * 1024;
        Map<String, String> child = Map.of("rows", "10", "seconds", "1.0", "maxAfterGc", String.valueOf(20 * mib), "maxBeforeGc", "1",
                "sumOfPoolPeaks", "1", "collections", "3", "maxHeap", String.valueOf(256 * mib), "estimatedCopyBytes", String.valueOf(2000 * mib));
        Results ok = new Results();
        ok.heap(new HeapBench.Outcome("256m", child, 1, "cmd"));
        assertThat(ok.lines().get(0).met()).isTrue();

        Map<String, String> small = new java.util.HashMap<>(child);
        small.put("estimatedCopyBytes", String.valueOf(100 * mib));
        Results tooSmall = new Results();
        tooSmall.heap(new HeapBench.Outcome("256m", small, 1, "cmd"));
        assertThat(tooSmall.lines().get(0).met()).as("data smaller than the heap proves nothing").isFalse();
    }

    @Test
    void parsesTheChildsKeyValueLine() {
        assertThat(HeapBench.parse(" rows=5 seconds=1.5 ")).containsEntry("rows", "5").containsEntry("seconds", "1.5");
    }

    @Test
    void appendsUrlParameters() {
        assertThat(PgSchema.withParameter("jdbc:postgresql://h/db", "a=1")).isEqualTo("jdbc:postgresql://h/db?a=1");
        assertThat(PgSchema.withParameter("jdbc:postgresql://h/db?user=x", "a=1")).isEqualTo("jdbc:postgresql://h/db?user=x&a=1");
    }

    @Test
    void sqlServerOutcomesAreReportedAsRatiosWithoutAGoal() {
        Results r = new Results();
        r.sqlServer(new SqlServerBenchmark.Outcome("Microsoft SQL Server 2022", 1000, 100, List.of(90.0, 80.0, 100.0),
                List.of(100.0, 100.0, 100.0), List.of(45.0, 40.0, 50.0), List.of("checked")), List.of("person", "contact"));
        assertThat(r.lines()).extracting(Result::id).containsExactly("5a", "5b");
        Result load = r.lines().get(0);
        assertThat(load.what()).contains("1,000 rows of person, contact").contains("SQLServerBulkCopy").contains("batches of 10,000");
        assertThat(load.mirror()).isEqualTo("90 rows/s");
        assertThat(load.baseline()).isEqualTo("100 rows/s");
        assertThat(load.ratio()).isEqualTo("0.90");
        assertThat(load.verdict()).isEqualTo(Result.Verdict.REPORTED);
        assertThat(load.missed()).isFalse();
        assertThat(load.markdownRow()).endsWith("| — | — (reported) |");
        Result apply = r.lines().get(1);
        assertThat(apply.mirror()).isEqualTo("45 changes/s");
        assertThat(apply.ratio()).isEqualTo("0.50"); // 45 / 90
        assertThat(r.details()).contains("SQL Server: Microsoft SQL Server 2022", "checked")
                .anyMatch(d -> d.contains("mirror/raw bulk copy 0.90, 0.80, 1.00 (median 0.90)"));
    }

    @Test
    void mariaDbPopulationHasTheGoalOfNineTenthsOfAPlainLoadAndTheApplyIsReported() {
        Results r = new Results();
        r.mariaDb(new MariaDbBenchmark.Outcome("MariaDB 10.11", 1000, 100, List.of(85.0, 95.0, 90.0), List.of(100.0, 100.0, 100.0),
                List.of(40.0, 50.0, 45.0), List.of(10.0, 10.0, 10.0), List.of("identical"), null), List.of("person"), 1000);
        assertThat(r.lines()).extracting(Result::id).containsExactly("10a", "10b");
        assertThat(r.lines().get(0).ratio()).isEqualTo("0.90");
        assertThat(r.lines().get(0).verdict()).isEqualTo(Result.Verdict.MET);
        assertThat(r.lines().get(1).ratio()).isEqualTo("4.50");
        assertThat(r.lines().get(1).verdict()).isEqualTo(Result.Verdict.REPORTED);
        assertThat(r.details()).contains("MariaDB: MariaDB 10.11", "identical");

        Results slow = new Results();
        slow.mariaDb(new MariaDbBenchmark.Outcome("MariaDB 10.11", 1000, 100, List.of(80.0), List.of(100.0), List.of(40.0),
                List.of(10.0), List.of(), null), List.of("person"), 1000);
        assertThat(slow.lines().get(0).missed()).isTrue();

        Results failed = new Results();
        failed.mariaDb(new MariaDbBenchmark.Outcome("MariaDB 10.11", 1000, 0, List.of(), List.of(), List.of(), List.of(),
                List.of(), "The used command is not allowed | local_infile"), List.of("person"), 1000);
        assertThat(failed.lines()).singleElement().satisfies(l -> {
            assertThat(l.failed()).isTrue();
            assertThat(l.what()).contains("local_infile").contains("\\|");
        });
    }

    @Test
    void aBenchmarkThatDidNotRunSaysWhyAndIsNotAMissedGoal() {
        Results r = new Results();
        r.notRun("5", "SQL Server", "no server");
        Result line = r.lines().get(0);
        assertThat(line.markdownRow()).isEqualTo("| 5 | SQL Server: not run, no server | — | — | — | — | not run |");
        assertThat(line.met()).isFalse();
        assertThat(line.missed()).isFalse();
        assertThat(r.details()).containsExactly("Benchmark 5 not run: no server");
    }
}
