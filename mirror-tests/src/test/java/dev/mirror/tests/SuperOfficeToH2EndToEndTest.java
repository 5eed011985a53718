package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.core.Mirror;
import dev.mirror.core.internal.metadata.MetadataTable;
import dev.mirror.sample.SampleDataSet;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SuperOffice into the embedded H2 target, a database file per tenant through the {@code Mirroring_{ctx}} URL template:
 * the single-tenant script (see {@link SuperOfficeEndToEndTest}) and two tenants pushed concurrently into two separate
 * files.
 */
class SuperOfficeToH2EndToEndTest extends SuperOfficeEndToEndTest {
    @Override
    protected Map<String, Object> target() {
        return Map.of("dialect", "h2", "url", urlTemplate());
    }

    private String urlTemplate() {
        return "jdbc:h2:file:" + dir.toAbsolutePath() + "/Mirroring_{ctx};LOCK_TIMEOUT=10000";
    }

    @Test
    void twoTenantsPushedConcurrentlyEachConvergeInTheirOwnDatabase() throws Exception {
        try (Mirror mirror = build("TenantA")) {
            SuperOfficeSimulator sim = serve(mirror);
            // Small batches: every table's rows span several batches and calls, only the last carrying the LSN.
            sim.batchBytes(64 * 1024).batchesPerCall(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CompletableFuture<Void> a = CompletableFuture.runAsync(() -> walk(mirror, sim, "TenantA"), pool);
                CompletableFuture<Void> b = CompletableFuture.runAsync(() -> walk(mirror, sim, "TenantB"), pool);
                CompletableFuture.allOf(a, b).get(10, TimeUnit.MINUTES);
            } finally {
                pool.shutdownNow();
            }
            assertThat(mirror.targetUrl()).contains("Mirroring_TenantA");
            assertThat(mirror.status()).as("the configured context's status is TenantA's metadata").isNotEmpty()
                    .allSatisfy(r -> assertThat(r.lsn()).isEqualTo(SampleDataSet.lsn(SampleDataSet.LAST_STEP)));
            try (Connection c = DriverManager.getConnection(url("TenantB"))) {
                assertThat(mirror.target().dialect().catalog().listTables(c)).as("tenant B's database holds no trace of tenant A")
                        .noneMatch(t -> t.equalsIgnoreCase("TenantA_mirroring"));
            }
        }
        assertThat(dir.resolve("Mirroring_TenantA.mv.db")).exists();
        assertThat(dir.resolve("Mirroring_TenantB.mv.db")).exists();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mv.db")).toList())
                    .containsExactlyInAnyOrder("Mirroring_TenantA.mv.db", "Mirroring_TenantB.mv.db");
        }
    }

    private String url(String ctx) {
        return urlTemplate().replace("{ctx}", ctx);
    }

    /** One tenant's whole script, checked after every cycle against its own database. */
    private void walk(Mirror mirror, SuperOfficeSimulator sim, String ctx) {
        SuperOfficeSampleDriver driver = new SuperOfficeSampleDriver(sim, data);
        MetadataTable metadata = mirror.sessions().forContext(dev.mirror.api.ContextId.of(ctx)).metadata();
        for (int step = 1; step <= SampleDataSet.LAST_STEP; step++) {
            SuperOfficeSampleDriver.Cycle cycle = driver.cycle(ctx, step);
            try (Connection c = DriverManager.getConnection(url(ctx))) {
                assertMirrorEqualsSource(c, mirror.target().dialect(), List.copyOf(metadata.readAll(c).values()),
                        metadata.targetName(), step);
            } catch (Exception e) {
                throw new AssertionError(ctx + " at step " + step + ": " + e.getMessage(), e);
            }
            assertCycle(cycle, step);
        }
    }
}
