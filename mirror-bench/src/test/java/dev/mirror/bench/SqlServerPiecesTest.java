package dev.mirror.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.sqlserver.jdbc.SQLServerBulkCopyOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL Server benchmark's pieces that need no server: URL handling, SQL text, bulk copy options. */
class SqlServerPiecesTest {
    private static final String URL = "jdbc:sqlserver://db.example:1433;databaseName=master;user=sa;password=S3cret!;encrypt=false";

    @Test
    void pointsTheUrlAtTheBenchmarksDatabaseWhateverItNamedBefore() {
        assertThat(SqlServerUrl.withDatabase(URL, "mirror_bench_x"))
                .isEqualTo("jdbc:sqlserver://db.example:1433;user=sa;password=S3cret!;encrypt=false;databaseName=mirror_bench_x");
        assertThat(SqlServerUrl.withDatabase("jdbc:sqlserver://h;DATABASE=a;user=u", "b")).isEqualTo("jdbc:sqlserver://h;user=u;databaseName=b");
        assertThat(SqlServerUrl.withDatabase("jdbc:sqlserver://h", "b")).isEqualTo("jdbc:sqlserver://h;databaseName=b");
        assertThat(SqlServerUrl.withDatabase("jdbc:sqlserver://h;password={a;databaseName=x};", "b"))
                .as("a braced value keeps its semicolons").isEqualTo("jdbc:sqlserver://h;password={a;databaseName=x};databaseName=b");
    }

    @Test
    void masksPasswordsPlainAndBraced() {
        assertThat(SqlServerUrl.redact(URL)).doesNotContain("S3cret").contains("password=****;encrypt=false");
        assertThat(SqlServerUrl.redact("jdbc:sqlserver://h;password={p;q}x;user=u")).doesNotContain("p;q").contains("user=u");
        assertThat(SqlServerUrl.redact("--sqlserver-url=" + URL)).doesNotContain("S3cret");
        assertThat(Bench.redactedArgs(new String[] {"--sqlserver-url", URL, "--rows", "10"})).doesNotContain("S3cret").endsWith("--rows 10");
    }

    @Test
    void refusesAUrlThatIsNotSqlServersWithoutEchoingIt() {
        assertThatThrownBy(() -> SqlServerUrl.validate("jdbc:postgresql://h/db?password=S3cret!")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlserver://").hasMessageNotContaining("S3cret");
        assertThatThrownBy(() -> SqlServerUrl.validate(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesTheBenchmarksOwnSql() {
        assertThat(SqlServerSql.createDatabase("mirror_bench_1")).isEqualTo("CREATE DATABASE [mirror_bench_1]");
        assertThat(SqlServerSql.dropDatabase("mirror_bench_1")).containsExactly(
                "ALTER DATABASE [mirror_bench_1] SET SINGLE_USER WITH ROLLBACK IMMEDIATE", "DROP DATABASE [mirror_bench_1]");
        assertThat(SqlServerSql.truncate("[t]")).isEqualTo("TRUNCATE TABLE [t]");
        assertThat(SqlServerSql.updateStatistics("[t]")).isEqualTo("UPDATE STATISTICS [t]");
        assertThat(SqlServerSql.checksum("[t]"))
                .isEqualTo("SELECT COUNT_BIG(*), COALESCE(SUM(CAST(BINARY_CHECKSUM(*) AS bigint)), 0) FROM [t]");
        assertThat(SqlServerSql.bracket("a]b")).isEqualTo("[a]]b]");
    }

    @Test
    void rawBulkCopyUsesTheDialectsFullLoadOptions() throws Exception {
        SQLServerBulkCopyOptions o = RawBulkCopy.options();
        assertThat(o.isTableLock()).isTrue();
        assertThat(o.isKeepNulls()).isTrue();
        assertThat(o.isKeepIdentity()).isTrue();
        assertThat(o.isFireTriggers()).isFalse();
        assertThat(o.isCheckConstraints()).isFalse();
        assertThat(o.isUseInternalTransaction()).isFalse();
        assertThat(o.getBatchSize()).isEqualTo(10_000);
        assertThat(o.getBulkCopyTimeout()).isEqualTo(3600);
    }

    @Test
    void settingsRefuseABadUrlAndZeroRuns() {
        assertThatThrownBy(() -> new SqlServerBenchmark.Settings("jdbc:h2:mem:x", List.of("person"), 10, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SqlServerBenchmark.Settings(URL, List.of("person"), 10, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--runs");
    }
}
