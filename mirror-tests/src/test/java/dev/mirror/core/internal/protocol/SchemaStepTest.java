package dev.mirror.core.internal.protocol;

import static dev.mirror.core.internal.protocol.ProtocolFixture.table;
import static dev.mirror.core.internal.protocol.ProtocolFixture.tableWithNote;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.protocol.TableReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The schema step of {@link CoreProtocol} (see {@code MirrorProtocol#schema}) on H2 in memory: the answers, the mirror
 * tables and metadata rows it leaves, and the reconciliation when a table's schema hash changes.
 */
class SchemaStepTest {
    private final ProtocolFixture f = ProtocolFixture.create();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aNewTableIsCreatedEmptyAndAnsweredWithLsnMinusOne() {
        List<TableAnswer> answers = f.protocol().schema(List.of(table("contact"), table("person")));
        assertThat(answers).extracting(TableAnswer::table).containsExactly("contact", "person");
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.lsn()).isEqualTo(-1);
            assertThat(a.action()).isEqualTo(SchemaAction.CREATED);
            assertThat(a.needsRepopulation()).isTrue();
        });
        assertThat(f.tables()).contains("contact", "person");
        assertThat(f.rows("contact")).isEmpty();
        assertThat(f.storedLsn("contact")).isEqualTo(-1);
        assertThat(f.events).contains("reconciled:contact:CREATED", "reconciled:person:CREATED");
    }

    @Test
    void anUnchangedTableIsAnsweredWithItsStoredLsn() {
        f.protocol().schema(List.of(table("contact")));
        assertThat(f.repopulate("contact", 42, RowChange.insert(1, "a")).succeeded()).isTrue();
        f.protocol().complete(Map.of());

        List<TableAnswer> second = f.protocol().schema(List.of(table("contact")));
        assertThat(second).singleElement().satisfies(a -> {
            assertThat(a.lsn()).isEqualTo(42);
            assertThat(a.action()).isEqualTo(SchemaAction.NONE);
            assertThat(a.needsRepopulation()).isFalse();
        });
        assertThat(f.protocol().storedLsns()).containsEntry("contact", 42L);
        assertThat(f.rows("contact")).containsExactly("1=a");
    }

    @Test
    void aTableAnnouncedTwiceFailsOnlyItsSecondAnswer() {
        List<TableAnswer> answers = f.protocol().schema(List.of(table("contact"), table("contact")));
        assertThat(answers).extracting(TableAnswer::action).containsExactly(SchemaAction.CREATED, SchemaAction.FAILED);
        assertThat(answers.get(1).reason()).contains("announced twice");
    }

    @Test
    void aNameTooLongForTheMetadataTableFailsWithWhatToDo() {
        String name = "t".repeat(451);
        List<TableAnswer> answers = f.protocol().schema(List.of(table(name), table("contact")));
        assertThat(answers.get(0).action()).isEqualTo(SchemaAction.FAILED);
        assertThat(answers.get(0).reason()).contains("451 characters").contains("rename the table in the source or block it");
        assertThat(answers.get(1).action()).as("the other tables go on").isEqualTo(SchemaAction.CREATED);
        ApplyResult refused = f.apply(name, 5, RowChange.insert(1, "a"));
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.error()).contains("skipped this cycle");
    }

    @Test
    void aBlockedTableGetsNoMirrorTableButItsLsnIsRecorded() {
        List<TableAnswer> answers = f.protocol().schema(List.of(table("BlockedTable"), table("contact")));
        assertThat(answers.get(0).action()).isEqualTo(SchemaAction.BLOCKED);
        assertThat(answers.get(0).accepted()).isFalse();
        assertThat(f.tables()).doesNotContain("blockedtable").contains("contact");

        ApplyResult r = f.apply("BlockedTable", 77, RowChange.insert(1, "secret"));
        assertThat(r.succeeded()).as("rows of a blocked table are discarded, not an error").isTrue();
        assertThat(r.counts().total()).isZero();
        assertThat(f.tables()).doesNotContain("blockedtable");
        assertThat(f.state("BlockedTable")).isEqualTo("blocked");
        assertThat(f.storedLsn("BlockedTable")).isEqualTo(77);
        f.protocol().complete(Map.of());

        assertThat(f.protocol().schema(List.of(table("BlockedTable"), table("contact"))).get(0).lsn()).isEqualTo(77);
    }

    @Test
    void aTableNoLongerAnnouncedIsDroppedWithItsMetadataRow() {
        f.protocol().schema(List.of(table("contact"), table("person")));
        f.repopulate("person", 3, RowChange.insert(1, "p"));
        f.protocol().complete(Map.of());

        f.protocol().schema(List.of(table("contact")));
        CycleReport report = f.protocol().complete(Map.of());
        assertThat(f.tables()).doesNotContain("person").contains("contact");
        assertThat(f.metadata("person")).isEmpty();
        assertThat(report.tables()).filteredOn(t -> t.table().equals("person")).singleElement()
                .extracting(TableReport::action).isEqualTo(SchemaAction.DROPPED);
        assertThat(f.events).contains("dropped:person");
    }

    @Test
    void anAddedNullableColumnAltersInPlaceKeepingRowsAndLsn() {
        f.protocol().schema(List.of(table("contact")));
        f.repopulate("contact", 10, RowChange.insert(1, "a"), RowChange.insert(2, "b"));
        f.protocol().complete(Map.of());
        String hashBefore = f.metadata("contact").orElseThrow().schemaHash();

        TableAnswer a = f.protocol().schema(List.of(tableWithNote("contact"))).get(0);
        assertThat(a.action()).isEqualTo(SchemaAction.ALTERED);
        assertThat(a.lsn()).as("the stored LSN: no repopulation needed").isEqualTo(10);
        assertThat(f.rows("contact")).containsExactly("1=a", "2=b");
        assertThat(f.metadata("contact").orElseThrow().schemaHash()).isNotEqualTo(hashBefore);
        assertThat(f.query("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'contact' AND COLUMN_NAME = 'note'",
                rs -> rs.getInt(1))).containsExactly(1);

        assertThat(f.apply("contact", 11, RowChange.insert(3, "c", "n")).succeeded()).isTrue();
        assertThat(f.storedLsn("contact")).isEqualTo(11);
    }

    @Test
    void anIncompatibleTypeChangeRecreatesThroughARepopulationAndKeepsTheOldContentsUntilTheSwap() {
        f.protocol().schema(List.of(table("contact")));
        f.repopulate("contact", 10, RowChange.insert(1, "not a date"));
        f.protocol().complete(Map.of());

        TableSchema datetime = table("contact", SqlType.of(SqlServerType.DATETIME));
        TableAnswer a = f.protocol().schema(List.of(datetime)).get(0);
        assertThat(a.action()).isEqualTo(SchemaAction.RECREATED);
        assertThat(a.lsn()).isEqualTo(-1);
        assertThat(f.rows("contact")).as("readers keep the old contents").containsExactly("1=not a date");
        assertThat(f.storedLsn("contact")).as("the old metadata row stays until the swap").isEqualTo(10);

        assertThat(f.repopulate("contact", 20, RowChange.insert(1, java.time.LocalDateTime.of(2024, 5, 6, 7, 8))).succeeded()).isTrue();
        assertThat(f.rows("contact")).containsExactly("1=2024-05-06 07:08:00");
        assertThat(f.storedLsn("contact")).isEqualTo(20);
        assertThat(f.state("contact")).isEqualTo("ok");
        assertThat(f.tables()).noneMatch(t -> t.contains("shadow"));
    }
}
