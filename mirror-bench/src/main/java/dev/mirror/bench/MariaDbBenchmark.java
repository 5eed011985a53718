package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Benchmark 10, against a MariaDB server, in a fresh database:
 * <ol type="a">
 * <li>full population of the same in-memory rows through {@code MirrorProtocol.repopulate} (dialect {@code mariadb}:
 * LOAD DATA LOCAL INFILE streamed by the dialect's encoder) versus a {@link PlainLoadData} of the same rows into the same
 * tables, in the same run, the order alternating between runs; both load into emptied tables (emptied untimed);</li>
 * <li>one batch of mixed changes ({@link ChangeMix}) through {@code MirrorProtocol.apply} versus the same changes as
 * row-wise statements in JDBC batches ({@code INSERT ... ON DUPLICATE KEY UPDATE} and {@code DELETE ... WHERE key = ?},
 * {@code executeBatch} every {@code sinkBatch} rows, one transaction), each from the same populated state.</li>
 * </ol>
 * The first run compares the tables both paths leave ({@code CHECKSUM TABLE} and row counts) and records the result.
 */
final class MariaDbBenchmark {
    private static final long POPULATED_LSN = 1000;

    record Settings(String url, List<String> tables, long rows, int changes, int runs, int sinkBatch) {
        Settings {
            requireNonNull(url, "url is null");
            tables = List.copyOf(tables);
            if (runs < 1) {
                throw new IllegalArgumentException("--runs must be at least 1, got " + runs);
            }
        }
    }

    /** Per-run rates in run order; {@code failure} is null when every run completed. */
    record Outcome(String serverVersion, long rows, long changes, List<Double> mirrorPopulation, List<Double> plainPopulation,
                   List<Double> mirrorApply, List<Double> rowWiseApply, List<String> checks, String failure) {
        boolean failed() {
            return failure != null;
        }
    }

    private record Prepared(TableData data, String quotedTable, List<String> columns, List<Boolean> binary, List<Integer> keys,
                            List<RowChange> changes) {
    }

    private final Settings settings;
    private final PrintStream log;
    private String version = "unknown (not reached)";
    private long rows;
    private long changes;
    private final List<Double> mirrorPopulation = new ArrayList<>();
    private final List<Double> plainPopulation = new ArrayList<>();
    private final List<Double> mirrorApply = new ArrayList<>();
    private final List<Double> rowWiseApply = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();

    MariaDbBenchmark(Settings settings, PrintStream log) {
        this.settings = requireNonNull(settings, "settings is null");
        this.log = requireNonNull(log, "log is null");
    }

    /** Runs benchmark 10; a failure (server or mirror) becomes the outcome's failure, so the other results are kept. */
    Outcome run() {
        String failure = null;
        try {
            measureAll();
        } catch (SQLException | MirrorException | IllegalStateException e) {
            failure = SqlServerUrl.redact(String.valueOf(e.getMessage()));
            log.println("MariaDB benchmark failed: " + failure);
        }
        return new Outcome(version, rows, changes, List.copyOf(mirrorPopulation), List.copyOf(plainPopulation),
                List.copyOf(mirrorApply), List.copyOf(rowWiseApply), List.copyOf(checks), failure);
    }

    private void measureAll() throws SQLException {
        log.printf("MariaDB: generating %,d rows of %s …%n", settings.rows(), settings.tables());
        List<TableData> data = TableData.sample(settings.tables(), settings.rows());
        rows = TableData.totalRows(data);
        String db = "mirror_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(settings.url()); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + db + " CHARACTER SET utf8mb4");
            try (ResultSet rs = s.executeQuery("SELECT VERSION()")) {
                rs.next();
                version = "MariaDB " + rs.getString(1);
            }
            try {
                measureIn(withDatabase(settings.url(), db), data);
            } finally {
                s.execute("DROP DATABASE IF EXISTS " + db);
            }
        }
    }

    private void measureIn(String url, List<TableData> data) throws SQLException {
        try (MirrorHarness mirror = MirrorHarness.build("Bench", "mariadb", url, Map.of());
             Connection raw = DriverManager.getConnection(url)) {
            raw.setAutoCommit(false);
            mirror.announce(data.stream().map(TableData::schema).toList());
            List<Prepared> tables = prepare(mirror.mirror().targetDialect(), data);
            changes = tables.stream().mapToLong(t -> t.changes().size()).sum();
            for (int run = 1; run <= settings.runs(); run++) {
                measureRun(run, raw, mirror, tables);
            }
        }
    }

    private void measureRun(int run, Connection raw, MirrorHarness mirror, List<Prepared> tables) throws SQLException {
        long plainNanos;
        long mirrorNanos;
        String plainSum = null;
        if (run % 2 == 1) {
            plainNanos = plainAll(raw, tables);
            plainSum = run == 1 ? checksum(raw, tables) : null;
            mirrorNanos = mirrorAll(raw, mirror, tables);
        } else {
            mirrorNanos = mirrorAll(raw, mirror, tables);
            plainNanos = plainAll(raw, tables);
            mirror(raw, mirror, tables); // the apply starts from the mirror's own population
        }
        if (plainSum != null) {
            check("full population: plain LOAD DATA vs mirror", plainSum, checksum(raw, tables));
        }
        plainPopulation.add(Stats.rate(rows, plainNanos));
        mirrorPopulation.add(Stats.rate(rows, mirrorNanos));

        System.gc();
        long t0 = System.nanoTime();
        for (Prepared t : tables) {
            mirror.apply(t.data().name(), t.changes(), POPULATED_LSN + run);
        }
        mirrorApply.add(Stats.rate(changes, System.nanoTime() - t0));
        String applied = run == 1 ? checksum(raw, tables) : null;

        mirror(raw, mirror, tables); // the same starting state for the row-wise baseline (untimed)
        System.gc();
        t0 = System.nanoTime();
        for (Prepared t : tables) {
            rowWise(raw, t);
        }
        raw.commit();
        rowWiseApply.add(Stats.rate(changes, System.nanoTime() - t0));
        if (applied != null) {
            check("incremental apply: mirror vs row-wise upserts", applied, checksum(raw, tables));
        }
        log.printf("MariaDB run %d/%d: population mirror %,.0f rows/s, plain LOAD DATA %,.0f rows/s; apply mirror %,.0f changes/s,"
                        + " row-wise %,.0f changes/s%n", run, settings.runs(), mirrorPopulation.get(run - 1),
                plainPopulation.get(run - 1), mirrorApply.get(run - 1), rowWiseApply.get(run - 1));
    }

    private List<Prepared> prepare(TargetDialect d, List<TableData> data) {
        List<Prepared> r = new ArrayList<>();
        int left = settings.changes();
        for (int i = 0; i < data.size(); i++) {
            TableData t = data.get(i);
            int m = i == data.size() - 1 ? left : (int) Math.round((double) settings.changes() * t.rows().size() / rows);
            left -= m;
            List<String> columns = t.schema().columns().stream().map(c -> d.names().quote(d.names().targetName(c.name()))).toList();
            List<Boolean> binary = t.schema().columns().stream().map(c -> c.type().base().javaType() == byte[].class).toList();
            List<Integer> keys = t.schema().primaryKey().stream().map(k -> t.schema().indexOf(k)).toList();
            r.add(new Prepared(t, d.names().quote(d.names().targetName(t.name())), columns, binary, keys, ChangeMix.generate(t, m, 42 + i)));
        }
        return r;
    }

    private long plainAll(Connection c, List<Prepared> tables) throws SQLException {
        empty(c, tables);
        System.gc();
        long t0 = System.nanoTime();
        for (Prepared t : tables) {
            long n = PlainLoadData.load(c, t.quotedTable(), t.columns(), t.binary(), t.data().rows().iterator());
            c.commit();
            if (n != t.data().rows().size()) {
                throw new IllegalStateException("plain LOAD DATA loaded " + n + " of " + t.data().rows().size() + " rows into "
                        + t.quotedTable());
            }
        }
        return System.nanoTime() - t0;
    }

    private static long mirrorAll(Connection c, MirrorHarness mirror, List<Prepared> tables) throws SQLException {
        empty(c, tables);
        System.gc();
        long t0 = System.nanoTime();
        mirror(c, mirror, tables);
        return System.nanoTime() - t0;
    }

    private static void mirror(Connection c, MirrorHarness mirror, List<Prepared> tables) throws SQLException {
        empty(c, tables);
        for (Prepared t : tables) {
            mirror.repopulate(t.data().name(), t.data().rows().iterator(), POPULATED_LSN);
        }
    }

    private static void empty(Connection c, List<Prepared> tables) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (Prepared t : tables) {
                s.execute("TRUNCATE TABLE " + t.quotedTable());
            }
        }
        c.commit();
    }

    /** The changes as row-wise statements in JDBC batches: upserts for inserts and updates, deletes by key. */
    private void rowWise(Connection c, Prepared t) throws SQLException {
        StringBuilder upsert = new StringBuilder("INSERT INTO ").append(t.quotedTable()).append(" (")
                .append(String.join(", ", t.columns())).append(") VALUES (").append("?, ".repeat(t.columns().size() - 1))
                .append("?) ON DUPLICATE KEY UPDATE ");
        for (int i = 0; i < t.columns().size(); i++) {
            upsert.append(i == 0 ? "" : ", ").append(t.columns().get(i)).append(" = VALUES(").append(t.columns().get(i)).append(')');
        }
        StringBuilder delete = new StringBuilder("DELETE FROM ").append(t.quotedTable()).append(" WHERE ");
        for (int i = 0; i < t.keys().size(); i++) {
            delete.append(i == 0 ? "" : " AND ").append(t.columns().get(t.keys().get(i))).append(" = ?");
        }
        try (PreparedStatement up = c.prepareStatement(upsert.toString());
             PreparedStatement del = c.prepareStatement(delete.toString())) {
            int pending = 0;
            for (RowChange ch : t.changes()) {
                Row r = ch.row();
                // ChangeMix touches every key at most once, so upserts and deletes may run in separate batches
                if (ch.operation() == Operation.DELETE) {
                    for (int i = 0; i < t.keys().size(); i++) {
                        del.setObject(i + 1, value(r.get(t.keys().get(i)), t.data().schema().columns().get(t.keys().get(i))));
                    }
                    del.addBatch();
                } else {
                    for (int i = 0; i < r.size(); i++) {
                        up.setObject(i + 1, value(r.get(i), t.data().schema().columns().get(i)));
                    }
                    up.addBatch();
                }
                if (++pending % settings.sinkBatch() == 0) {
                    up.executeBatch();
                    del.executeBatch();
                }
            }
            up.executeBatch();
            del.executeBatch();
        }
    }

    private static Object value(Object v, Column c) {
        return v instanceof UUID || v instanceof java.time.OffsetDateTime ? v.toString() : v;
    }

    private static String checksum(Connection c, List<Prepared> tables) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Statement s = c.createStatement()) {
            for (Prepared t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + t.quotedTable())) {
                    rs.next();
                    b.append(t.data().name()).append(": ").append(rs.getLong(1)).append(" rows");
                }
                try (ResultSet rs = s.executeQuery("CHECKSUM TABLE " + t.quotedTable())) {
                    rs.next();
                    b.append(", checksum ").append(rs.getLong(2)).append("; ");
                }
            }
        }
        c.commit();
        return b.toString();
    }

    /** Records whether both paths left the same tables (a difference is reported, with both checksums). */
    private void check(String what, String a, String b) {
        String line = what + (a.equals(b) ? ": identical tables " + a : ": tables DIFFER: " + a + " vs " + b);
        checks.add(line);
        log.println("check: " + line);
    }

    static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//");
        int slash = url.indexOf('/', hosts + 2);
        int query = url.indexOf('?');
        String head = slash >= 0 && (query < 0 || slash < query) ? url.substring(0, slash) : query < 0 ? url : url.substring(0, query);
        return head + "/" + database + (query < 0 ? "" : url.substring(query));
    }
}
