package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mirror.core.Mirror;
import dev.mirror.core.internal.lock.TargetLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end against one target (subclasses: embedded H2, PostgreSQL). */
abstract class AbstractCliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Path config;

    /** The {@code target:} section (YAML, indented by two spaces). */
    abstract String targetYaml();

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("mirror.yaml");
        Files.writeString(config, """
                context: Cli
                source:
                  type: sample
                  advance: false
                target:
                %s
                run:
                  lockTtl: 30s
                """.formatted(targetYaml()));
    }

    Cli.Result cli(String... args) {
        return Cli.run(args);
    }

    Mirror mirror() {
        return MirrorConfig.load(config).build(dev.mirror.core.ProgressListener.NONE);
    }

    void sql(String... statements) throws Exception {
        try (Mirror m = mirror()) {
            m.target().autoCommit("test tampering", c -> {
                try (Statement s = c.createStatement()) {
                    for (String sql : statements) {
                        s.execute(sql);
                    }
                }
                return null;
            });
        }
    }

    long minKey(String table, String key) throws Exception {
        try (Mirror m = mirror()) {
            return m.target().autoCommit("reading", (Connection c) -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(\"" + key + "\") FROM \"" + table + "\"")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
    }

    @Test
    void runOnceWritesReportThenStatusTextAndJson() throws Exception {
        Path report = dir.resolve("report.json");
        Cli.Result run = cli("run", "--config", config.toString(), "--once", "--report", report.toString());
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).contains("contact").contains("created").contains("total: ");
        JsonNode r = JSON.readTree(report.toFile());
        assertThat(r.get("status").asText()).isEqualTo("ok");
        assertThat(r.get("reports").get(0).get("tables").toString()).contains("\"table\":\"contact\"");

        Cli.Result status = cli("status", "--config", config.toString());
        assertThat(status.code()).as(status.toString()).isZero();
        assertThat(status.out()).contains("metadata table Cli_mirroring").containsPattern("contact\\s+7000\\s+[0-9a-f]{12}\\s+ok\\s+\\d+");
        assertThat(status.out()).containsPattern("credentials\\s+-1\\s+\\S+\\s+blocked\\s+-");
        assertThat(status.out()).as("each table's mode").containsPattern("contact\\s+7000\\s.*\\smirror\\s*\\n");

        Cli.Result js = cli("status", "--config", config.toString(), "--json");
        assertThat(js.code()).as(js.toString()).isZero();
        JsonNode s = JSON.readTree(js.out());
        assertThat(s.get("context").asText()).isEqualTo("Cli");
        JsonNode contact = null;
        for (JsonNode t : s.get("tables")) {
            if (t.get("table").asText().equals("contact")) {
                contact = t;
            }
        }
        assertThat(contact).isNotNull();
        assertThat(contact.get("lsn").asLong()).isEqualTo(7000);
        assertThat(contact.get("rows").asLong()).isPositive();
        assertThat(contact.get("state").asText()).isEqualTo("ok");
        assertThat(contact.get("mode").asText()).isEqualTo("mirror");
        assertThat(contact.get("schemaHash").asText()).hasSize(64);
    }

    @Test
    void resyncSetsLsnAndTheNextRunRepopulates() throws Exception {
        assertThat(cli("run", "--config", config.toString(), "--once").code()).isZero();
        Cli.Result r = cli("resync", "--config", config.toString(), "CONTACT", "nosuchtable");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).contains("contact set to LSN -1");
        assertThat(r.err()).contains("unknown table nosuchtable");
        JsonNode s = JSON.readTree(cli("status", "--config", config.toString(), "--json").out());
        for (JsonNode t : s.get("tables")) {
            if (t.get("table").asText().equals("contact")) {
                assertThat(t.get("lsn").asLong()).isEqualTo(-1);
            }
        }
        Cli.Result run = cli("run", "--config", config.toString(), "--once");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("contact\\s+repopulated");
        Cli.Result all = cli("resync", "--config", config.toString(), "--all");
        assertThat(all.code()).isZero();
        assertThat(all.out()).containsPattern("resync: 7 tables set to LSN -1");
    }

    @Test
    void verifyFindsTamperingAndRepairFixesIt() throws Exception {
        assertThat(cli("run", "--config", config.toString(), "--once").code()).isZero();
        Cli.Result clean = cli("verify", "--config", config.toString());
        assertThat(clean.code()).as(clean.toString()).isZero();
        assertThat(clean.out()).contains("the mirror equals the source");

        long contact = minKey("contact", "contact_id");
        long person = minKey("person", "person_id");
        long sale = minKey("sale", "sale_id");
        sql("UPDATE \"contact\" SET \"name\" = 'tampered by hand' WHERE \"contact_id\" = " + contact,
                "DELETE FROM \"person\" WHERE \"person_id\" = " + person,
                "UPDATE \"sale\" SET \"sale_id\" = 99999999 WHERE \"sale_id\" = " + sale);
        Cli.Result dirty = cli("verify", "--config", config.toString());
        assertThat(dirty.code()).as(dirty.toString()).isEqualTo(ExitCodes.DIFFERENCES);
        assertThat(dirty.out())
                .contains("contact: values differ: contact_id=" + contact)
                .contains("person: missing in mirror: person_id=" + person)
                .contains("sale: extra in mirror: sale_id=99999999")
                .contains("sale: missing in mirror: sale_id=" + sale)
                .contains("3 of 7 tables differ");
        assertThat(dirty.out()).containsPattern("contact\\s+different");

        Cli.Result repaired = cli("verify", "--config", config.toString(), "--repair");
        assertThat(repaired.code()).as(repaired.toString()).isZero();
        assertThat(repaired.out()).contains("set to LSN -1").containsPattern("person\\s+repopulated")
                .containsPattern("associate\\s+unchanged").contains("after repair").contains("the mirror equals the source");
    }

    @Test
    void secondRunRefusesOrWaitsNamingTheHolder() throws Exception {
        assertThat(cli("run", "--config", config.toString(), "--once").code()).isZero();
        try (Mirror m = mirror()) {
            TargetLock other = new TargetLock(m.target(), dev.mirror.api.ContextId.of("Cli"), "other-run", "other-host", 12345, Duration.ofMinutes(5),
                    Clock.systemUTC());
            other.acquire(Duration.ZERO, Duration.ofMillis(50));
            Cli.Result refused = cli("run", "--config", config.toString(), "--once", "--wait", "300ms");
            assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCodes.LOCK_HELD);
            assertThat(refused.err()).contains("another mirror run holds the lock")
                    .contains("run other-run on host other-host, pid 12345").contains("Cli_mirroring_lock");

            CompletableFuture<Void> release = CompletableFuture.runAsync(other::release,
                    CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));
            long t0 = System.nanoTime();
            Cli.Result waited = cli("run", "--config", config.toString(), "--once", "--wait", "30s");
            release.join();
            assertThat(waited.code()).as(waited.toString()).isZero();
            assertThat(System.nanoTime() - t0).as("the second run waited for the first").isGreaterThan(500_000_000L);
            assertThat(other.holder()).as("the lock is released after the run").isEmpty();
        }
    }

    @Test
    void runServeResyncAndRepairShareOneLock() throws Exception {
        Cli.Running every = Cli.start("run", "--config", config.toString(), "--every", "1h");
        every.awaitOut("total: "); // a whole cycle: a stop now is a clean idle stop, exit code that of the last cycle
        try (Mirror m = mirror()) {
            TargetLock probe = new TargetLock(m.target(), dev.mirror.api.ContextId.of("Cli"), "probe", "test", 1, Duration.ofMinutes(1), Clock.systemUTC());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && (!tableExists(m, probe.tableName()) || probe.holder().isEmpty())) {
                Thread.sleep(100);
            }
            assertThat(probe.holder()).as("mirror run --every holds the lock").isPresent();
            long pid = ProcessHandle.current().pid();

            Cli.Result resync = cli("resync", "--config", config.toString(), "--all");
            assertThat(resync.code()).as(resync.toString()).isEqualTo(ExitCodes.LOCK_HELD);
            assertThat(resync.err()).contains("another mirror run holds the lock").contains("pid " + pid)
                    .contains("Cli_mirroring_lock");
            Cli.Result once = cli("run", "--config", config.toString(), "--once", "--wait", "200ms");
            assertThat(once.code()).as(once.toString()).isEqualTo(ExitCodes.LOCK_HELD);
            assertThat(once.err()).contains("pid " + pid);
        } finally {
            every.stop();
        }
        Cli.Result stopped = every.await();
        assertThat(stopped.code()).as(stopped.toString()).isZero();
        assertThat(stopped.out()).contains("stopped on request");
        Cli.Result resync = cli("resync", "--config", config.toString(), "--all", "--wait", "5s");
        assertThat(resync.code()).as("the lock was released: " + resync).isZero();
    }

    private static boolean tableExists(Mirror m, String table) {
        return m.target().autoCommit("listing", c -> m.target().dialect().catalog().listTables(c)).stream().anyMatch(t -> t.equalsIgnoreCase(table));
    }
}
