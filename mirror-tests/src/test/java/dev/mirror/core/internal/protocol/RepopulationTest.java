package dev.mirror.core.internal.protocol;

import static dev.mirror.core.internal.protocol.ProtocolFixture.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.RowChange;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.TableAnswer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code MirrorProtocol#repopulate} and {@code #wipe} of {@link CoreProtocol} on H2 in memory: a table created empty
 * this cycle is loaded in place; a table with contents is loaded into a shadow table and swapped in with its LSN, so
 * readers see the old contents until then, and a failed or abandoned repopulation leaves them.
 */
class RepopulationTest {
    private static final String SHADOW = "contact" + ShadowTables.SUFFIX;

    private final ProtocolFixture f = ProtocolFixture.create();

    @AfterEach
    void close() {
        f.close();
    }

    private void populated() {
        f.protocol().schema(List.of(table("contact")));
        assertThat(f.repopulate("contact", 10, RowChange.insert(1, "old1"), RowChange.insert(2, "old2")).succeeded()).isTrue();
        f.protocol().complete(Map.of());
        f.protocol().schema(List.of(table("contact")));
        f.events.clear();
    }

    /** Rows that read the mirror table (through another connection) when half of them have been consumed. */
    private ChangeCursor watched(List<RowChange> rows, List<List<String>> seen) {
        Iterator<RowChange> it = rows.iterator();
        return ChangeCursor.of(new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public RowChange next() {
                if (n++ == rows.size() / 2) {
                    seen.add(f.rows("contact"));
                    seen.add(f.tables());
                }
                return it.next();
            }
        }, () -> { });
    }

    @Test
    void aTableCreatedThisCycleIsLoadedInPlace() {
        f.protocol().schema(List.of(table("contact")));
        ApplyResult r = f.repopulate("contact", 10, RowChange.insert(1, "a"), RowChange.insert(2, "b"));
        assertThat(r.succeeded()).isTrue();
        assertThat(r.counts().inserts()).isEqualTo(2);
        assertThat(f.rows("contact")).containsExactly("1=a", "2=b");
        assertThat(f.storedLsn("contact")).isEqualTo(10);
        assertThat(f.events).contains("wiped:contact", "populated:contact").noneMatch(e -> e.startsWith("shadowLoaded"));
    }

    @Test
    void aTableWithContentsIsLoadedIntoAShadowAndSwappedInWithItsLsn() {
        populated();
        List<List<String>> seen = new ArrayList<>();
        ApplyResult r = f.protocol().repopulate("contact", watched(List.of(RowChange.insert(5, "new5"), RowChange.insert(6, "new6"),
                RowChange.insert(7, "new7")), seen), 20);
        assertThat(r.succeeded()).isTrue();
        assertThat(seen.get(0)).as("mid-load, readers see the old contents").containsExactly("1=old1", "2=old2");
        assertThat(seen.get(1)).as("the shadow exists mid-load").contains(SHADOW.toLowerCase());
        assertThat(f.rows("contact")).containsExactly("5=new5", "6=new6", "7=new7");
        assertThat(f.storedLsn("contact")).isEqualTo(20);
        assertThat(f.tables()).doesNotContain(SHADOW.toLowerCase());
        assertThat(f.events).containsSubsequence("wiped:contact", "shadowLoaded:contact:" + SHADOW, "populated:contact");
    }

    @Test
    void aSnapshotWithADeleteFailsAndLeavesTheOldContentsAndLsn() {
        populated();
        ApplyResult r = f.repopulate("contact", 20, RowChange.insert(5, "new5"), RowChange.delete(1, null));
        assertThat(r.succeeded()).isFalse();
        assertThat(r.error()).contains("the full snapshot of contact contains a delete");
        assertThat(f.rows("contact")).containsExactly("1=old1", "2=old2");
        assertThat(f.storedLsn("contact")).isEqualTo(10);
        assertThat(f.state("contact")).isEqualTo("failed");
        f.protocol().complete(Map.of());

        assertThat(f.protocol().schema(List.of(table("contact"))).get(0).lsn()).isEqualTo(10);
        assertThat(f.tables()).as("the next schema step drops a leftover shadow").doesNotContain(SHADOW.toLowerCase());
    }

    @Test
    void aWipeOfATableCreatedThisCycleEmptiesItAndStoresLsnMinusOne() {
        f.protocol().schema(List.of(table("contact")));
        assertThat(f.applyPartial("contact", RowChange.insert(1, "a")).succeeded()).isTrue();
        assertThat(f.rows("contact")).containsExactly("1=a");

        assertThat(f.protocol().wipe("contact").succeeded()).isTrue();
        assertThat(f.rows("contact")).isEmpty();
        assertThat(f.storedLsn("contact")).isEqualTo(-1);
        assertThat(f.state("contact")).isEqualTo("repopulating");

        assertThat(f.apply("contact", 7, RowChange.insert(2, "b")).succeeded()).isTrue();
        assertThat(f.rows("contact")).containsExactly("2=b");
        assertThat(f.storedLsn("contact")).isEqualTo(7);
        assertThat(f.state("contact")).isEqualTo("ok");
    }

    @Test
    void aWipeOfATableWithContentsLoadsTheResentBatchesIntoAShadowUntilTheBatchCarryingTheLsn() {
        populated();
        assertThat(f.protocol().wipe("contact").succeeded()).isTrue();
        assertThat(f.rows("contact")).as("readers keep the old contents").containsExactly("1=old1", "2=old2");
        assertThat(f.storedLsn("contact")).isEqualTo(10);

        assertThat(f.applyPartial("contact", RowChange.insert(5, "new5")).succeeded()).isTrue();
        assertThat(f.applyPartial("contact", RowChange.insert(6, "new6")).succeeded()).isTrue();
        assertThat(f.rows("contact")).containsExactly("1=old1", "2=old2");
        assertThat(f.storedLsn("contact")).isEqualTo(10);

        assertThat(f.apply("contact", 30, RowChange.insert(7, "new7")).succeeded()).isTrue();
        assertThat(f.rows("contact")).containsExactly("5=new5", "6=new6", "7=new7");
        assertThat(f.storedLsn("contact")).isEqualTo(30);
        assertThat(f.tables()).doesNotContain(SHADOW.toLowerCase());
        assertThat(f.events).containsSubsequence("wiped:contact", "shadowLoaded:contact:" + SHADOW, "populated:contact");
    }

    @Test
    void anAbandonedWipeLeavesTheOldContentsAndTheNextSchemaStepDropsTheShadow() {
        populated();
        f.protocol().wipe("contact");
        f.applyPartial("contact", RowChange.insert(5, "new5"));
        assertThat(f.tables()).contains(SHADOW.toLowerCase());
        f.protocol().complete(Map.of());

        TableAnswer a = f.protocol().schema(List.of(table("contact"))).get(0);
        assertThat(a.lsn()).as("the stored LSN was never touched").isEqualTo(10);
        assertThat(f.rows("contact")).containsExactly("1=old1", "2=old2");
        assertThat(f.tables()).doesNotContain(SHADOW.toLowerCase());
    }
}
