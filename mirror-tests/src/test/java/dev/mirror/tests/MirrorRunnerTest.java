package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.Blocklist;
import dev.mirror.core.Mirror;
import dev.mirror.core.config.RunSettings;
import dev.mirror.core.run.MirrorRunner;
import dev.mirror.core.run.RunListener;
import dev.mirror.core.run.RunResult;
import dev.mirror.sample.SampleDataSet;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core's runner on real targets: waiting out a target that is down at start, failing at once (with the real cause) on
 * errors that waiting cannot fix, and one run lock shared by runs and resyncs.
 */
class MirrorRunnerTest {
    private static final RunSettings.Backoff QUICK = new RunSettings.Backoff(Duration.ofMillis(200), Duration.ofSeconds(1), null);

    @TempDir
    Path dir;

    /** Records what the runner reports. */
    static final class Recorder implements RunListener {
        final List<MirrorException> waits = new CopyOnWriteArrayList<>();
        final List<CycleReport> cycles = new CopyOnWriteArrayList<>();
        final List<MirrorException> failed = new CopyOnWriteArrayList<>();
        final CountDownLatch firstCycle = new CountDownLatch(1);

        @Override
        public void waiting(MirrorException cause, int attempt, Instant nextAttempt) {
            waits.add(cause);
        }

        @Override
        public void cycleFailed(MirrorException failure, Duration retryIn) {
            failed.add(failure);
        }

        @Override
        public void cycleFinished(CycleReport report) {
            cycles.add(report);
            firstCycle.countDown();
        }
    }

    /** Until the runner has reported two attempts to reach the target (or 30 s). */
    private static void awaitWaits(Recorder recorder) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (recorder.waits.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private Map<String, Object> sample(String url, Map<String, Object> targetExtra) {
        return TestMirrors.sampleToTarget("Runner", "h2", url, Map.of("advance", false, "steps", 1), targetExtra);
    }

    @Test
    void aTargetThatIsDownAtStartIsWaitedForAndTheRunStartsWhenItComesBack() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mirror";
        Recorder recorder = new Recorder();
        Server server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifNotExists", "-baseDir", dir.toString());
        try (Mirror m = TestMirrors.build(sample(url, Map.of()))) {
            MirrorRunner runner = new MirrorRunner(m, m.runSettings().withBackoff(QUICK), recorder);
            CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(runner::run);
            awaitWaits(recorder);
            assertThat(run).as("still waiting for the target").isNotDone();
            assertThat(recorder.waits).isNotEmpty().allSatisfy(e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.code()).isEqualTo("TARGET_CONNECTION");
            });
            server.start();
            RunResult result = run.get(60, TimeUnit.SECONDS);
            assertThat(result.ok()).as(String.valueOf(result)).isTrue();
            assertThat(result.cycles()).isEqualTo(1);
            SampleDataSet data = new SampleDataSet(1, SampleDataSet.Selection.CORE);
            try (Connection c = m.target().dataSource().getConnection()) {
                MirrorContents.assertEquals(c, m.target().dialect(), data.table("contact", 1).orElseThrow(), data.rows("contact", 1));
            }
            assertThat(m.status()).filteredOn(r -> !Blocklist.of(true, List.of()).isBlocked(r.table()))
                    .isNotEmpty().allSatisfy(r -> assertThat(r.lsn()).isEqualTo(SampleDataSet.lsn(1)));
        } finally {
            server.stop();
        }
    }

    /** The same with PostgreSQL: its port is closed at start (a forwarder that is not open yet), then opened. */
    @Test
    void aPostgresTargetThatIsDownAtStartIsWaitedForAndTheRunStartsWhenItComesBack() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.create()) {
            java.net.URI pg = java.net.URI.create(db.url().substring("jdbc:".length()));
            try (TcpForwarder forwarder = new TcpForwarder(pg.getHost(), pg.getPort() < 0 ? 5432 : pg.getPort())) {
                String url = db.url().replaceFirst("//[^/]+/", "//127.0.0.1:" + forwarder.port() + "/");
                Recorder recorder = new Recorder();
                Map<String, Object> config = TestMirrors.sampleToTarget("Runner", "postgresql", url, Map.of("advance", false, "steps", 1),
                        Map.of());
                try (Mirror m = TestMirrors.build(config)) {
                    MirrorRunner runner = new MirrorRunner(m, m.runSettings().withBackoff(QUICK), recorder);
                    CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(runner::run);
                    awaitWaits(recorder);
                    assertThat(run).as("still waiting for the target").isNotDone();
                    assertThat(recorder.waits).isNotEmpty().allSatisfy(e -> assertThat(e.retryable()).isTrue());
                    forwarder.open();
                    RunResult result = run.get(60, TimeUnit.SECONDS);
                    assertThat(result.ok()).as(String.valueOf(result)).isTrue();
                    assertThat(result.cycles()).isEqualTo(1);
                    SampleDataSet data = new SampleDataSet(1, SampleDataSet.Selection.CORE);
                    try (Connection c = m.targetDataSource().getConnection()) {
                        MirrorContents.assertEquals(c, m.targetDialect(), data.table("contact", 1).orElseThrow(), data.rows("contact", 1));
                    }
                }
            }
        }
    }

    @Test
    void aWrongPasswordFailsAtOnceWithTheServersMessageFirst() throws Exception {
        String url = TestMirrors.h2Url(dir);
        try (Connection c = DriverManager.getConnection(url, "sa", "right-one")) {
            assertThat(c.isValid(1)).isTrue();
        }
        Recorder recorder = new Recorder();
        try (Mirror m = TestMirrors.build(sample(url, Map.of("user", "sa", "password", "not-the-right-one")))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> new MirrorRunner(m, m.runSettings().withBackoff(QUICK), recorder).run())
                    .isInstanceOfSatisfying(MirrorException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).contains("connecting to the target").contains("Wrong user name or password")
                                .doesNotContain("Connection is not available").doesNotContain("not-the-right-one");
                    });
            assertThat(System.nanoTime() - t0).as("no waiting for a login that cannot succeed").isLessThan(TimeUnit.SECONDS.toNanos(5));
            assertThat(recorder.waits).isEmpty();
        }
    }

    @Test
    void aMissingPostgresDatabaseFailsAtOnceWithTheServersMessageFirst() {
        String url = System.getenv("MIRROR_TEST_POSTGRES_URL");
        assumeTrue(url != null && !url.isBlank(), "MIRROR_TEST_POSTGRES_URL is not set: PostgreSQL runner test skipped");
        String missing = url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1no_such_database_" + Long.toHexString(System.nanoTime()));
        Map<String, Object> config = TestMirrors.sampleToTarget("Runner", "postgresql", missing, Map.of("advance", false), Map.of());
        try (Mirror m = TestMirrors.build(config)) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> new MirrorRunner(m, m.runSettings().withBackoff(QUICK), RunListener.NONE).run())
                    .isInstanceOfSatisfying(MirrorException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).startsWith("PostgreSQL failed while connecting to the target")
                                .contains("does not exist").contains("3D000");
                    });
            assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(5));
        }
    }

    @Test
    void aRunHoldsTheLockSoAResyncOrASecondRunIsRefusedNamingTheHolder() throws Exception {
        Map<String, Object> config = new LinkedHashMap<>(sample(TestMirrors.h2Url(dir), Map.of()));
        config.put("run", Map.of("every", "1h"));
        Recorder recorder = new Recorder();
        try (Mirror first = TestMirrors.build(config); Mirror second = TestMirrors.build(config)) {
            MirrorRunner running = MirrorRunner.start(first, recorder);
            assertThat(recorder.firstCycle.await(60, TimeUnit.SECONDS)).isTrue();
            MirrorRunner other = new MirrorRunner(second, RunListener.NONE);
            String pid = "pid " + ProcessHandle.current().pid();
            assertThatThrownBy(() -> other.resync(null)).isInstanceOfSatisfying(MirrorException.class, e -> {
                assertThat(e.code()).isEqualTo("LOCK_HELD");
                assertThat(e.getMessage()).contains("another mirror run holds the lock").contains(pid).contains("Runner_mirroring_lock");
            });
            assertThatThrownBy(() -> new MirrorRunner(second, RunListener.NONE).run())
                    .isInstanceOfSatisfying(MirrorException.class, e -> assertThat(e.code()).isEqualTo("LOCK_HELD"));

            RunResult stopped = running.stopAndWait(Duration.ofSeconds(60));
            assertThat(stopped.stopped()).isTrue();
            assertThat(stopped.ok()).as("stopped while idle: the last cycle's result").isTrue();
            assertThat(stopped.cycles()).isEqualTo(1);
            assertThat(new MirrorRunner(second, RunListener.NONE).resync(List.of("contact"))).as("the lock is free again").isEqualTo(1);
        }
    }

    @Test
    void aRunWhoseLockIsTakenOverStopsWithLockLost() throws Exception {
        Map<String, Object> config = new LinkedHashMap<>(sample(TestMirrors.h2Url(dir), Map.of()));
        config.put("run", Map.of("every", "1h", "lockTtl", "10s"));
        Recorder recorder = new Recorder();
        try (Mirror m = TestMirrors.build(config)) {
            MirrorRunner running = MirrorRunner.start(m, recorder);
            assertThat(recorder.firstCycle.await(60, TimeUnit.SECONDS)).isTrue();
            String table = m.target().dialect().names().quote(m.target().dialect().names().targetName("Runner_mirroring_lock"));
            String owner = m.target().dialect().names().quote(m.target().dialect().names().targetName("owner"));
            String expires = m.target().dialect().names().quote(m.target().dialect().names().targetName("expires"));
            m.target().autoCommit("stealing the lock", c -> {
                try (var st = c.createStatement()) {
                    return st.executeUpdate("UPDATE " + table + " SET " + owner + " = 'thief', " + expires
                            + " = TIMESTAMP '2999-01-01 00:00:00'");
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!running.stopRequested() && System.nanoTime() < deadline) {
                Thread.sleep(50); // the heartbeat (every third of lockTtl) notices
            }
            assertThatThrownBy(() -> running.stopAndWait(Duration.ofSeconds(30)))
                    .isInstanceOfSatisfying(MirrorException.class, e -> {
                        assertThat(e.code()).isEqualTo("LOCK_LOST");
                        assertThat(e.getMessage()).contains("thief");
                    });
        }
    }

    @Test
    void aTargetThatGoesAwayBetweenCyclesIsWaitedForAndTheScheduleGoesOn() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, Object> config = new LinkedHashMap<>(sample("jdbc:h2:tcp://127.0.0.1:" + port + "/mirror",
                Map.of("connectTimeoutSeconds", 1)));
        config.put("retry", Map.of("attempts", 1));
        config.put("run", Map.of("every", "300ms", "backoff", Map.of("initial", "200ms", "max", "1s")));
        Recorder recorder = new Recorder();
        Process server = h2Server(port); // a server process of its own, stopped and started like a real one
        try (Mirror m = TestMirrors.build(config)) {
            MirrorRunner running = MirrorRunner.start(m, recorder);
            assertThat(recorder.firstCycle.await(60, TimeUnit.SECONDS)).isTrue();
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (recorder.waits.isEmpty() && recorder.failed.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(recorder.waits.size() + recorder.failed.size()).as("a cycle failed because the target went away")
                    .isPositive();
            assertThat(running.stopRequested()).as("the schedule goes on").isFalse();
            int before = recorder.cycles.size();
            server = h2Server(port);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (recorder.cycles.size() <= before && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(recorder.cycles.size()).as("cycles resume once the target is back").isGreaterThan(before);
            assertThat(running.stopAndWait(Duration.ofSeconds(60)).stopped()).isTrue();
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** An H2 TCP server in a child JVM, listening once this returns. */
    private Process h2Server(int port) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Server.class.getName(), "-tcp", "-tcpPort", Integer.toString(port),
                "-ifNotExists", "-baseDir", dir.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("h2-server.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return p;
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the H2 server did not start");
    }
}
