package dev.mirror.core.internal.protocol;

import static dev.mirror.core.internal.protocol.ProtocolFixture.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.RowChange;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.TableCounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Batches of a push repopulation on H2 in memory, which {@link CoreProtocol} bulk loads into the table being filled
 * (see {@link FirstLoadBatch}): the result is the staged upsert's in every case, including a redelivered batch, an
 * update or a delete of an earlier batch's row and a key twice in one batch; readers see the old contents until the
 * batch carrying the LSN; a row the target rejects fails the step as before.
 */
class FirstLoadProtocolTest {
    private static final String SHADOW = "contact" + ShadowTables.SUFFIX;

    private final ProtocolFixture f = ProtocolFixture.create();

    @AfterEach
    void close() {
        f.close();
    }

    private void populatedAndWiped() {
        f.protocol().schema(List.of(table("contact")));
        assertThat(f.repopulate("contact", 10, RowChange.insert(1, "old1"), RowChange.insert(2, "old2")).succeeded()).isTrue();
        f.protocol().complete(Map.of());
        f.protocol().schema(List.of(table("contact")));
        assertThat(f.protocol().wipe("contact").succeeded()).isTrue();
    }

    private List<String> shadowRows() {
        return f.query("SELECT \"id\", \"name\" FROM \"" + SHADOW + "\" ORDER BY \"id\"", rs -> rs.getInt(1) + "=" + rs.getString(2));
    }

    @Test
    void aRedeliveredBatchDuringAPushRepopulationLeavesEachRowOnceAndReadersSeeTheOldContentsUntilTheLsn() {
        populatedAndWiped();
        ApplyResult first = f.applyPartial("contact", RowChange.insert(5, "new5"), RowChange.insert(6, "new6"));
        assertThat(first.succeeded()).isTrue();
        assertThat(first.counts()).isEqualTo(new TableCounts(2, 0, 0));
        // the same batch again (a retried call), one value changed meanwhile: upserted, not duplicated, not refused
        ApplyResult again = f.applyPartial("contact", RowChange.insert(5, "new5b"), RowChange.insert(6, "new6"));
        assertThat(again.succeeded()).as(String.valueOf(again.error())).isTrue();
        assertThat(again.counts()).isEqualTo(new TableCounts(2, 0, 0));
        assertThat(shadowRows()).containsExactly("5=new5b", "6=new6");
        assertThat(f.rows("contact")).as("readers keep the old contents").containsExactly("1=old1", "2=old2");
        assertThat(f.storedLsn("contact")).isEqualTo(10);

        assertThat(f.apply("contact", 30, RowChange.insert(7, "new7")).succeeded()).isTrue();
        assertThat(f.rows("contact")).containsExactly("5=new5b", "6=new6", "7=new7");
        assertThat(f.storedLsn("contact")).isEqualTo(30);
        assertThat(f.tables()).doesNotContain(SHADOW.toLowerCase());
    }

    @Test
    void aKeyTwiceInOneBatchAndUpdatesAndDeletesOfEarlierRowsGiveTheStagedUpsertsResult() {
        populatedAndWiped();
        assertThat(f.applyPartial("contact", RowChange.insert(5, "a"), RowChange.insert(5, "b"), RowChange.insert(6, "c"))
                .succeeded()).isTrue();
        assertThat(shadowRows()).as("the last change of a key wins").containsExactly("5=b", "6=c");
        assertThat(f.applyPartial("contact", RowChange.update(6, "c2"), RowChange.insert(8, "d")).succeeded()).isTrue();
        assertThat(f.applyPartial("contact", RowChange.delete(5, null), RowChange.insert(9, "e")).succeeded()).isTrue();
        assertThat(f.apply("contact", 40, RowChange.insert(10, "f")).succeeded()).isTrue();
        assertThat(f.rows("contact")).containsExactly("6=c2", "8=d", "9=e", "10=f");
        assertThat(f.storedLsn("contact")).isEqualTo(40);
    }

    @Test
    void aTableCreatedThisCycleIsFilledInPlaceAndARedeliveredOrOverlappingBatchIsAppliedOnce() {
        f.protocol().schema(List.of(table("contact")));
        assertThat(f.applyPartial("contact", RowChange.insert(1, "a"), RowChange.insert(2, "b")).succeeded()).isTrue();
        assertThat(f.applyPartial("contact", RowChange.insert(1, "a"), RowChange.insert(2, "b")).succeeded()).isTrue();
        assertThat(f.applyPartial("contact", RowChange.insert(2, "b2"), RowChange.insert(3, "c")).succeeded()).isTrue();
        assertThat(f.rows("contact")).containsExactly("1=a", "2=b2", "3=c");
        assertThat(f.storedLsn("contact")).isEqualTo(-1);

        assertThat(f.apply("contact", 5, RowChange.insert(4, "d")).succeeded()).isTrue();
        assertThat(f.rows("contact")).containsExactly("1=a", "2=b2", "3=c", "4=d");
        assertThat(f.storedLsn("contact")).isEqualTo(5);
        assertThat(f.state("contact")).isEqualTo("ok");
    }

    @Test
    void aRowTheTargetRejectsFailsTheStepWithNothingOfTheBatchApplied() {
        populatedAndWiped();
        assertThat(f.applyPartial("contact", RowChange.insert(5, "new5")).succeeded()).isTrue();
        ApplyResult tooLong = f.apply("contact", 30, RowChange.insert(6, "new6"), RowChange.insert(7, "x".repeat(41)));
        assertThat(tooLong.succeeded()).isFalse();
        assertThat(tooLong.error()).containsIgnoringCase("too long");
        assertThat(f.rows("contact")).containsExactly("1=old1", "2=old2");
        assertThat(f.storedLsn("contact")).isEqualTo(10);
        assertThat(f.state("contact")).isEqualTo("failed");
    }

    @Test
    void aNullKeyFailsTheStepAfterTheStagedUpsertRefusesItToo() {
        f.protocol().schema(List.of(table("contact")));
        ApplyResult r = f.apply("contact", 5, RowChange.insert(1, "a"), RowChange.insert(null, "no key"));
        assertThat(r.succeeded()).isFalse();
        assertThat(f.rows("contact")).isEmpty();
        assertThat(f.storedLsn("contact")).isEqualTo(-1);
    }
}
