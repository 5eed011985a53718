package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import dev.mirror.superoffice.SuperOfficeSource;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import dev.mirror.superoffice.sim.TestKeys;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 8, many tenants at once: one endpoint ({@code Mirror.serve()}, {@code source.type: superoffice}, target URL
 * {@code currentSchema=<prefix>_{ctx}}, {@code allowedContexts} listing every tenant) and N tenants pushing a first load
 * concurrently, each over its own keep-alive connection, into its own schema. Each tenant sends a different number of
 * rows, so a row written into another tenant's table shows up as a wrong count; the check also lists every schema's
 * tables (only that tenant's metadata table may be there) and the base schema (nothing may be created there).
 */
final class TenantsBench {
    record Outcome(int tenants, long rows, long xmlBytes, double seconds, List<Double> callMillis, int serverThreads,
                   long heapBaseline, long heapMaxUsed, long heapMaxAfterGc, List<String> checks) {
    }

    private static final String APP_ID = "6cf25376616343b38d14ddcd804f2891";
    private static final String PATH = "/mirroring/MirroringClientService.svc";
    private final PrintStream log;

    TenantsBench(PrintStream log) {
        this.log = requireNonNull(log, "log is null");
    }

    Outcome run(String pgUrl, int tenants, int baseRows, List<String> tableNames) throws Exception {
        String prefix = "mbt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        List<String> ctxs = new ArrayList<>();
        for (int i = 1; i <= tenants; i++) {
            ctxs.add(String.format(Locale.ROOT, "t%03d", i));
        }
        Path dir = Files.createTempDirectory("mirror-bench-tenants");
        KeyPair superOffice = TestKeys.generate();
        KeyPair application = TestKeys.generate();
        Path cert = TestKeys.write(dir, "superoffice.pem", TestKeys.publicPem(superOffice));
        Path key = TestKeys.write(dir, "app-key.xml", TestKeys.privateDotNetXml(application));
        Set<String> before = tables(pgUrl, "public");
        try (Connection admin = DriverManager.getConnection(pgUrl); Statement s = admin.createStatement()) {
            for (String c : ctxs) {
                s.execute("CREATE SCHEMA " + prefix + "_" + c);
            }
        }
        try (Mirror mirror = Mirror.builder().config(config(pgUrl, prefix, key, cert, ctxs), "mirror-bench").pluginDirectory(false)
                .progress(ProgressListener.NONE).build()) {
            mirror.serve();
            int port = ((SuperOfficeSource) mirror.source()).port();
            SuperOfficeSimulator sim = new SuperOfficeSimulator(URI.create("http://127.0.0.1:" + port + PATH), APP_ID,
                    superOffice.getPrivate(), application.getPublic());
            // Each tenant its own row count, so rows that land in another tenant's table show as a wrong count.
            List<TableData> all = TableData.sample(tableNames, (long) baseRows + tenants, true);
            List<List<PushRequests.Request>> perTenant = new ArrayList<>();
            Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
            long xml = 0;
            long rows = 0;
            for (int i = 0; i < tenants; i++) {
                String ctx = ctxs.get(i);
                List<TableData> mine = new ArrayList<>();
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (TableData t : all) {
                    int n = Math.max(1, t.rows().size() - tenants + i);
                    mine.add(new TableData(t.schema(), t.rows().subList(0, n)));
                    counts.put(t.name(), n);
                    rows += n;
                }
                expected.put(ctx, counts);
                sim.tableSchema(ctx, PushRequests.schemas(mine)); // untimed: creates the tenant's tables
                String token = sim.tokens().token(ctx, b -> b.expirationTime(Date.from(Instant.now().plusSeconds(3600))));
                PushRequests r = PushRequests.render(mine, token, ctx, "127.0.0.1", port, PATH, 1024 * 1024, 3, 7000);
                perTenant.add(r.requests());
                xml += r.rowDataBytes();
            }
            log.printf("benchmark 8: %d tenants, %,d rows, %,.1f MiB of RowData XML%n", tenants, rows, xml / 1048576.0);
            System.gc();
            long baseline = used();
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicLong maxUsed = new AtomicLong(baseline);
            AtomicBoolean done = new AtomicBoolean();
            Thread sampler = new Thread(() -> {
                while (!done.get()) {
                    maxUsed.accumulateAndGet(used(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            ExecutorService pool = Executors.newFixedThreadPool(tenants);
            double seconds;
            try (HeapWatch watch = new HeapWatch().start()) {
                sampler.start();
                long t0 = System.nanoTime();
                List<Future<?>> running = new ArrayList<>();
                for (List<PushRequests.Request> requests : perTenant) {
                    running.add(pool.submit(() -> {
                        try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", port)) {
                            for (PushRequests.Request q : requests) {
                                long c0 = System.nanoTime();
                                KeepAliveClient.Answer a = client.post(q.head(), q.body());
                                latencies.add((System.nanoTime() - c0) / 1e6);
                                if (!a.successful()) {
                                    throw new IllegalStateException(q.operation() + " failed: " + a.text());
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
                seconds = (System.nanoTime() - t0) / 1e9;
                done.set(true);
                sampler.join();
                pool.shutdown();
                List<String> checks = isolation(pgUrl, prefix, expected, before);
                log.printf("benchmark 8: %,.0f rows/s over %.1f s; %s%n", rows / seconds, seconds, checks);
                return new Outcome(tenants, rows, xml, seconds, new ArrayList<>(latencies), 16, baseline, maxUsed.get(),
                        watch.maxAfterGc(), checks);
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(pgUrl); Statement s = admin.createStatement()) {
                for (String c : ctxs) {
                    s.execute("DROP SCHEMA IF EXISTS " + prefix + "_" + c + " CASCADE");
                }
            }
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Every tenant's tables hold exactly its own row counts, its schema only its own tables, the base schema nothing new. */
    private static List<String> isolation(String pgUrl, String prefix, Map<String, Map<String, Integer>> expected, Set<String> before)
            throws Exception {
        List<String> problems = new ArrayList<>();
        for (var e : expected.entrySet()) {
            String schema = prefix + "_" + e.getKey();
            Set<String> want = new TreeSet<>(e.getValue().keySet());
            want.add(e.getKey() + "_mirroring");
            Set<String> have = tables(pgUrl, schema);
            have.removeIf(t -> t.equals(e.getKey() + "_mirroring_lock"));
            if (!have.equals(want)) {
                problems.add(schema + " holds " + have + ", expected " + want);
            }
            try (Connection c = DriverManager.getConnection(pgUrl); Statement s = c.createStatement()) {
                for (var t : e.getValue().entrySet()) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + "." + t.getKey())) {
                        rs.next();
                        if (rs.getLong(1) != t.getValue()) {
                            problems.add(schema + "." + t.getKey() + " has " + rs.getLong(1) + " rows, its tenant sent " + t.getValue());
                        }
                    }
                }
            }
        }
        Set<String> after = tables(pgUrl, "public");
        after.removeAll(before);
        if (!after.isEmpty()) {
            problems.add("tables created in the base schema: " + after);
        }
        return problems.isEmpty() ? List.of("isolation: every tenant's schema holds exactly its own tables and row counts; "
                + "nothing was created outside the tenants' schemas") : problems;
    }

    private static Set<String> tables(String pgUrl, String schema) throws Exception {
        Set<String> r = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(pgUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "'")) {
            while (rs.next()) {
                r.add(rs.getString(1));
            }
        }
        return r;
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static Map<String, Object> config(String pgUrl, String prefix, Path key, Path cert, List<String> ctxs) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "superoffice");
        source.put("port", 0);
        source.put("bindAddress", "127.0.0.1");
        source.put("applicationId", APP_ID);
        source.put("privateKeyFile", key.toString());
        source.put("superOfficeCertificates", List.of(cert.toString()));
        source.put("allowedContexts", ctxs);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("dialect", "postgresql");
        target.put("url", PgSchema.withParameter(pgUrl, "currentSchema=" + prefix + "_{ctx}"));
        // One connection per tenant: 50 tenants stay within PostgreSQL's default max_connections (100).
        target.put("poolSize", 1);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("source", source);
        tree.put("target", target);
        return tree;
    }
}
