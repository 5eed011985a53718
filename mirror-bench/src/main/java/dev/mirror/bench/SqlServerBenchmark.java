package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.target.TargetDialect;
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

    /** Per-run rates in run order, the server's version and the correctness checks that passed. */
    record Outcome(String serverVersion, long rows, long changes, List<Double> mirrorPopulation, List<Double> rawPopulation,
                   List<Double> mirrorApply, List<String> checks) {
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

    Outcome run() throws SQLException {
        log.printf("SQL Server: generating %,d rows of %s …%n", settings.rows(), settings.tables());
        List<TableData> data = TableData.sample(settings.tables(), settings.rows());
        long rows = TableData.totalRows(data);
        List<Double> mirrorPop = new ArrayList<>();
        List<Double> rawPop = new ArrayList<>();
        List<Double> apply = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        try (SqlServerDatabase db = SqlServerDatabase.create(settings.url());
             MirrorHarness mirror = MirrorHarness.build("Bench", "sqlserver", db.url(), Map.of());
             Connection raw = DriverManager.getConnection(db.url())) {
            log.printf("SQL Server: benchmark database %s created%n", db.name());
            String version = SqlServerDatabase.version(raw);
            raw.setAutoCommit(false);
            mirror.announce(data.stream().map(TableData::schema).toList());
            List<Prepared> tables = prepare(mirror.mirror().target().dialect(), data, rows);
            long changes = tables.stream().mapToLong(t -> t.changes().size()).sum();
            for (int run = 1; run <= settings.runs(); run++) {
                boolean verify = run == 1;
                long rawNanos;
                long mirrorNanos;
                if (run % 2 == 1) {
                    rawNanos = rawAll(raw, tables, false);
                    String copied = verify ? checksum(raw, tables) : null;
                    mirrorNanos = mirrorAll(raw, mirror, tables);
                    verifyEqual(verify, "SQL Server full population: raw bulk copy vs mirror", copied, verify ? checksum(raw, tables) : null, checks);
                } else {
                    mirrorNanos = mirrorAll(raw, mirror, tables);
                    rawNanos = rawAll(raw, tables, false);
                }
                rawPop.add(Stats.rate(rows, rawNanos));
                mirrorPop.add(Stats.rate(rows, mirrorNanos));

                for (Prepared t : tables) {
                    execute(raw, SqlServerSql.updateStatistics(t.quotedTable()));
                }
                prepareTimedPhase(raw);
                long t0 = System.nanoTime();
                for (Prepared t : tables) {
                    mirror.apply(t.data().name(), t.changes(), POPULATED_LSN + run);
                }
                apply.add(Stats.rate(changes, System.nanoTime() - t0));
                if (verify) {
                    String applied = checksum(raw, tables);
                    rawAll(raw, tables, true);
                    verifyEqual(true, "SQL Server incremental apply: mirror vs the expected rows", checksum(raw, tables), applied, checks);
                }
                log.printf("SQL Server run %d/%d: population mirror %,.0f rows/s, raw bulk copy %,.0f rows/s; apply %,.0f changes/s%n",
                        run, settings.runs(), mirrorPop.get(run - 1), rawPop.get(run - 1), apply.get(run - 1));
            }
            return new Outcome(version, rows, changes, mirrorPop, rawPop, apply, checks);
        }
    }

    private List<Prepared> prepare(TargetDialect d, List<TableData> data, long rows) {
        List<Prepared> r = new ArrayList<>();
        int left = settings.changes();
        for (int i = 0; i < data.size(); i++) {
            TableData t = data.get(i);
            int m = i == data.size() - 1 ? left : (int) Math.round((double) settings.changes() * t.rows().size() / rows);
            left -= m;
            List<String> columns = t.schema().columns().stream().map(c -> d.targetName(c.name())).toList();
            r.add(new Prepared(t, d.quote(d.targetName(t.name())), columns, ChangeMix.generate(t, m, 42 + i)));
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
