package dev.mirror.cli;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.TableReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Micrometer metrics of a long run, served in Prometheus text format on {@code /metrics} of the status page's port
 * ({@link dev.mirror.cli.web.WebServer}):
 * {@code mirror_rows_applied_total{table,operation}}, {@code mirror_cycle_duration_seconds},
 * {@code mirror_cycles_total{result}}, {@code mirror_table_failures_total{table}} and
 * {@code mirror_table_lag_seconds{table}} (seconds since the table was last brought up to date).
 */
final class Metrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Instant> lastSuccess = new ConcurrentHashMap<>();
    private final Timer cycleDuration;

    Metrics() {
        cycleDuration = Timer.builder("mirror.cycle.duration").description("Duration of one cycle").register(registry);
    }

    void cycle(CycleReport report) {
        cycleDuration.record(report.duration());
        Counter.builder("mirror.cycles").tag("result", report.failures().isEmpty() ? "ok" : "table-failures")
                .register(registry).increment();
        for (TableReport t : report.tables()) {
            rows(t.table(), "insert", t.counts().inserts());
            rows(t.table(), "update", t.counts().updates());
            rows(t.table(), "delete", t.counts().deletes());
            if (t.failed()) {
                Counter.builder("mirror.table.failures").tag("table", t.table()).register(registry).increment();
            } else {
                boolean first = lastSuccess.put(t.table(), report.finished()) == null;
                if (first) {
                    Gauge.builder("mirror.table.lag", lastSuccess, m -> lag(m.get(t.table())))
                            .tag("table", t.table()).baseUnit("seconds").register(registry);
                }
            }
        }
    }

    void failedCycle() {
        Counter.builder("mirror.cycles").tag("result", "failed").register(registry).increment();
    }

    /** The metrics in Prometheus text format. */
    String scrape() {
        return registry.scrape();
    }

    private void rows(String table, String op, long n) {
        Counter.builder("mirror.rows.applied").tag("table", table).tag("operation", op).register(registry).increment(n);
    }

    private static double lag(Instant last) {
        return last == null ? Double.NaN : (System.currentTimeMillis() - last.toEpochMilli()) / 1000.0;
    }

    @Override
    public void close() {
        registry.close();
    }
}
