package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.RowChange;
import dev.mirror.api.dialect.TargetDialect;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmarks 1 and 2, measured in the same run against the same in-memory rows:
 * <ol>
 * <li>full population through {@code MirrorProtocol.repopulate} of tables that already have contents (core loads a
 * shadow table with COPY and swaps it in with the LSN) versus a plain {@link PlainCopy} of the same rows into the same
 * table (TRUNCATE + COPY + commit); and, per {@code --variant-setting}, the same population through a second mirror
 * with that target setting (e.g. {@code copyFormat=binary});</li>
 * <li>one batch of mixed changes ({@link ChangeMix}) through {@code MirrorProtocol.apply} versus the
 * {@link RowByRowSink}, each starting from the fully populated, analyzed table.</li>
 * </ol>
 * Each run alternates which population path goes first, starts every timed phase after a {@code CHECKPOINT} and a
 * GC (so neither side inherits the other's dirty buffers or garbage), and the first run checks that both paths
 * produce identical tables (count and a hash of every row's text).
 */
final class LoadBenchmarks {
    private static final long POPULATED_LSN = 1000;

    /** What to run. */
    record Settings(String pgUrl, List<String> tables, long rows, int changes, int runs, int sinkBatch, boolean sinkRewrite,
                    Map<String, Object> targetSettings, Map<String, Object> variants) {
        Settings(String pgUrl, List<String> tables, long rows, int changes, int runs, int sinkBatch, boolean sinkRewrite) {
            this(pgUrl, tables, rows, changes, runs, sinkBatch, sinkRewrite, Map.of(), Map.of());
        }

        Settings {
            requireNonNull(pgUrl, "pgUrl is null");
            tables = List.copyOf(tables);
            targetSettings = Map.copyOf(targetSettings);
            variants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variants));
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
            }
        }
    }

    /** Per-run rates (rows or changes per second) of each path, in run order. */
    /** @param cpu per path ({@link #CPU_PATHS}), the CPU each run's timed phase cost (see {@link CpuMeter}) */
    record Outcome(long rows, long changes, List<Double> mirrorPopulation, List<Double> copyPopulation,
                   List<Double> mirrorApply, List<Double> rowByRow, List<String> checks,
                   Map<String, List<Double>> variantApply, Map<String, List<Double>> variantPopulation,
                   Map<String, List<CpuMeter.Sample>> cpu) {
        Outcome(long rows, long changes, List<Double> mirrorPopulation, List<Double> copyPopulation,
                List<Double> mirrorApply, List<Double> rowByRow, List<String> checks) {
            this(rows, changes, mirrorPopulation, copyPopulation, mirrorApply, rowByRow, checks, Map.of(), Map.of(), Map.of());
        }
    }

    /** The timed phases whose CPU is measured, in the order the report lists them. */
    static final List<String> CPU_PATHS = List.of("population mirror", "population COPY", "apply mirror", "apply row-by-row");

    /** One table's statements, built from the dialect's quoting. */
    private record Prepared(TableData data, String quotedTable, String copySql, RowByRowSink sink, List<RowChange> changes) {
    }

    private final Settings settings;
    private final PrintStream log;

    LoadBenchmarks(Settings settings, PrintStream log) {
        this.settings = requireNonNull(settings, "settings is null");
        this.log = requireNonNull(log, "log is null");
    }

    Outcome run() throws SQLException {
        log.printf("generating %,d rows of %s …%n", settings.rows(), settings.tables());
        List<TableData> data = TableData.sample(settings.tables(), settings.rows());
        long rows = TableData.totalRows(data);
        List<Double> mirrorPop = new ArrayList<>();
        List<Double> copyPop = new ArrayList<>();
        List<Double> mirrorApply = new ArrayList<>();
        List<Double> sink = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        Map<String, List<Double>> variantApply = new LinkedHashMap<>();
        Map<String, List<Double>> variantPop = new LinkedHashMap<>();
        Map<String, MirrorHarness> others = new LinkedHashMap<>();
        Map<String, List<CpuMeter.Sample>> cpu = new LinkedHashMap<>();
        CPU_PATHS.forEach(path -> cpu.put(path, new ArrayList<>()));
        CpuMeter meter = new CpuMeter(settings.pgUrl());
        try (PgSchema schema = PgSchema.create(settings.pgUrl());
             MirrorHarness mirror = MirrorHarness.build("Bench", "postgresql", schema.url(), Map.of(), settings.targetSettings());
             Connection copy = DriverManager.getConnection(schema.url());
             Connection sinkConnection = DriverManager.getConnection(settings.sinkRewrite()
                     ? PgSchema.withParameter(schema.url(), "reWriteBatchedInserts=true") : schema.url())) {
            copy.setAutoCommit(false);
            sinkConnection.setAutoCommit(false);
            mirror.announce(data.stream().map(TableData::schema).toList());
            List<Prepared> tables = prepare(mirror.mirror().targetDialect(), data, rows);
            long changes = tables.stream().mapToLong(t -> t.changes().size()).sum();
            // Untimed: after this first load every timed mirror population replaces tables that have contents, which
            // core does through a shadow table swapped in with the LSN (the atomic path readers rely on).
            mirrorAll(mirror, tables);
            // Variants are keyed "KEY=VALUE" (the value after the first '=').
            for (var v : settings.variants().entrySet()) {
                Map<String, Object> target = new LinkedHashMap<>(settings.targetSettings());
                target.put(v.getKey().substring(0, v.getKey().indexOf('=')), v.getValue());
                MirrorHarness other = MirrorHarness.build("Bench", "postgresql", schema.url(), Map.of(), target);
                others.put(v.getKey(), other);
                other.announce(data.stream().map(TableData::schema).toList());
                variantApply.put(v.getKey(), new ArrayList<>());
                variantPop.put(v.getKey(), new ArrayList<>());
            }
            for (int run = 1; run <= settings.runs(); run++) {
                boolean verify = run == 1;
                long copyNanos;
                long mirrorNanos;
                // The variants' populations (one mirror per --variant-setting) go last in odd runs and first in even ones.
                if (run % 2 == 1) {
                    CpuMeter.Sample before = meter.now();
                    copyNanos = copyAll(copy, tables);
                    cpu.get("population COPY").add(meter.now().minus(before));
                    String copied = verify ? checksum(copy, tables) : null;
                    before = meter.now();
                    mirrorNanos = mirrorAll(mirror, tables);
                    cpu.get("population mirror").add(meter.now().minus(before));
                    verifyEqual(verify, "full population: COPY vs mirror", copied, checksum(copy, tables, verify), checks);
                    variantPopulations(others, copy, tables, rows, variantPop, copied, checks);
                } else {
                    variantPopulations(others, copy, tables, rows, variantPop, null, checks);
                    CpuMeter.Sample before = meter.now();
                    mirrorNanos = mirrorAll(mirror, tables);
                    cpu.get("population mirror").add(meter.now().minus(before));
                    before = meter.now();
                    copyNanos = copyAll(copy, tables);
                    cpu.get("population COPY").add(meter.now().minus(before));
                }
                copyPop.add(Stats.rate(rows, copyNanos));
                mirrorPop.add(Stats.rate(rows, mirrorNanos));

                analyze(copy, tables);
                prepareTimedPhase(copy);
                CpuMeter.Sample beforeApply = meter.now();
                long t0 = System.nanoTime();
                for (Prepared t : tables) {
                    mirror.apply(t.data().name(), t.changes(), POPULATED_LSN + run);
                }
                long applyNanos = System.nanoTime() - t0;
                cpu.get("apply mirror").add(meter.now().minus(beforeApply));
                String applied = verify ? checksum(copy, tables) : null;
                mirrorApply.add(Stats.rate(changes, applyNanos));

                copyAll(copy, tables); // back to the populated state, untimed
                analyze(copy, tables);
                prepareTimedPhase(copy);
                CpuMeter.Sample beforeSink = meter.now();
                t0 = System.nanoTime();
                for (Prepared t : tables) {
                    t.sink().write(sinkConnection, t.changes().iterator());
                }
                long sinkNanos = System.nanoTime() - t0;
                cpu.get("apply row-by-row").add(meter.now().minus(beforeSink));
                sink.add(Stats.rate(changes, sinkNanos));
                verifyEqual(verify, "incremental: set-wise apply vs row-by-row", applied, checksum(copy, tables, verify), checks);
                for (var o : others.entrySet()) {
                    variantApply.get(o.getKey()).add(variantApply(o.getKey(), o.getValue(), copy, tables, changes, run, applied, checks));
                }
                log.printf("run %d/%d: population mirror %,.0f rows/s, COPY %,.0f rows/s; apply mirror %,.0f changes/s, "
                        + "row-by-row %,.0f changes/s%n", run, settings.runs(), mirrorPop.get(run - 1), copyPop.get(run - 1),
                        mirrorApply.get(run - 1), sink.get(run - 1));
                for (var v : variantApply.entrySet()) {
                    log.printf("run %d/%d: population with %s %,.0f rows/s, apply with it %,.0f changes/s%n", run, settings.runs(),
                            v.getKey(), variantPop.get(v.getKey()).get(run - 1), v.getValue().get(run - 1));
                }
            }
            return new Outcome(rows, changes, mirrorPop, copyPop, mirrorApply, sink, checks, variantApply, variantPop, cpu);
        } finally {
            others.values().forEach(MirrorHarness::close);
        }
    }

    /**
     * The same changes through a second mirror with other target settings (an experiment measured in the same run as
     * the mirror and the row-by-row sink). A {@code fillFactor} setting only shapes tables the variant creates, so
     * here it is set on the populated tables before they are reloaded (and reset after).
     */
    private double variantApply(String name, MirrorHarness other, Connection copy, List<Prepared> tables, long changes, int run,
                                String applied, List<String> checks) throws SQLException {
        Object fill = name.startsWith("fillFactor=") ? name.substring("fillFactor=".length()) : null;
        if (fill != null) {
            alterAll(copy, tables, "SET (fillfactor = " + Integer.parseInt(fill.toString()) + ")");
        }
        copyAll(copy, tables);
        analyze(copy, tables);
        prepareTimedPhase(copy);
        long t0 = System.nanoTime();
        for (Prepared t : tables) {
            other.apply(t.data().name(), t.changes(), POPULATED_LSN + 100 + run);
        }
        long nanos = System.nanoTime() - t0;
        verifyEqual(applied != null, "incremental: variant " + name + " vs the mirror's apply", applied,
                checksum(copy, tables, applied != null), checks);
        if (fill != null) {
            alterAll(copy, tables, "RESET (fillfactor)");
        }
        return Stats.rate(changes, nanos);
    }

    /**
     * Each variant's full population of the same rows (timed as the mirror's is, through {@code repopulate}); with
     * {@code copied} (the first run's COPY checksum) each variant's tables are checked against plain COPY's.
     */
    private void variantPopulations(Map<String, MirrorHarness> others, Connection copy, List<Prepared> tables, long rows,
                                    Map<String, List<Double>> rates, String copied, List<String> checks) throws SQLException {
        for (var o : others.entrySet()) {
            long nanos = mirrorAll(o.getValue(), tables);
            rates.get(o.getKey()).add(Stats.rate(rows, nanos));
            if (copied != null) {
                verifyEqual(true, "full population: COPY vs variant " + o.getKey(), copied, checksum(copy, tables), checks);
            }
        }
    }

    private static void alterAll(Connection c, List<Prepared> tables, String action) throws SQLException {
        for (Prepared t : tables) {
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + t.quotedTable() + " " + action);
            }
            c.commit();
        }
    }

    private List<Prepared> prepare(TargetDialect d, List<TableData> data, long rows) {
        List<Prepared> r = new ArrayList<>();
        int left = settings.changes();
        for (int i = 0; i < data.size(); i++) {
            TableData t = data.get(i);
            int m = i == data.size() - 1 ? left : (int) Math.round((double) settings.changes() * t.rows().size() / rows);
            left -= m;
            String table = d.names().quote(d.names().targetName(t.name()));
            List<String> columns = t.schema().columns().stream().map(c -> d.names().quote(d.names().targetName(c.name()))).toList();
            String key = columns.get(t.schema().keyIndexes()[0]);
            r.add(new Prepared(t, table, PlainCopy.copySql(table, columns), RowByRowSink.of(table, columns, key, settings.sinkBatch()),
                    ChangeMix.generate(t, m, 42 + i)));
        }
        return r;
    }

    private static long copyAll(Connection c, List<Prepared> tables) throws SQLException {
        prepareTimedPhase(c);
        long t0 = System.nanoTime();
        for (Prepared t : tables) {
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE TABLE " + t.quotedTable());
            }
            PlainCopy.load(c, t.copySql(), t.data().rows().iterator());
            c.commit();
        }
        return System.nanoTime() - t0;
    }

    private static long mirrorAll(MirrorHarness mirror, List<Prepared> tables) throws SQLException {
        try (Connection c = mirror.mirror().targetDataSource().getConnection()) {
            prepareTimedPhase(c);
        }
        long t0 = System.nanoTime();
        for (Prepared t : tables) {
            mirror.repopulate(t.data().name(), t.data().rows().iterator(), POPULATED_LSN);
        }
        return System.nanoTime() - t0;
    }

    /** Each timed phase starts with the server's dirty buffers flushed and this JVM's garbage collected. */
    static void prepareTimedPhase(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } finally {
            c.setAutoCommit(auto);
        }
        System.gc();
    }

    private static void analyze(Connection c, List<Prepared> tables) throws SQLException {
        for (Prepared t : tables) {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE " + t.quotedTable());
            }
            c.commit();
        }
    }

    private static String checksum(Connection c, List<Prepared> tables, boolean wanted) throws SQLException {
        return wanted ? checksum(c, tables) : null;
    }

    /** Row count and a sum of hashes of every row's text form, per table: equal tables give equal strings. */
    static String checksum(Connection c, List<Prepared> tables) throws SQLException {
        Map<String, String> r = new LinkedHashMap<>();
        for (Prepared t : tables) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(hashtext(x::text)::bigint), 0) FROM "
                         + t.quotedTable() + " x")) {
                rs.next();
                r.put(t.data().name(), rs.getLong(1) + " rows, hash " + rs.getLong(2));
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
            throw new IllegalStateException(what + ": the two paths produced different tables, so the comparison is void: "
                    + expected + " vs " + actual);
        }
        checks.add(what + ": identical tables " + actual);
        log.println("check passed: " + what + ": identical tables " + actual);
    }
}
