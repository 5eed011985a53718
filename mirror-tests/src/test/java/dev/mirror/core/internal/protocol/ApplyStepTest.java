package dev.mirror.core.internal.protocol;

import static dev.mirror.core.internal.protocol.ProtocolFixture.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.RowChange;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.ChangeBatch;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.protocol.TableReport;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code MirrorProtocol#apply} and {@code #complete} of {@link CoreProtocol} on H2 in memory: rows and LSN in one
 * step, a failed step refusing the later steps of its table for the rest of the cycle (so the LSN never moves past rows
 * that were not applied), and the counts the cycle report returns.
 */
class ApplyStepTest {
    private final ProtocolFixture f = ProtocolFixture.create();

    @BeforeEach
    void populate() {
        f.protocol().schema(List.of(table("contact"), table("person")));
        assertThat(f.repopulate("contact", 10, RowChange.insert(1, "a"), RowChange.insert(2, "b")).succeeded()).isTrue();
        assertThat(f.repopulate("person", 10, RowChange.insert(1, "p")).succeeded()).isTrue();
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** A cursor that yields {@code first} and then fails, as a source losing its connection mid-batch does. */
    private static ChangeCursor failingAfter(RowChange first, AtomicBoolean closed) {
        Iterator<RowChange> it = new Iterator<>() {
            private boolean given;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public RowChange next() {
                if (!given) {
                    given = true;
                    return first;
                }
                throw new IllegalStateException("source connection lost");
            }
        };
        return ChangeCursor.of(it, () -> closed.set(true));
    }

    @Test
    void aBatchWithTheNewLsnAppliesItsRowsAndRecordsTheLsn() {
        ApplyResult r = f.apply("contact", 11, RowChange.insert(3, "c"), RowChange.update(1, "a2"), RowChange.delete(2, null));
        assertThat(r.succeeded()).isTrue();
        assertThat(r.counts()).isEqualTo(new TableCounts(1, 1, 1));
        assertThat(f.rows("contact")).containsExactly("1=a2", "3=c");
        assertThat(f.storedLsn("contact")).isEqualTo(11);
        assertThat(f.state("contact")).isEqualTo("ok");
    }

    @Test
    void aBatchWithoutTheNewLsnAppliesItsRowsAndKeepsTheStoredLsn() {
        assertThat(f.applyPartial("contact", RowChange.insert(3, "c")).succeeded()).isTrue();
        assertThat(f.rows("contact")).containsExactly("1=a", "2=b", "3=c");
        assertThat(f.storedLsn("contact")).isEqualTo(10);
        assertThat(f.apply("contact", 12, RowChange.update(3, "c2")).succeeded()).isTrue();
        assertThat(f.storedLsn("contact")).isEqualTo(12);
    }

    @Test
    void applyingTheSameBatchTwiceLeavesTheSameRows() {
        RowChange[] batch = {RowChange.insert(3, "c"), RowChange.update(1, "a2"), RowChange.delete(2, null)};
        f.apply("contact", 11, batch);
        assertThat(f.apply("contact", 11, batch).succeeded()).isTrue();
        assertThat(f.rows("contact")).containsExactly("1=a2", "3=c");
    }

    @Test
    void aFailedBatchIsRolledBackAndRefusesTheLaterStepsOfItsTableInTheCycle() {
        AtomicBoolean closed = new AtomicBoolean();
        ApplyResult failed = f.protocol().apply(new ChangeBatch("contact", failingAfter(RowChange.insert(3, "c"), closed),
                OptionalLong.empty()));
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.error()).contains("applying changes contact failed").contains("source connection lost");
        assertThat(closed).as("the cursor is closed after a failure too").isTrue();
        assertThat(f.rows("contact")).as("the failed batch's first row was rolled back").containsExactly("1=a", "2=b");
        assertThat(f.state("contact")).isEqualTo("failed");

        ApplyResult later = f.apply("contact", 12, RowChange.insert(4, "d"));
        assertThat(later.succeeded()).isFalse();
        assertThat(later.error()).contains("skipped this cycle").contains("an earlier step failed");
        assertThat(f.rows("contact")).containsExactly("1=a", "2=b");
        assertThat(f.storedLsn("contact")).as("the LSN never moves past the rows of the failed batch").isEqualTo(10);
        assertThat(f.repopulate("contact", 13, RowChange.insert(9, "z")).succeeded()).as("nor does a repopulation").isFalse();
        assertThat(f.protocol().wipe("contact").succeeded()).as("nor a wipe").isFalse();
        assertThat(f.rows("contact")).containsExactly("1=a", "2=b");

        assertThat(f.apply("person", 12, RowChange.insert(2, "q")).succeeded()).as("other tables go on").isTrue();
        CycleReport report = f.protocol().complete(Map.of());
        assertThat(report.failures()).extracting(TableReport::table).containsExactly("contact");
        assertThat(f.state("contact")).isEqualTo("failed");
        assertThat(f.storedLsn("contact")).isEqualTo(10);
    }

    @Test
    void aFailedTableIsRetriedFromItsStoredLsnNextCycleAndIsOkAgainWhenItSucceeds() {
        f.protocol().apply(new ChangeBatch("contact", failingAfter(RowChange.insert(3, "c"), new AtomicBoolean()), OptionalLong.of(11)));
        f.protocol().complete(Map.of());
        assertThat(f.state("contact")).isEqualTo("failed");

        assertThat(f.protocol().schema(List.of(table("contact"), table("person"))).get(0).lsn()).isEqualTo(10);
        assertThat(f.apply("contact", 11, RowChange.insert(3, "c")).succeeded()).isTrue();
        CycleReport report = f.protocol().complete(Map.of());
        assertThat(report.failures()).isEmpty();
        assertThat(f.state("contact")).isEqualTo("ok");
        assertThat(f.storedLsn("contact")).isEqualTo(11);
        assertThat(f.rows("contact")).containsExactly("1=a", "2=b", "3=c");
    }

    @Test
    void rowsForATableNotAnnouncedAreRefusedWithWhatToDo() {
        ApplyResult r = f.apply("nosuchtable", 5, RowChange.insert(1, "x"));
        assertThat(r.succeeded()).isFalse();
        assertThat(r.error()).contains("'nosuchtable' was not announced").contains("send its schema first");
        assertThat(f.metadata("nosuchtable")).isEmpty();
    }

    @Test
    void afterAStopRequestBatchesAreRefusedWithoutTouchingTheTarget() {
        ((CoreProtocol) f.protocol()).requestStop();
        AtomicBoolean closed = new AtomicBoolean();
        ApplyResult r = f.protocol().apply(new ChangeBatch("contact", ChangeCursor.of(List.of(RowChange.insert(3, "c")).iterator(),
                () -> closed.set(true)), OptionalLong.of(11)));
        assertThat(r.succeeded()).isFalse();
        assertThat(r.error()).contains("stopping");
        assertThat(closed).isTrue();
        assertThat(f.rows("contact")).containsExactly("1=a", "2=b");
        assertThat(f.storedLsn("contact")).isEqualTo(10);
    }

    @Test
    void aResyncMakesTheNextSchemaStepAskForARepopulation() {
        f.protocol().complete(Map.of());
        assertThat(((CoreProtocol) f.protocol()).resync(List.of("person"))).isEqualTo(1);
        assertThat(f.protocol().schema(List.of(table("contact"), table("person"))))
                .extracting(a -> a.table() + "@" + a.lsn()).containsExactly("contact@10", "person@-1");
    }

    @Test
    void completeReturnsCoresCountsPerTableSummedOverTheCycle() {
        f.applyPartial("contact", RowChange.insert(3, "c"), RowChange.insert(4, "d"));
        f.apply("contact", 11, RowChange.update(3, "c2"), RowChange.delete(4, null));
        f.apply("person", 11);
        CycleReport report = f.protocol().complete(Map.of("contact", new TableCounts(99, 0, 0)));
        assertThat(report.contextId().value()).isEqualTo(ProtocolFixture.CONTEXT);
        TableReport contact = report.tables().stream().filter(t -> t.table().equals("contact")).findFirst().orElseThrow();
        assertThat(contact.counts()).as("core's counts, not the source's").isEqualTo(new TableCounts(2 + 2, 1, 1));
        assertThat(contact.lsn()).isEqualTo(11);
        assertThat(contact.repopulated()).as("populated this cycle").isTrue();
        TableReport person = report.tables().stream().filter(t -> t.table().equals("person")).findFirst().orElseThrow();
        assertThat(person.counts()).isEqualTo(new TableCounts(1, 0, 0));
        assertThat(report.totals()).isEqualTo(new TableCounts(5, 1, 1));
        assertThat(report.failures()).isEmpty();
        assertThat(f.rows("contact")).containsExactly("1=a", "2=b", "3=c2");
    }

    @Test
    void aRowTheTargetRejectsFailsTheStepWithTheDatabasesReasonAndKeepsTheLsn() {
        ApplyResult r = f.apply("contact", 11, RowChange.insert(3, "c"), RowChange.insert(4, "x".repeat(41)));
        assertThat(r.succeeded()).isFalse();
        assertThat(r.error()).startsWith("applying changes contact failed: ");
        assertThat(f.rows("contact")).as("nothing of the batch was applied").containsExactly("1=a", "2=b");
        assertThat(f.storedLsn("contact")).isEqualTo(10);
        assertThat(f.metadata("contact").orElseThrow().message()).isEqualTo(r.error());
    }

    @Test
    void failEndsTheCycleAsFailedThroughTheHooks() {
        f.protocol().fail(new IllegalStateException("source unreachable"));
        assertThat(f.events).contains("cycleFailed:source unreachable");
    }
}
