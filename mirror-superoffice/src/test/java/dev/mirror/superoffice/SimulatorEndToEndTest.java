package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.superoffice.sim.InMemoryProtocol;
import dev.mirror.superoffice.sim.SimSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator drives the real HTTP endpoint through whole cycles (Authenticate, TableSchema, RowData in
 * ~1 MB batches several per call, Wipe, ReplicationCompleted) into in-memory mirrors; after every cycle
 * the mirror equals the source, including the seed's type change (a character column re-created as datetime).
 */
class SimulatorEndToEndTest {
    @TempDir
    Path dir;
    EndpointFixture f;

    @BeforeEach
    void start() {
        f = new EndpointFixture(dir);
        f.sim.batchesPerCall(2);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    static TableSchema contact() {
        return new TableSchema("contact", List.of(
                Column.of("contact_id", SqlType.parse("int"), false),
                new Column("name", SqlType.parse("nvarchar(100)"), false, "(N'')"),
                Column.of("registered", SqlType.parse("datetime"), false),
                Column.of("score", SqlType.parse("float"), true),
                Column.of("amount", SqlType.parse("decimal(12,2)"), true),
                Column.of("flag", SqlType.parse("smallint"), false),
                Column.of("data", SqlType.parse("varbinary(max)"), true),
                Column.of("note", SqlType.parse("nvarchar(max)"), true)), List.of("contact_id"));
    }

    static TableSchema person(String birthdateType) {
        return new TableSchema("person", List.of(
                Column.of("person_id", SqlType.parse("int"), false),
                Column.of("contact_id", SqlType.parse("int"), true),
                Column.of("firstname", SqlType.parse("nvarchar(50)"), true),
                Column.of("birthdate", SqlType.parse(birthdateType), true)), List.of("person_id"));
    }

    static Object[] contactRow(int id, int version) {
        return new Object[] {id, "Contact <" + id + "> & Co \"" + version + "\"", LocalDateTime.of(2020, 5, 18, 10, 40, 43).plusMinutes(id)
                .plusNanos((id % 10) * 100L), id % 3 == 0 ? null : id / 7.0, new BigDecimal(id + ".25"), (short) (version % 5),
                id % 4 == 0 ? null : new byte[] {(byte) id, 0, (byte) version}, "note " + "é€".repeat(id % 50) + " line\r\nbreak " + version};
    }

    @Test
    void cyclesKeepTheMirrorEqualToTheSourceIncludingATypeChange() {
        SimSource src = new SimSource();
        src.createTable(contact());
        src.createTable(person("nvarchar(20)"));
        for (int i = 1; i <= 6000; i++) {
            src.upsert("contact", contactRow(i, 1));
        }
        for (int i = 1; i <= 300; i++) {
            src.upsert("person", i, i % 50 == 0 ? null : i, "Name" + i, "1990-01-" + (i % 28 + 1));
        }
        Map<String, TableCounts> first = f.sim.runCycle("Cust1", src);
        assertThat(first.get("contact")).isEqualTo(new TableCounts(6000, 0, 0));
        assertThat(f.sessions.existing("Cust1").lsn("contact")).isEqualTo(src.currentLsn());
        assertMirrorEquals("Cust1", src);

        // cycle 2: updates, deletes and inserts; only the final state of each changed row is sent
        for (int i = 1; i <= 6000; i += 10) {
            src.upsert("contact", contactRow(i, 2));
        }
        for (int i = 5; i <= 6000; i += 100) {
            src.delete("contact", i);
        }
        src.upsert("contact", contactRow(7000, 1));
        src.upsert("person", 1, 2, "Renamed", null);
        Map<String, TableCounts> second = f.sim.runCycle("Cust1", src);
        assertThat(second.get("contact").deletes()).isEqualTo(60);
        assertMirrorEquals("Cust1", src);

        // cycle 3: nothing changed: nothing sent, nothing lost
        f.sim.runCycle("Cust1", src);
        assertMirrorEquals("Cust1", src);

        // cycle 4: the seed's type change: person dropped and re-created with birthdate as datetime
        src.dropTable("person");
        src.createTable(person("datetime"));
        for (int i = 1; i <= 200; i++) {
            src.upsert("person", i, i, "New" + i, LocalDateTime.of(1990, 1, i % 28 + 1, 0, 0));
        }
        f.sim.runCycle("Cust1", src);
        assertMirrorEquals("Cust1", src);
        InMemoryProtocol mirror = f.sessions.existing("Cust1");
        assertThat(mirror.schemaOf("person").columns().get(3).type().base()).isEqualTo(SqlServerType.DATETIME);
        assertThat(mirror.rows("person").get(List.of(7))[3]).isEqualTo(LocalDateTime.of(1990, 1, 8, 0, 0));

        // cycle 5: a table that disappears from the source disappears from the mirror
        src.dropTable("person");
        f.sim.runCycle("Cust1", src);
        assertThat(mirror.tableNames()).containsExactly("contact");
        assertThat(mirror.completions()).hasSize(5);
        assertThat(mirror.maxConcurrentPerTable()).isEqualTo(1);
    }

    @Test
    void tenantsReplicateConcurrentlyAndEachMirrorEqualsItsSource() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<SimSource>> runs = new ArrayList<>();
            for (String ctx : List.of("Cust1", "Cust2", "Cust3")) {
                runs.add(pool.submit(() -> {
                    SimSource src = new SimSource();
                    src.createTable(contact());
                    src.createTable(person("nvarchar(20)"));
                    for (int i = 1; i <= 1500; i++) {
                        src.upsert("contact", contactRow(i, ctx.length()));
                        src.upsert("person", i, i, ctx + i, null);
                    }
                    f.sim.runCycle(ctx, src);
                    return src;
                }));
            }
            for (int i = 0; i < runs.size(); i++) {
                assertMirrorEquals("Cust" + (i + 1), runs.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertMirrorEquals(String ctx, SimSource src) {
        assertMirrorEquals(f.sessions.existing(ctx), src);
    }

    /** Every table of {@code src} is in {@code mirror} with the same schema and exactly the same rows. */
    static void assertMirrorEquals(InMemoryProtocol mirror, SimSource src) {
        for (TableSchema t : src.schemas()) {
            assertThat(mirror.schemaOf(t.name())).as(t.name()).isEqualTo(t);
            // an unchanged table is not resent, so its LSN stays where its last change brought it
            assertThat(mirror.lsn(t.name())).as("LSN of " + t.name()).isPositive().isLessThanOrEqualTo(src.currentLsn());
            Map<List<Object>, Object[]> expected = src.rows(t.name());
            Map<List<Object>, Object[]> actual = mirror.rows(t.name());
            assertThat(actual.keySet()).as(t.name() + " keys").containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((k, v) -> assertThat(Arrays.deepEquals(actual.get(k), v))
                    .as(t.name() + " row " + k + ": " + Arrays.deepToString(actual.get(k)) + " vs " + Arrays.deepToString(v)).isTrue());
        }
    }
}
