package dev.mirror.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 5 end to end on a tiny data set, against the server in {@code MIRROR_TEST_SQLSERVER_URL} (the login
 * needs CREATE DATABASE); skipped with the reason when it is not set. Checks the run's correctness checks, never
 * its timings.
 */
class SqlServerBenchmarkTest {
    static final String ENV = "MIRROR_TEST_SQLSERVER_URL";
    static final String SKIP_REASON = "no SQL Server: set " + ENV
            + " (e.g. jdbc:sqlserver://localhost:1433;databaseName=master;user=sa;password=...;encrypt=false) to run benchmark 5 here";

    @BeforeAll
    static void announce() {
        if (url() == null) {
            System.out.println("SKIPPED SqlServerBenchmarkTest: " + SKIP_REASON);
        }
    }

    private static String url() {
        String url = System.getenv(ENV);
        return url == null || url.isBlank() ? null : url;
    }

    @Test
    void bothPopulationPathsAndTheApplyLeaveTheExpectedTables() throws Exception {
        String url = url();
        Assumptions.assumeTrue(url != null, SKIP_REASON);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SqlServerBenchmark.Outcome o = new SqlServerBenchmark(new SqlServerBenchmark.Settings(url, List.of("person", "contact"), 3000, 300, 2),
                new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        assertThat(o.failure()).as("benchmark 5 failed").isNull();
        assertThat(o.rows()).isEqualTo(3000);
        assertThat(o.changes()).isEqualTo(300);
        assertThat(o.mirrorPopulation()).hasSize(2);
        assertThat(o.rawPopulation()).hasSize(2);
        assertThat(o.mirrorApply()).hasSize(2);
        assertThat(o.checks()).hasSize(2);
        assertThat(o.serverVersion()).isNotBlank();
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContainIgnoringCase("password=");
    }
}
