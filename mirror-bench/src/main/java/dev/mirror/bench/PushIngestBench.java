package dev.mirror.bench;

import static java.util.Objects.requireNonNull;


import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import dev.mirror.superoffice.SuperOfficeSource;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import dev.mirror.superoffice.sim.TestKeys;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 6, SuperOffice push ingest: a first load of the sample's tables rendered once as SuperOffice's RowData
 * requests ({@link PushRequests}), posted by a {@link KeepAliveClient} over loopback to the real endpoint
 * ({@code source.type: superoffice}, started by {@link Mirror#serve}) writing into PostgreSQL, against a plain COPY
 * of the same rows into the same tables in the same run. Then one request of about 64 MiB with the heap watched.
 */
final class PushIngestBench {
    static final String CTX = "Bench";
    private static final String APP_ID = "6cf25376616343b38d14ddcd804f2891";
    private static final String PATH = "/mirroring/MirroringClientService.svc";
    private static final long LSN = 5000;

    /** @param targetSettings extra target (dialect) settings of the mirror, as {@code --target-setting} gives them */
    record Settings(String pgUrl, List<String> tables, long rows, int runs, int batchBytes, int batchesPerCall, int heapRequestMiB,
                    Map<String, Object> targetSettings) {
        Settings {
            requireNonNull(pgUrl, "pgUrl is null");
            tables = List.copyOf(tables);
            targetSettings = Map.copyOf(targetSettings);
        }
    }

    /** Per-run rates, the XML size, the checks, and the heap figures of the large request. */
    record Outcome(long rows, long xmlBytes, int calls, List<Double> pushRows, List<Double> copyRows, List<String> checks,
                   long heapRequestBytes, long heapBaseline, long heapMaxAfterGc, long heapMaxBeforeGc,
                   List<CpuMeter.Sample> pushCpu, List<CpuMeter.Sample> copyCpu) {
    }

    private final Settings settings;
    private final PrintStream log;

    PushIngestBench(Settings settings, PrintStream log) {
        this.settings = requireNonNull(settings, "settings is null");
        this.log = requireNonNull(log, "log is null");
    }

    Outcome run() throws Exception {
        log.printf("benchmark 6: generating %,d rows of %s …%n", settings.rows(), settings.tables());
        List<TableData> data = TableData.sample(settings.tables(), settings.rows(), true);
        long rows = TableData.totalRows(data);
        Path dir = Files.createTempDirectory("mirror-bench-push");
        KeyPair superOffice = TestKeys.generate();
        KeyPair application = TestKeys.generate();
        Path cert = TestKeys.write(dir, "superoffice.pem", TestKeys.publicPem(superOffice));
        Path key = TestKeys.write(dir, "app-key.xml", TestKeys.privateDotNetXml(application));
        List<Double> push = new ArrayList<>();
        List<Double> copy = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        List<CpuMeter.Sample> pushCpu = new ArrayList<>();
        List<CpuMeter.Sample> copyCpu = new ArrayList<>();
        CpuMeter cpu = new CpuMeter(settings.pgUrl());
        try (PgSchema schema = PgSchema.create(settings.pgUrl());
             Mirror mirror = Mirror.builder().config(config(schema.url(), key, cert, settings.targetSettings()), "mirror-bench").pluginDirectory(false)
                     .progress(ProgressListener.NONE).build();
             Connection c = DriverManager.getConnection(schema.url())) {
            c.setAutoCommit(false);
            mirror.serve();
            int port = ((SuperOfficeSource) mirror.source()).port();
            SuperOfficeSimulator sim = new SuperOfficeSimulator(URI.create("http://127.0.0.1:" + port + PATH), APP_ID,
                    superOffice.getPrivate(), application.getPublic());
            sim.authenticate(CTX);
            sim.tableSchema(CTX, PushRequests.schemas(data)); // creates the tables the COPY baseline loads too
            // One token for every request, valid for the whole benchmark (SuperOffice's last six minutes).
            String token = sim.tokens().token(CTX, b -> b.expirationTime(Date.from(Instant.now().plusSeconds(6 * 3600))));
            PushRequests requests = PushRequests.render(data, token, CTX, "127.0.0.1", port, PATH, settings.batchBytes(),
                    settings.batchesPerCall(), LSN);
            log.printf("benchmark 6: %,d requests, %,d RowData calls, %,.1f MiB of RowData XML%n", requests.requests().size(),
                    requests.rowDataCalls(), requests.rowDataBytes() / 1048576.0);
            TargetDialect d = mirror.targetDialect();
            List<String> quoted = data.stream().map(t -> d.names().quote(d.names().targetName(t.name()))).toList();
            for (int run = 1; run <= settings.runs(); run++) {
                String copied = null;
                long copyNanos = 0;
                if (run % 2 == 1) {
                    CpuMeter.Sample before = cpu.now();
                    copyNanos = copyAll(c, data, quoted, d);
                    copyCpu.add(cpu.now().minus(before));
                    copied = run == 1 ? checksum(c, quoted) : null;
                }
                sim.tableSchema(CTX, PushRequests.schemas(data));
                LoadBenchmarks.prepareTimedPhase(c);
                CpuMeter.Sample before = cpu.now();
                long t0 = System.nanoTime();
                post(port, requests.requests());
                long pushNanos = System.nanoTime() - t0;
                pushCpu.add(cpu.now().minus(before));
                if (run == 1) {
                    String pushed = checksum(c, quoted);
                    if (!pushed.equals(copied)) {
                        throw new IllegalStateException("push ingest and COPY produced different tables, so the comparison "
                                + "is void: " + copied + " vs " + pushed);
                    }
                    checks.add("push ingest vs COPY: identical tables " + pushed);
                }
                if (run % 2 == 0) {
                    CpuMeter.Sample beforeCopy = cpu.now();
                    copyNanos = copyAll(c, data, quoted, d);
                    copyCpu.add(cpu.now().minus(beforeCopy));
                }
                push.add(Stats.rate(rows, pushNanos));
                copy.add(Stats.rate(rows, copyNanos));
                log.printf("benchmark 6 run %d/%d: push %,.0f rows/s (%,.1f MiB/s of XML), COPY %,.0f rows/s%n", run, settings.runs(),
                        push.get(run - 1), requests.rowDataBytes() / 1048576.0 / (pushNanos / 1e9), copy.get(run - 1));
            }
            long xmlBytes = requests.rowDataBytes();
            int calls = requests.rowDataCalls();
            TableData first = data.get(0);
            // Only the first table's rows are needed from here on: the rest is garbage before the heap is watched.
            requests = null;
            data = null;
            long[] heap = largeRequest(sim, port, token, first);
            return new Outcome(rows, xmlBytes, calls, push, copy, checks, heap[0], heap[1], heap[2], heap[3], pushCpu, copyCpu);
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Wipe + one RowData call of about heapRequestMiB for the first table, with the heap watched; sizes in bytes. */
    private long[] largeRequest(SuperOfficeSimulator sim, int port, String token, TableData table) throws IOException {
        long limit = settings.heapRequestMiB() * 1048576L - 64 * 1024;
        int batchChars = 8 * 1024 * 1024;
        // Written batch by batch into one byte array, so the benchmark holds the request once, not in several copies.
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) limit);
        String envelope = new String(PushRequests.envelope(token, "<RowDataRequest xmlns=\"" + SuperOfficeSimulator.NS
                + "\"><ClientState/><DataBatches xmlns:a=\"" + SuperOfficeSimulator.A + "\" xmlns:i=\"" + SuperOfficeSimulator.I
                + "\">@@</DataBatches></RowDataRequest>"), java.nio.charset.StandardCharsets.UTF_8);
        int at = envelope.indexOf("@@");
        out.writeBytes(envelope.substring(0, at).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder rows = new StringBuilder(batchChars + 65536);
        java.util.Iterator<dev.mirror.api.model.Row> it = table.rows().iterator();
        boolean more = true;
        while (more) {
            rows.setLength(0);
            while (rows.length() < batchChars && it.hasNext()) {
                SuperOfficeSimulator.rowData(rows, table.schema(), new dev.mirror.api.model.RowChange(dev.mirror.api.model.Operation.INSERT,
                        it.next()));
            }
            more = it.hasNext() && out.size() + 1.15 * (rows.length() + batchChars + 65536) < limit;
            out.writeBytes(SuperOfficeSimulator.batch(table.schema(), rows.toString(), more ? 0 : LSN + 1)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        rows = null;
        out.writeBytes(envelope.substring(at + 2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] request = out.toByteArray();
        out = null;
        byte[] head = KeepAliveClient.head("127.0.0.1", port, PATH, PushRequests.ACTION + "RowData", request.length);
        sim.tableSchema(CTX, List.of(table.schema()));
        sim.wipe(CTX, table.name());
        System.gc();
        long baseline = usedHeap();
        java.util.concurrent.atomic.AtomicLong maxUsed = new java.util.concurrent.atomic.AtomicLong(baseline);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                maxUsed.accumulateAndGet(usedHeap(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        try (HeapWatch watch = new HeapWatch().start(); KeepAliveClient client = new KeepAliveClient("127.0.0.1", port)) {
            sampler.start();
            KeepAliveClient.Answer a;
            try {
                a = client.post(head, request);
            } finally {
                done.set(true);
            }
            if (!a.successful()) {
                throw new IllegalStateException("the " + request.length + "-byte RowData call failed: " + a.text());
            }
            log.printf("benchmark 6: a %,.1f MiB RowData call: heap after GC at most %,d MiB, in use at most %,d MiB (baseline "
                    + "%,d MiB), %d GCs%n", request.length / 1048576.0, watch.maxAfterGc() >> 20, maxUsed.get() >> 20, baseline >> 20,
                    watch.collections());
            return new long[] {request.length, baseline, watch.maxAfterGc(), Math.max(maxUsed.get(), watch.maxBeforeGc())};
        }
    }

    private static long usedHeap() {
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void post(int port, List<PushRequests.Request> requests) throws IOException {
        try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", port)) {
            for (PushRequests.Request r : requests) {
                KeepAliveClient.Answer a = client.post(r.head(), r.body());
                if (!a.successful()) {
                    throw new IllegalStateException(r.operation() + " failed: HTTP " + a.status() + " " + a.text());
                }
            }
        }
    }

    private static long copyAll(Connection c, List<TableData> data, List<String> quoted, TargetDialect d) throws SQLException {
        LoadBenchmarks.prepareTimedPhase(c);
        long t0 = System.nanoTime();
        for (int i = 0; i < data.size(); i++) {
            TableData t = data.get(i);
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE TABLE " + quoted.get(i));
            }
            List<String> columns = t.schema().columns().stream().map(col -> d.names().quote(d.names().targetName(col.name()))).toList();
            PlainCopy.load(c, PlainCopy.copySql(quoted.get(i), columns), t.rows().iterator());
            c.commit();
        }
        return System.nanoTime() - t0;
    }

    private static String checksum(Connection c, List<String> quoted) throws SQLException {
        Map<String, String> r = new LinkedHashMap<>();
        for (String t : quoted) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), coalesce(sum(hashtext(x::text)::bigint), 0) FROM " + t + " x")) {
                rs.next();
                r.put(t, rs.getLong(1) + " rows, hash " + rs.getLong(2));
            }
            c.commit();
        }
        return r.toString();
    }

    private static Map<String, Object> config(String url, Path key, Path cert, Map<String, Object> targetSettings) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "superoffice");
        source.put("port", 0);
        source.put("bindAddress", "127.0.0.1");
        source.put("applicationId", APP_ID);
        source.put("privateKeyFile", key.toString());
        source.put("superOfficeCertificates", List.of(cert.toString()));
        Map<String, Object> target = new LinkedHashMap<>(targetSettings);
        target.put("dialect", "postgresql");
        target.put("url", url);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("context", CTX);
        tree.put("source", source);
        tree.put("target", target);
        return tree;
    }

}
