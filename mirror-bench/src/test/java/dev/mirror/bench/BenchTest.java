package dev.mirror.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command's options, and benchmark 5 without a server (nothing here needs a database). */
class BenchTest {
    private static CommandLine command(Bench bench, StringWriter err) {
        return new CommandLine(bench).setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()));
    }

    @Test
    void parsesTheSqlServerUrlAndRunsBenchmarkFiveByDefault() {
        Bench b = new Bench();
        new CommandLine(b).parseArgs("--sqlserver-url", "jdbc:sqlserver://h;user=u;password=p", "--rows", "5000");
        assertThat(b.sqlServerUrl).isEqualTo("jdbc:sqlserver://h;user=u;password=p");
        assertThat(b.only).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Bench none = new Bench();
        new CommandLine(none).parseArgs("--only", "5");
        assertThat(none.sqlServerUrl).isNull();
        assertThat(none.only).containsExactly(5);
    }

    @Test
    void anUnknownBenchmarkNumberIsAUsageError() {
        StringWriter err = new StringWriter();
        int code = command(new Bench(), err).execute("--only", "2,11");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--only takes benchmark numbers of 1,2,3,4,5,6,7,8,9,10, got [2, 11]");
    }

    @Test
    void aUrlThatIsNotSqlServersIsAUsageErrorThatDoesNotEchoThePassword() {
        StringWriter err = new StringWriter();
        int code = command(new Bench(), err).execute("--only", "5", "--sqlserver-url", "jdbc:postgresql://h/db?password=S3cret");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("must be a SQL Server JDBC URL").doesNotContain("S3cret");
    }

    @Test
    void withoutSqlServerUrlBenchmarkFiveIsReportedAsNotRunWithTheReason(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.md");
        int code = command(new Bench(), new StringWriter()).execute("--only", "5", "--output", out.toString());
        String report = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(code).as("a benchmark that could not run is not a missed goal").isZero();
        assertThat(report).contains("| 5 | " + Bench.SQL_SERVER_WHAT + ": not run, no `--sqlserver-url` given")
                .contains("| not run |")
                .contains("- Benchmark 5 not run: no `--sqlserver-url` given")
                .contains("| Target | none |");
    }
}
