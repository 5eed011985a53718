package dev.mirror.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Benchmark 5's failure path needs no server: a failed bulk copy is a failed measurement, never a crash. */
class SqlServerBenchmarkFailureTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8);

    @Test
    void aBulkCopyTheServerRejectsIsAFailedMeasurementWithTheServersMessage() {
        SqlServerBenchmark.Progress p = new SqlServerBenchmark.Progress();
        SqlServerBenchmark.Outcome o = SqlServerBenchmark.measure(p, progress -> {
            progress.serverVersion = "Microsoft SQL Server 2022";
            progress.rows = 3000;
            progress.mirrorPopulation.add(90.0);
            progress.rawPopulation.add(100.0);
            progress.mirrorApply.add(45.0);
            progress.phase = "run 2, raw bulk copy";
            // what mssql-jdbc reports for a value SQL Server's bulk load rejects (error 4815)
            throw new SQLException("Received an invalid column length from the bcp client for colid 3.", "S0001", 4815);
        }, log);
        assertThat(o.failed()).isTrue();
        assertThat(o.failure()).isEqualTo("run 2, raw bulk copy: Received an invalid column length from the bcp client for"
                + " colid 3. (SQL Server error 4815, SQLState S0001)");
        assertThat(o.mirrorPopulation()).as("the runs completed before the failure are kept").containsExactly(90.0);
        assertThat(o.serverVersion()).isEqualTo("Microsoft SQL Server 2022");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("SQL Server benchmark failed: run 2, raw bulk copy");

        Results r = new Results();
        r.sqlServer(o, List.of("person", "contact"));
        assertThat(r.lines()).hasSize(1);
        Result line = r.lines().get(0);
        assertThat(line.verdict()).isEqualTo(Result.Verdict.FAILED);
        assertThat(line.failed()).isTrue();
        assertThat(line.what()).contains("failed in run 2, raw bulk copy: Received an invalid column length");
        assertThat(line.markdownRow()).doesNotContain("\n").endsWith("| **failed** |");
        assertThat(r.details()).contains("Benchmark 5 failed: " + o.failure())
                .anyMatch(d -> d.contains("completed before the failure") && d.contains("90"));
    }

    @Test
    void aFailingMirrorLoadIsAFailedMeasurementAndSecretsAreMasked() {
        SqlServerBenchmark.Outcome o = SqlServerBenchmark.measure(new SqlServerBenchmark.Progress(), p -> {
            p.phase = "run 1, mirror full population (bulk copy)";
            throw new IllegalStateException("the mirror failed on table person: login failed for url jdbc:sqlserver://h;password=s3cret");
        }, log);
        assertThat(o.failed()).isTrue();
        assertThat(o.failure()).startsWith("run 1, mirror full population (bulk copy): the mirror failed on table person")
                .doesNotContain("s3cret");
        assertThat(o.mirrorPopulation()).isEmpty();
    }

    @Test
    void aCompleteRunHasNoFailure() {
        SqlServerBenchmark.Outcome o = SqlServerBenchmark.measure(new SqlServerBenchmark.Progress(), p -> p.rows = 5, log);
        assertThat(o.failed()).isFalse();
        assertThat(o.rows()).isEqualTo(5);
    }

    /** The real path with a server that cannot be reached: run() returns a failed outcome instead of throwing. */
    @Test
    void anUnreachableServerIsAFailedMeasurementNotACrash() {
        SqlServerBenchmark.Outcome o = new SqlServerBenchmark(new SqlServerBenchmark.Settings(
                "jdbc:sqlserver://127.0.0.1:1;loginTimeout=2;connectRetryCount=0;user=u;password=s3cret;encrypt=false",
                List.of("person"), 10, 2, 1), log).run();
        assertThat(o.failed()).isTrue();
        assertThat(o.failure()).startsWith("creating the benchmark database: ").doesNotContain("s3cret");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("s3cret");
    }
}
