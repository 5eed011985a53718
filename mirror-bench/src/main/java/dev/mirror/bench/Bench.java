package dev.mirror.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The benchmark command: runs the measurements of BENCHMARKS.md (1-4 and 6-9) against a PostgreSQL server (and the
 * embedded H2 target for the quiet cycle), and benchmark 5 against a SQL Server when {@code --sqlserver-url} is given, and prints a markdown report with the machine, the command, the medians, the ratios
 * and whether each goal is met. Progress goes to stderr, the report to stdout (and {@code --output}).
 */
@Command(name = "mirror-bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures the mirror against PostgreSQL's (and SQL Server's) native bulk path; see BENCHMARKS.md.")
public final class Bench implements Callable<Integer> {
    static final Set<Integer> ALL = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    static final String SQL_SERVER_WHAT = "SQL Server full population vs raw `SQLServerBulkCopy` (5a) and incremental apply (5b)";

    @Spec
    CommandSpec spec;

    @Option(names = "--pg-url", description = "PostgreSQL JDBC URL (a fresh schema is created in it and dropped after). Default: ${DEFAULT-VALUE}")
    String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    @Option(names = "--rows", description = "N: rows for the full population (benchmark 1; also loaded before benchmark 10's applies). Default: ${DEFAULT-VALUE}")
    long rows = 1_000_000;

    @Option(names = "--changes", description = "M: mixed changes for the incremental apply (benchmarks 2 and 9). Default: ${DEFAULT-VALUE}")
    int changes = 100_000;

    @Option(names = "--runs", description = "Runs of benchmarks 1, 2 and 9 (9: per mode; medians are reported). Default: ${DEFAULT-VALUE}")
    int runs = 5;

    @Option(names = "--tables", split = ",", description = "Sample tables for benchmarks 1, 2 and 9. Default: ${DEFAULT-VALUE}")
    List<String> tables = List.of("udcontactsmall", "person", "contact");

    @Option(names = "--sink-batch", description = "JDBC batch size (and commit interval) of the row-by-row baseline. Default: ${DEFAULT-VALUE}")
    int sinkBatch = 1000;

    @Option(names = "--sink-rewrite", description = "Give the row-by-row baseline pgjdbc's reWriteBatchedInserts=true (the driver "
            + "then merges each batch into multi-row INSERTs: no longer one statement per row). Default: ${DEFAULT-VALUE}")
    boolean sinkRewrite = false;

    @Option(names = "--quiet-cycles", description = "Timed quiet cycles per target (benchmark 3). Default: ${DEFAULT-VALUE}")
    int quietCycles = 10;

    @Option(names = "--heap-mb", description = "COPY text to load in the small-heap child (benchmark 4), in MB. Default: ${DEFAULT-VALUE}")
    long heapMb = 2500;

    @Option(names = "--heap-xmx", description = "-Xmx of the child JVM (benchmark 4). Default: ${DEFAULT-VALUE}")
    String heapXmx = "256m";

    @Option(names = "--heap-table", description = "Table the child populates (benchmark 4). Default: ${DEFAULT-VALUE}")
    String heapTable = "udcontactsmall";

    @Option(names = "--sqlserver-url", description = "SQL Server JDBC URL with user and password (benchmark 5; a fresh database "
            + "is created through it and dropped after, so the login needs CREATE DATABASE), e.g. "
            + "jdbc:sqlserver://host:1433;databaseName=master;user=sa;password=...;encrypt=false. Without it benchmark 5 is "
            + "reported as not run.")
    String sqlServerUrl;

    @Option(names = "--mariadb-url", description = "MariaDB JDBC URL (benchmark 10; a fresh database is created through it and "
            + "dropped after; the server needs local_infile=ON). Default: ${DEFAULT-VALUE}")
    String mariaDbUrl = "jdbc:mariadb://127.0.0.1:3306/test?user=root&allowLocalInfile=true";

    @Option(names = "--only", split = ",", description = "Benchmarks to run, of 1,2,3,4,5,6,7,8,9,10 (1 and 2 always run together; 5 needs "
            + "--sqlserver-url; 10 is MariaDB). Default: all")
    Set<Integer> only = new TreeSet<>(ALL);

    @Option(names = "--target-setting", description = "KEY=VALUE: a target (dialect) setting of the mirror in benchmarks 1-2 and 6, "
            + "e.g. applyMethod=merge (repeatable).")
    java.util.Map<String, String> targetSettings = new java.util.LinkedHashMap<>();

    @Option(names = "--variant-setting", description = "KEY=VALUE: measure benchmark 1's population and benchmark 2's apply also "
            + "through another mirror with this one target setting changed, in the same run (an experiment; repeatable: one "
            + "mirror per setting), e.g. applyMethod=merge, fillFactor=80 or copyFormat=binary.")
    List<String> variantSettings = new java.util.ArrayList<>();

    @Option(names = "--push-rows", description = "Rows of the first load pushed through the SuperOffice endpoint (benchmark 6). "
            + "Default: ${DEFAULT-VALUE}")
    long pushRows = 300_000;

    @Option(names = "--push-tables", split = ",", description = "Sample tables of benchmark 6 (any of the 413). Default: ${DEFAULT-VALUE}")
    List<String> pushTables = List.of("udcontactsmall", "person", "contact", "databasemodel");

    @Option(names = "--push-batch-kib", description = "Size of one RowDataBatch in benchmark 6 (SuperOffice sends about 1 MB). "
            + "Default: ${DEFAULT-VALUE}")
    int pushBatchKib = 1024;

    @Option(names = "--parallel-scale", description = "Sample scale of benchmark 7's first load of all 416 tables. Default: ${DEFAULT-VALUE}")
    int parallelScale = 20;

    @Option(names = "--parallel-workers", split = ",", description = "run.workers values benchmark 7 compares. Default: ${DEFAULT-VALUE}")
    List<Integer> parallelWorkers = List.of(1, 2, 4);

    @Option(names = "--parallel-rounds", description = "Rounds of benchmark 7 (each loads once per worker count). Default: ${DEFAULT-VALUE}")
    int parallelRounds = 1;

    @Option(names = "--tenants", description = "Tenants pushing at once in benchmark 8. Default: ${DEFAULT-VALUE}")
    int tenants = 50;

    @Option(names = "--tenant-rows", description = "About how many rows each tenant pushes in benchmark 8 (each a few different). "
            + "Default: ${DEFAULT-VALUE}")
    int tenantRows = 4000;

    @Option(names = "--output", description = "Also write the markdown report to this file.")
    Path output;

    private String[] args = new String[0];

    public static void main(String[] args) {
        quietLogging();
        Bench bench = new Bench();
        bench.args = args.clone();
        System.exit(new CommandLine(bench).execute(args));
    }

    /** Core logs every cycle at INFO; the report is what matters here (unless the user chose a level). */
    static void quietLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }

    @Override
    public Integer call() throws Exception {
        validate();
        PrintStream log = System.err;
        boolean postgres = only.stream().anyMatch(b -> b <= 4 || (b >= 6 && b <= 8));
        String version = postgres ? serverVersion() : null;
        Instant started = Instant.now();
        Results results = new Results();
        if (only.contains(1) || only.contains(2)) {
            results.load(new LoadBenchmarks(new LoadBenchmarks.Settings(pgUrl, tables, rows, changes, runs, sinkBatch, sinkRewrite,
                    new java.util.LinkedHashMap<>(targetSettings), variants(variantSettings)), log).run(),
                    tables, sinkBatch, sinkRewrite);
        }
        if (only.contains(3)) {
            QuietCycleBench quiet = new QuietCycleBench(log);
            try (PgSchema schema = PgSchema.create(pgUrl)) {
                results.quiet("3a", quiet.run("PostgreSQL", "postgresql", schema.url(), quietCycles));
            }
            Path dir = Files.createTempDirectory("mirror-bench-h2");
            try {
                results.quiet("3b", quiet.run("H2 (embedded, file)", "h2", "jdbc:h2:file:" + dir.resolve("mirror").toAbsolutePath(),
                        quietCycles));
            } finally {
                deleteTree(dir);
            }
        }
        if (only.contains(4)) {
            results.heap(new HeapBench(log).run(pgUrl, heapTable, heapMb * 1_000_000, heapXmx));
        }
        if (only.contains(6)) {
            results.push(new PushIngestBench(new PushIngestBench.Settings(pgUrl, pushTables, pushRows, runs, pushBatchKib * 1024, 3, 64,
                    new java.util.LinkedHashMap<>(targetSettings)), log)
                    .run(), pushTables);
        }
        if (only.contains(7)) {
            results.parallel(new ParallelLoadBench(log).run(pgUrl, parallelScale, parallelWorkers, parallelRounds));
        }
        if (only.contains(8)) {
            results.tenants(new TenantsBench(log).run(pgUrl, tenants, tenantRows, List.of("person", "contact")));
        }
        if (only.contains(9)) {
            results.modes(new ModesBench(log).run(pgUrl, tables, rows, changes, runs), tables);
        }
        String sqlServerVersion = only.contains(5) ? sqlServer(results, log) : null;
        String mariaDbVersion = null;
        if (only.contains(10)) {
            MariaDbBenchmark.Outcome o = new MariaDbBenchmark(new MariaDbBenchmark.Settings(mariaDbUrl, tables, rows, changes, runs,
                    sinkBatch), log).run();
            results.mariaDb(o, tables, sinkBatch);
            mariaDbVersion = o.serverVersion();
        }
        String target = Stream.of(version, sqlServerVersion, mariaDbVersion).filter(Objects::nonNull).collect(Collectors.joining("; "));
        String report = Report.markdown(Machine.describe(target.isEmpty() ? "none" : target), command(), started, Instant.now(),
                settingsLine(), results);
        System.out.println(report);
        if (output != null) {
            Files.writeString(output, report, StandardCharsets.UTF_8);
        }
        return results.lines().stream().noneMatch(r -> r.missed() || r.failed()) ? 0 : 1;
    }

    /** Each {@code KEY=VALUE} its own variant, in the order given (the same key may come twice, e.g. a control). */
    private java.util.Map<String, Object> variants(List<String> given) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (String v : given) {
            int eq = v.indexOf('=');
            if (eq < 1) {
                throw new ParameterException(spec.commandLine(), "--variant-setting takes KEY=VALUE, got '" + v + "'");
            }
            m.put(v, v.substring(eq + 1));
        }
        return m;
    }

    /** Refuses benchmark numbers that do not exist and a malformed SQL Server URL, before anything runs. */
    void validate() {
        if (only.isEmpty() || !ALL.containsAll(only)) {
            throw new ParameterException(spec.commandLine(), "--only takes benchmark numbers of 1,2,3,4,5,6,7,8,9,10, got " + only);
        }
        if (sqlServerUrl != null) {
            try {
                SqlServerUrl.validate(sqlServerUrl);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }

    /** Benchmark 5, or a "not run" line saying why; returns the server's version, null when not run. */
    String sqlServer(Results results, PrintStream log) throws SQLException {
        if (sqlServerUrl == null) {
            results.notRun("5", SQL_SERVER_WHAT, "no `--sqlserver-url` given (see BENCHMARKS.md, \"How to run against SQL Server\")");
            return null;
        }
        SqlServerBenchmark.Outcome o = new SqlServerBenchmark(new SqlServerBenchmark.Settings(sqlServerUrl, tables, rows, changes, runs),
                log).run();
        results.sqlServer(o, tables);
        return o.serverVersion();
    }

    private String settingsLine() {
        return String.format(java.util.Locale.ROOT, "N = %,d rows, M = %,d changes, %d runs of benchmarks 1–2 and 5, %d timed quiet cycles "
                + "per target, heap child -Xmx%s with %,d MB of COPY text; benchmark 9: the same N, M and runs per table mode", rows, changes, runs, quietCycles, heapXmx, heapMb);
    }

    private String command() {
        List<String> jvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return "java " + String.join(" ", jvm) + (jvm.isEmpty() ? "" : " ") + "-cp \"mirror-bench/target/mirror-bench-0.1.0-SNAPSHOT.jar:"
                + "mirror-bench/target/lib/*\" " + Bench.class.getName() + (args.length == 0 ? "" : " " + redactedArgs(args));
    }

    /** The arguments as typed, with passwords in URLs masked (the report is meant to be published). */
    static String redactedArgs(String[] args) {
        return String.join(" ", Stream.of(args).map(SqlServerUrl::redact).toList());
    }

    private String serverVersion() throws SQLException {
        try (Connection c = DriverManager.getConnection(pgUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
