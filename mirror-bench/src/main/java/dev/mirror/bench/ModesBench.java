package dev.mirror.bench;

import dev.mirror.api.model.RowChange;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 6 (issue 16): the incremental apply rate of each table mode relative to {@code mirror} mode, on
 * PostgreSQL. For each mode, in a fresh schema: the same N rows (benchmark 1's tables and split) are loaded untimed,
 * then each run applies a fresh mix of M changes (benchmark 2's mix: 60 % updates, 10 % deletes, 30 % inserts; a new
 * seed per run, so history mode always sees real changes) through {@code MirrorProtocol.apply}, one batch per table,
 * timed. Reported: the median rate per mode and its ratio to mirror mode.
 *
 * <p>Run: {@code java -cp … dev.mirror.bench.ModesBench PG_URL ROWS CHANGES RUNS}.
 */
public final class ModesBench {
    private static final List<String> MODES = List.of("mirror", "softDelete", "history");

    private ModesBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long rows = Long.parseLong(args[1]);
        int changes = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        PrintStream log = System.err;
        List<TableData> data = TableData.sample(List.of("udcontactsmall", "person", "contact"), rows);
        long total = TableData.totalRows(data);
        Map<String, Double> medians = new LinkedHashMap<>();
        Map<String, List<Double>> all = new LinkedHashMap<>();
        for (String mode : MODES) {
            List<Double> rates = new ArrayList<>();
            try (PgSchema schema = PgSchema.create(url);
                 MirrorHarness mirror = MirrorHarness.withOptions("Bench", "postgresql", schema.url(), Map.of(),
                         Map.of("default", Map.of("mode", mode)))) {
                mirror.announce(data.stream().map(TableData::schema).toList());
                for (TableData t : data) {
                    mirror.repopulate(t.name(), t.rows().iterator(), 1000);
                }
                for (int run = 1; run <= runs; run++) {
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
                    double rate = Stats.rate(n, System.nanoTime() - t0);
                    rates.add(rate);
                    log.printf("%s run %d/%d: %,.0f changes/s%n", mode, run, runs, rate);
                }
            }
            all.put(mode, rates);
            medians.put(mode, Stats.median(rates));
        }
        PrintStream out = System.out;
        out.printf("| mode | median changes/s | relative to mirror | every run |%n| --- | ---: | ---: | --- |%n");
        for (String mode : MODES) {
            List<String> each = all.get(mode).stream().map(r -> String.format("%,.0f", r)).toList();
            out.printf("| `%s` | %,.0f | %.2f | %s |%n", mode, medians.get(mode), medians.get(mode) / medians.get("mirror"),
                    String.join(", ", each));
        }
        out.printf("%n%,d rows in udcontactsmall, person, contact; %,d changes per run; %d runs per mode%n", total, changes, runs);
    }
}
