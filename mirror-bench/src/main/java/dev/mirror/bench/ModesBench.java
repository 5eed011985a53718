package dev.mirror.bench;

import dev.mirror.api.model.RowChange;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 9 (issue 16): the incremental apply rate of each table mode relative to {@code mirror} mode, on
 * PostgreSQL. For each mode, in a fresh schema: the same N rows (benchmark 1's tables and split) are loaded untimed,
 * then each run applies a fresh mix of M changes (benchmark 2's mix: 60 % updates, 10 % deletes, 30 % inserts; a new
 * seed per run, so history mode always sees real changes) through {@code MirrorProtocol.apply}, one batch per table,
 * timed. {@link Results#modes} reports the median rate per mode and its ratio to mirror mode.
 */
final class ModesBench {
    /** The modes measured, {@code mirror} (the baseline) first. */
    static final List<String> MODES = List.of("mirror", "softDelete", "history");

    /**
     * @param rows    rows loaded into the tables before the timed applies
     * @param changes changes applied per run
     * @param rates   per mode (in {@link #MODES} order), changes/s of every run
     */
    record Outcome(long rows, int changes, Map<String, List<Double>> rates) {
    }

    private final PrintStream log;

    ModesBench(PrintStream log) {
        this.log = log;
    }

    Outcome run(String pgUrl, List<String> tables, long rows, int changes, int runs) throws Exception {
        List<TableData> data = TableData.sample(tables, rows);
        long total = TableData.totalRows(data);
        Map<String, List<Double>> all = new LinkedHashMap<>();
        for (String mode : MODES) {
            List<Double> rates = new ArrayList<>();
            try (PgSchema schema = PgSchema.create(pgUrl);
                 MirrorHarness mirror = MirrorHarness.withOptions("Bench", "postgresql", schema.url(), Map.of(),
                         Map.of("default", Map.of("mode", mode)))) {
                log.printf("benchmark 9, %s mode: loading %,d rows (untimed)%n", mode, total);
                mirror.announce(data.stream().map(TableData::schema).toList());
                for (TableData t : data) {
                    mirror.repopulate(t.name(), t.rows().iterator(), 1000);
                }
                for (int run = 1; run <= runs; run++) {
                    double rate = applyOnce(mirror, data, total, changes, run);
                    rates.add(rate);
                    log.printf("benchmark 9, %s mode, run %d/%d: %,.0f changes/s%n", mode, run, runs, rate);
                }
            }
            all.put(mode, rates);
        }
        return new Outcome(total, changes, all);
    }

    /** One run: a fresh mix split over the tables by their size, generated untimed, then applied (timed). */
    private static double applyOnce(MirrorHarness mirror, List<TableData> data, long total, int changes, int run) {
        List<List<RowChange>> batches = new ArrayList<>();
        int left = changes;
        long n = 0;
        for (int i = 0; i < data.size(); i++) {
            TableData t = data.get(i);
            int m = i == data.size() - 1 ? left : (int) Math.round((double) changes * t.rows().size() / total);
            left -= m;
            List<RowChange> b = ChangeMix.generate(t, m, 1000L * run + i);
            batches.add(b);
            n += b.size();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < data.size(); i++) {
            mirror.apply(data.get(i).name(), batches.get(i), 1000 + run);
        }
        return Stats.rate(n, System.nanoTime() - t0);
    }
}
