package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.superoffice.sim.InMemoryProtocol;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad calls get a clear in-band error, write nothing, and the server keeps serving. */
class NegativeCallsTest {
    @TempDir
    Path dir;
    EndpointFixture f;
    InMemoryProtocol mirror;
    final TableSchema person = SimulatorEndToEndTest.person("nvarchar(20)");

    @BeforeEach
    void start() {
        f = new EndpointFixture(dir);
        f.sim.tableSchema("Cust1", List.of(person));
        f.sim.sendTable("Cust1", person, List.of(RowChange.insert(1, 1, "Ann", "x")), 500);
        mirror = f.sessions.existing("Cust1");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void malformedMonikerRefusesTheBatchAndWritesNothing() {
        assertRefused(Arrays.asList("[I:2]", "[I:abc]", "Bob", null), "column 'contact_id' (int) cannot hold a [I:] int value");
    }

    @Test
    void aValueThatDoesNotFitItsColumnRefusesTheBatch() {
        assertRefused(Arrays.asList("[I:2]", "[DT:05/18/2020 10:40:43.0000000]", "Bob", null), "cannot hold a [DT:] datetime value");
        assertRefused(Arrays.asList("[I:99999999999]", "[I:1]", "Bob", null), "column 'person_id' (int)");
        assertRefused(List.of("[I:2]", "[I:1]", "Bob"), "has 3 value(s) but the batch declares 4 column(s)");
    }

    @Test
    void unknownOperationRefusesTheBatch() {
        StringBuilder rows = new StringBuilder();
        SuperOfficeSimulator.rawRowData(rows, List.of("[I:2]", "[I:1]", "Bob", "y"), "X");
        assertThatThrownBy(() -> f.sim.rowDataCall("Cust1", List.of(SuperOfficeSimulator.batch(person, rows.toString(), 600))))
                .hasMessageContaining("row operation must be I, U or D");
        assertUnchanged();
    }

    @Test
    void rowDataForATableTableSchemaNeverAnnouncedIsRefused() {
        TableSchema ghost = new TableSchema("ghost", person.columns(), person.primaryKey());
        assertThatThrownBy(() -> f.sim.sendTable("Cust1", ghost, List.of(RowChange.insert(1, 1, "A", "b")), 700))
                .hasMessageContaining("table 'ghost' was not announced by this cycle's TableSchema call");
        assertThat(mirror.tableNames()).containsExactly("person");
        assertThatThrownBy(() -> f.sim.wipe("Cust1", "ghost")).hasMessageContaining("not announced");
        assertServing();
    }

    @Test
    void afterAFailedBatchTheTablesLaterBatchesInTheCycleAreSkippedSoTheLsnNeverSkipsRows() {
        StringBuilder bad = new StringBuilder();
        SuperOfficeSimulator.rawRowData(bad, Arrays.asList("[I:2]", "[I:zz]", "Bob", null), "I");
        StringBuilder good = new StringBuilder();
        SuperOfficeSimulator.rowData(good, person, RowChange.insert(3, 3, "Cid", "z"));
        assertThatThrownBy(() -> f.sim.rowDataCall("Cust1", List.of(SuperOfficeSimulator.batch(person, bad.toString(), 0),
                SuperOfficeSimulator.batch(person, good.toString(), 900))))
                .hasMessageContaining("earlier batch of this table failed");
        assertUnchanged();
        // next cycle starts afresh from the unchanged LSN
        assertThat(f.sim.tableSchema("Cust1", List.of(person))).containsEntry("person", 500L);
        f.sim.sendTable("Cust1", person, List.of(RowChange.insert(3, 3, "Cid", "z")), 900);
        assertThat(mirror.lsn("person")).isEqualTo(900L);
    }

    @Test
    void aLargeBatchSpillsToDiskAndStillApplies() {
        List<RowChange> rows = new ArrayList<>();
        String longName = "n".repeat(120); // ~10M chars in one batch: more than the 8M-char in-memory spool limit
        for (int i = 10; i < 60_000; i++) {
            rows.add(RowChange.insert(i, i, longName + i, "v" + (i % 1000)));
        }
        f.sim.batchBytes(16 * 1024 * 1024).sendTable("Cust1", person, rows, 1000);
        assertThat(mirror.rows("person")).hasSize(60_000 - 10 + 1);
        assertThat(mirror.lsn("person")).isEqualTo(1000L);
    }

    @Test
    void pausedReplicationIsAnnouncedAtAuthenticateAndWritesNothing(@TempDir Path other) {
        try (EndpointFixture paused = new EndpointFixture(other, true, SuperOfficeConfig.DEFAULT_MAX_REQUEST_BYTES, Map.of())) {
            SuperOfficeSimulator.Answer a = paused.sim.call("Authenticate", paused.sim.tokens().token("Cust1"),
                    "<AuthenticateRequest xmlns=\"" + SuperOfficeSimulator.NS + "\"><ClientState/></AuthenticateRequest>");
            assertThat(a.successful()).isTrue();
            assertThat(a.member("AdditionalInformationJson")).isEqualTo(MirroringEndpoint.PAUSED_JSON);
            assertThatThrownBy(() -> paused.sim.tableSchema("Cust1", List.of(person))).hasMessageContaining("paused");
            assertThat(paused.sessions.existing("Cust1").tableNames()).isEmpty();
        }
    }

    @Test
    void configuredPrimaryKeyOverridesTheFirstColumn(@TempDir Path other) {
        try (EndpointFixture pk = new EndpointFixture(other, false, SuperOfficeConfig.DEFAULT_MAX_REQUEST_BYTES,
                Map.of("person", List.of("contact_id", "person_id")))) {
            pk.sim.tableSchema("Cust1", List.of(person));
            assertThat(pk.sessions.existing("Cust1").schemaOf("person").primaryKey()).containsExactly("contact_id", "person_id");
        }
    }

    private void assertRefused(List<String> values, String message) {
        StringBuilder rows = new StringBuilder();
        SuperOfficeSimulator.rowData(rows, person, RowChange.insert(5, 5, "Eve", "ok"));
        SuperOfficeSimulator.rawRowData(rows, values, "I");
        assertThatThrownBy(() -> f.sim.rowDataCall("Cust1", List.of(SuperOfficeSimulator.batch(person, rows.toString(), 600))))
                .hasMessageContaining("table 'person'").hasMessageContaining(message).hasMessageContaining("row 2");
        assertUnchanged();
        f.sim.tableSchema("Cust1", List.of(person)); // a new cycle clears the failure
    }

    private void assertUnchanged() {
        assertThat(mirror.rows("person")).containsOnlyKeys(List.of(1));
        assertThat(mirror.lsn("person")).isEqualTo(500L);
        assertServing();
    }

    private void assertServing() {
        assertThat(f.sim.authenticate("Cust1")).isNotBlank();
    }
}
