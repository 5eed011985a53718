package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.dialect.TargetDialect;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 5, against a SQL Server, in a fresh database ({@link SqlServerDatabase}):
 * <ol type="a">
 * <li>full population of the same in-memory rows through {@code MirrorProtocol.repopulate} (target dialect
 * {@code sqlserver}) versus a {@link RawBulkCopy} into the same tables, in the same run, the order alternating
 * between runs; both load into emptied tables (emptied untimed, so neither side's time includes deleting the
 * previous run's rows);</li>
 * <li>one batch of mixed changes ({@link ChangeMix}) through {@code MirrorProtocol.apply} against the populated
 * tables.</li>
 * </ol>
 * Every timed phase starts after a {@code CHECKPOINT} and a GC. The first run checks that both population paths
 * leave identical tables, and that the apply leaves exactly the expected rows (raw-copied for comparison).
 */
final class SqlServerBenchmark {
    private static final long POPULATED_LSN = 1000;

    /** What to run. */
    record Settings(String url, List<String> tables, long rows, int changes, int runs) {
        Settings {
            SqlServerUrl.validate(url);
            tables = List.copyOf(tables);
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
            }
        }
    }

    /**
     * Per-run rates in run order, the server's version and the correctness checks that passed; {@code failure} is null
     * when every run completed, otherwise what failed with the server's message (the lists then hold the runs that
     * completed before it).
     */
    record Outcome(String serverVersion, long rows, long changes, List<Double> mirrorPopulation, List<Double> rawPopulation,
                   List<Double> mirrorApply, List<String> checks, String failure) {
        Outcome(String serverVersion, long rows, long changes, List<Double> mirrorPopulation, List<Double> rawPopulation,
                List<Double> mirrorApply, List<String> checks) {
            this(serverVersion, rows, changes, mirrorPopulation, rawPopulation, mirrorApply, checks, null);
        }

        boolean failed() {
            return failure != null;
        }
    }

    /** What a run has measured so far, and the phase it is in (named in a failure). */
    static final class Progress {
        String serverVersion = "unknown (not reached)";
        long rows;
        long changes;
        String phase = "setup";
        final List<Double> mirrorPopulation = new ArrayList<>();
        final List<Double> rawPopulation = new ArrayList<>();
        final List<Double> mirrorApply = new ArrayList<>();
        final List<String> checks = new ArrayList<>();

        Outcome outcome(String failure) {
            return new Outcome(serverVersion, rows, changes, List.copyOf(mirrorPopulation), List.copyOf(rawPopulation),
                    List.copyOf(mirrorApply), List.copyOf(checks), failure);
        }
    }

    /** The benchmark's work; fills {@link Progress} as it goes and throws on a failure. */
    @FunctionalInterface
    interface Measurement {
        void run(Progress progress) throws SQLException;
    }

    /** One table: its quoted name and raw column names as the dialect writes them, and its changes. */
    private record Prepared(TableData data, String quotedTable, List<String> columns, List<RowChange> changes) {
    }

    private final Settings settings;
    private final PrintStream log;

    SqlServerBenchmark(Settings settings, PrintStream log) {
        this.settings = requireNonNull(settings, "settings is null");
        this.log = requireNonNull(log, "log is null");
    }

    /**
     * Runs benchmark 5. A failure of the server (a bulk copy the server rejects, a lost connection, a refused CREATE
     * DATABASE) or of the mirror is reported as a failed measurement carrying the server's message, not thrown: the
     * other benchmarks' results are still written.
     */
    Outcome run() {
        return measure(new Progress(), this::measureAll, log);
    }

    /** Runs {@code m}; a SQL, mirror or verification failure becomes the outcome's failure (secrets masked). */
    static Outcome measure(Progress progress, Measurement m, PrintStream log) {
        try {
            m.run(progress);
            return progress.outcome(null);
        } catch (SQLException | MirrorException | IllegalStateException e) {
            String failure = failure(progress.phase, e);
            log.println("SQL Server benchmark failed: " + failure);
            return progress.outcome(failure);
        }
    }

    /** {@code <phase>: <message> (SQL Server error n, SQLState s)}, with passwords masked. */
    static String failure(String phase, Exception e) {
        StringBuilder b = new StringBuilder(phase).append(": ")
                .append(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        if (e instanceof SQLException s && (s.getErrorCode() != 0 || s.getSQLState() != null)) {
            b.append(" (SQL Server error ").append(s.getErrorCode()).append(", SQLState ").append(s.getSQLState()).append(')');
        }
        return SqlServerUrl.redact(b.toString());
    }

    private void measureAll(Progress p) throws SQLException {
        log.printf("SQL Server: generating %,d rows of %s …%n", settings.rows(), settings.tables());
        List<TableData> data = TableData.sample(settings.tables(), settings.rows());
        p.rows = TableData.totalRows(data);
        p.phase = "creating the benchmark database";
        try (SqlServerDatabase db = SqlServerDatabase.create(settings.url());
             MirrorHarness mirror = MirrorHarness.build("Bench", "sqlserver", db.url(), Map.of());
             Connection raw = DriverManager.getConnection(db.url())) {
            log.printf("SQL Server: benchmark database %s created%n", db.name());
            p.serverVersion = SqlServerDatabase.version(raw);
            raw.setAutoCommit(false);
            p.phase = "creating the tables through the mirror";
            mirror.announce(data.stream().map(TableData::schema).toList());
            List<Prepared> tables = prepare(mirror.mirror().targetDialect(), data, p.rows);
            p.changes = tables.stream().mapToLong(t -> t.changes().size()).sum();
            for (int run = 1; run <= settings.runs(); run++) {
                measureRun(p, run, raw, mirror, tables);
            }
        }
    }

    private void measureRun(Progress p, int run, Connection raw, MirrorHarness mirror, List<Prepared> tables) throws SQLException {
        boolean verify = run == 1;
        long rawNanos;
        long mirrorNanos;
        String rawPhase = "run " + run + ", raw bulk copy";
        String mirrorPhase = "run " + run + ", mirror full population (bulk copy)";
        if (run % 2 == 1) {
            p.phase = rawPhase;
            rawNanos = rawAll(raw, tables, false);
            String copied = verify ? checksum(raw, tables) : null;
            p.phase = mirrorPhase;
            mirrorNanos = mirrorAll(raw, mirror, tables);
            verifyEqual(verify, "SQL Server full population: raw bulk copy vs mirror", copied, verify ? checksum(raw, tables) : null,
                    p.checks);
        } else {
            p.phase = mirrorPhase;
            mirrorNanos = mirrorAll(raw, mirror, tables);
            p.phase = rawPhase;
            rawNanos = rawAll(raw, tables, false);
        }
        p.rawPopulation.add(Stats.rate(p.rows, rawNanos));
        p.mirrorPopulation.add(Stats.rate(p.rows, mirrorNanos));

        p.phase = "run " + run + ", incremental apply";
        for (Prepared t : tables) {
            execute(raw, SqlServerSql.updateStatistics(t.quotedTable()));
        }
        prepareTimedPhase(raw);
        long t0 = System.nanoTime();
        for (Prepared t : tables) {
            mirror.apply(t.data().name(), t.changes(), POPULATED_LSN + run);
        }
        p.mirrorApply.add(Stats.rate(p.changes, System.nanoTime() - t0));
        if (verify) {
            String applied = checksum(raw, tables);
            p.phase = "run " + run + ", raw bulk copy of the expected rows";
            rawAll(raw, tables, true);
            verifyEqual(true, "SQL Server incremental apply: mirror vs the expected rows", checksum(raw, tables), applied, p.checks);
        }
        log.printf("SQL Server run %d/%d: population mirror %,.0f rows/s, raw bulk copy %,.0f rows/s; apply %,.0f changes/s%n",
                run, settings.runs(), p.mirrorPopulation.get(run - 1), p.rawPopulation.get(run - 1), p.mirrorApply.get(run - 1));
    }

    private List<Prepared> prepare(TargetDialect d, List<TableData> data, long rows) {
        List<Prepared> r = new ArrayList<>();
        int left = settings.changes();
        for (int i = 0; i < data.size(); i++) {
            TableData t = data.get(i);
            int m = i == data.size() - 1 ? left : (int) Math.round((double) settings.changes() * t.rows().size() / rows);
            left -= m;
            List<String> columns = t.schema().columns().stream().map(c -> d.names().targetName(c.name())).toList();
            r.add(new Prepared(t, d.names().quote(d.names().targetName(t.name())), columns, ChangeMix.generate(t, m, 42 + i)));
        }
        return r;
    }

    /**
     * Empties the tables (untimed), then times the raw bulk copy of every table, one transaction each; with
     * {@code expected}, copies the rows the changes should have left instead of the populated ones.
     */
    private static long rawAll(Connection c, List<Prepared> tables, boolean expected) throws SQLException {
        empty(c, tables);
        prepareTimedPhase(c);
        long t0 = System.nanoTime();
        for (Prepared t : tables) {
            Iterator<Row> rows = (expected ? ChangeMix.applied(t.data(), t.changes()) : t.data().rows()).iterator();
            RawBulkCopy.load(c, t.quotedTable(), t.columns(), new RawBulkRecord(RawBulkRecord.columns(t.data().schema()), rows));
            c.commit();
        }
        return System.nanoTime() - t0;
    }

    private static long mirrorAll(Connection c, MirrorHarness mirror, List<Prepared> tables) throws SQLException {
        empty(c, tables);
        prepareTimedPhase(c);
        long t0 = System.nanoTime();
        for (Prepared t : tables) {
            mirror.repopulate(t.data().name(), t.data().rows().iterator(), POPULATED_LSN);
        }
        return System.nanoTime() - t0;
    }

    private static void empty(Connection c, List<Prepared> tables) throws SQLException {
        for (Prepared t : tables) {
            execute(c, SqlServerSql.truncate(t.quotedTable()));
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
        c.commit();
    }

    private static void prepareTimedPhase(Connection c) throws SQLException {
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute(SqlServerSql.CHECKPOINT);
        } finally {
            c.setAutoCommit(false);
        }
        System.gc();
    }

    private static String checksum(Connection c, List<Prepared> tables) throws SQLException {
        Map<String, String> r = new LinkedHashMap<>();
        for (Prepared t : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SqlServerSql.checksum(t.quotedTable()))) {
                rs.next();
                r.put(t.data().name(), rs.getLong(1) + " rows, checksum " + rs.getLong(2));
            }
            c.commit();
        }
        return r.toString();
    }

    private void verifyEqual(boolean verify, String what, String expected, String actual, List<String> checks) {
        if (!verify) {
            return;
        }
        if (!expected.equals(actual)) {
            throw new IllegalStateException(what + ": the tables differ, so the measurement is void: " + expected + " vs " + actual);
        }
        checks.add(what + ": identical tables " + actual);
        log.println("check passed: " + what + ": identical tables " + actual);
    }
}
