package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.superoffice.sim.InMemoryProtocol;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A RowData call's batches are read one batch ahead of the apply ({@link ApplyAhead}): they are still applied one at a
 * time in arrival order, their errors are reported in that order, and a request that breaks off after a complete
 * batch answers only once that batch has been applied.
 */
class RowDataPipelineTest {
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

    private String batch(long lsn, RowChange... changes) {
        StringBuilder rows = new StringBuilder();
        for (RowChange c : changes) {
            SuperOfficeSimulator.rowData(rows, person, c);
        }
        return SuperOfficeSimulator.batch(person, rows.toString(), lsn);
    }

    @Test
    void theBatchesOfOneCallAreAppliedInTheOrderTheyArrive() {
        f.sim.rowDataCall("Cust1", List.of(
                batch(0, RowChange.insert(2, 1, "Bob", "a")),
                batch(0, RowChange.update(2, 1, "Bobby", "b"), RowChange.insert(3, 1, "Cid", "c")),
                batch(0, RowChange.delete(3, null, null, null), RowChange.insert(4, 1, "Dan", "d")),
                batch(700, RowChange.update(4, 1, "Dave", "e"))));
        assertThat(mirror.rows("person")).containsOnlyKeys(List.of(1), List.of(2), List.of(4));
        assertThat(mirror.rows("person").get(List.of(2))[2]).isEqualTo("Bobby");
        assertThat(mirror.rows("person").get(List.of(4))[2]).isEqualTo("Dave");
        assertThat(mirror.lsn("person")).isEqualTo(700L);
    }

    @Test
    void errorsAreReportedInBatchOrderAndABatchDecodedAheadIsSkippedAfterAnEarlierFailure() {
        StringBuilder bad = new StringBuilder();
        SuperOfficeSimulator.rawRowData(bad, Arrays.asList("[I:5]", "[I:zz]", "Eve", null), "I");
        assertThatThrownBy(() -> f.sim.rowDataCall("Cust1", List.of(
                batch(0, RowChange.insert(2, 1, "Bob", "a")),
                SuperOfficeSimulator.batch(person, bad.toString(), 0),
                batch(900, RowChange.insert(3, 1, "Cid", "c")))))
                .hasMessageMatching("(?s).*row 1: column 'contact_id'.*; .*earlier batch of this table failed.*");
        assertThat(mirror.rows("person")).as("the batch before the bad one was applied").containsOnlyKeys(List.of(1), List.of(2));
        assertThat(mirror.lsn("person")).isEqualTo(500L);
    }

    @Test
    void aRequestThatBreaksOffAfterACompleteBatchAnswersAfterThatBatchIsApplied() {
        String head = "<RowDataRequest xmlns=\"" + SuperOfficeSimulator.NS + "\"><ClientState/><DataBatches xmlns:a=\""
                + SuperOfficeSimulator.A + "\" xmlns:i=\"" + SuperOfficeSimulator.I + "\">";
        SuperOfficeSimulator.Answer a = f.sim.call("RowData", f.sim.tokens().token("Cust1"),
                head + batch(0, RowChange.insert(2, 1, "Bob", "a")) + "<a:RowDataBatch><a:Data><broken");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.member("faultstring")).contains("not a well-formed");
        assertThat(mirror.rows("person")).containsOnlyKeys(List.of(1), List.of(2));
        assertThat(f.sim.authenticate("Cust1")).isNotBlank();
    }
}
