package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.source.ProtocolSessions;
import dev.mirror.superoffice.sim.SimSource;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import dev.mirror.superoffice.sim.TestKeys;
import dev.mirror.testkit.source.InMemoryMirror;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator drives the endpoint into the testkit's reference in-memory mirror, cycle after cycle. */
class TestkitMirrorTest {
    @Test
    void mirrorEqualsSourceAfterEveryCycleIncludingTheTypeChange(@TempDir Path dir) {
        KeyPair so = TestKeys.generate();
        KeyPair app = TestKeys.generate();
        Map<String, InMemoryMirror> mirrors = new ConcurrentHashMap<>();
        ProtocolSessions sessions = ctx -> mirrors.computeIfAbsent(ctx.value(), InMemoryMirror::new);
        SuperOfficeConfig config = new SuperOfficeConfig(0, "127.0.0.1", "/m.svc", Optional.empty(), Optional.empty(), "app",
                TestKeys.write(dir, "k.pem", TestKeys.privatePkcs8Pem(app)), List.of(TestKeys.write(dir, "so.pem", TestKeys.publicPem(so))),
                60, Map.of(), false, SuperOfficeConfig.DEFAULT_MAX_REQUEST_BYTES, 4);
        try (SuperOfficeSource source = new SuperOfficeSource(config, Clock.systemUTC())) {
            source.serve(sessions);
            SuperOfficeSimulator sim = new SuperOfficeSimulator(URI.create("http://127.0.0.1:" + source.port() + "/m.svc"), "app",
                    so.getPrivate(), app.getPublic()).batchBytes(256 * 1024);
            SimSource src = new SimSource();
            src.createTable(SimulatorEndToEndTest.contact());
            src.createTable(SimulatorEndToEndTest.person("nvarchar(20)"));
            for (int i = 1; i <= 2000; i++) {
                src.upsert("contact", SimulatorEndToEndTest.contactRow(i, 1));
                src.upsert("person", i, i, "P" + i, "1990-01-01");
            }
            sim.runCycle("Cust7", src);
            assertEquals(mirrors.get("Cust7"), src);

            for (int i = 1; i <= 2000; i += 7) {
                src.upsert("contact", SimulatorEndToEndTest.contactRow(i, 2));
                src.delete("person", i);
            }
            sim.runCycle("Cust7", src);
            assertEquals(mirrors.get("Cust7"), src);

            src.dropTable("person");
            src.createTable(SimulatorEndToEndTest.person("datetime"));
            src.upsert("person", 1, 1, "Ann", LocalDateTime.of(1760, 1, 1, 0, 0));
            sim.runCycle("Cust7", src);
            assertEquals(mirrors.get("Cust7"), src);
            assertThat(mirrors.get("Cust7").schema("person").columns().get(3).type().base()).isEqualTo(SqlServerType.DATETIME);
        }
    }

    private static void assertEquals(InMemoryMirror mirror, SimSource src) {
        for (TableSchema t : src.schemas()) {
            assertThat(mirror.schema(t.name())).isEqualTo(t);
            Map<List<Object>, Row> actual = mirror.rows(t.name());
            Map<List<Object>, Object[]> expected = src.rows(t.name());
            assertThat(actual).hasSameSizeAs(expected);
            expected.forEach((k, v) -> assertThat(Arrays.deepEquals(actual.get(k).toArray(), v)).as(t.name() + " " + k).isTrue());
        }
    }
}
