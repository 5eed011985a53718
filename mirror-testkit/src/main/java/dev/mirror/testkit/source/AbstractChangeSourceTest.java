package dev.mirror.testkit.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.SnapshotReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every pull {@link PullSource} must pass, run through core's real protocol on an H2 in-memory
 * target ({@link KitMirror}; the module running it needs {@code mirror-h2} in test scope). After every cycle the mirror
 * tables in the target must equal the source's truth.
 * A subclass provides a fresh source per test ({@link #createSource()}), a way to make the source change
 * ({@link #advanceSource(PullSource)}) and, unless the source has a {@link PullSource#snapshotReader()},
 * its current truth ({@link #truth(PullSource)}).
 */
public abstract class AbstractChangeSourceTest {
    private PullSource source;
    private final List<KitMirror> mirrors = new ArrayList<>();

    /** A new source, in its initial state. Called once per test. */
    protected abstract PullSource createSource();

    /** Makes the source change: the next scripted step, or some DML. Called between cycles. */
    protected abstract void advanceSource(PullSource source);

    /** The source's current data; by default its own snapshot reader. */
    protected SnapshotReader truth(PullSource source) {
        return source.snapshotReader().orElseThrow(() -> new AssertionError(
                "the source has no snapshotReader(); override truth(source) to read its current data"));
    }

    /** Extra names the mirror blocks (credentials is always blocked). */
    protected Set<String> blockedTables() {
        return Set.of();
    }

    /** How many times {@link #advancesAreApplied()} advances the source. */
    protected int advances() {
        return 3;
    }

    /**
     * Whether the source may repopulate a table the mirror did not ask for (for example when its change
     * history no longer reaches back to the stored LSN). False by default: an unrequested snapshot fails.
     */
    protected boolean mayRepopulateUnasked() {
        return false;
    }

    /** A new mirror of {@link #source()} on a fresh H2 database; closed after the test. */
    protected KitMirror newMirror() {
        KitMirror mirror = KitMirror.start(source, "Conformance", blockedTables());
        mirrors.add(mirror);
        return mirror;
    }

    protected final PullSource source() {
        return source;
    }

    @BeforeEach
    final void openSource() {
        source = createSource();
    }

    @AfterEach
    final void closeSource() {
        mirrors.forEach(KitMirror::close);
        mirrors.clear();
        if (source != null) {
            source.close();
        }
    }

    /** Runs one cycle like core's runner: runCycle, then complete; fails on any table failure. */
    protected CycleReport cycle(KitMirror mirror) {
        CycleReport report = mirror.cycle();
        assertThat(report.failures()).as("tables that failed this cycle").isEmpty();
        return report;
    }

    @Test
    void schemaIsWellFormed() {
        List<TableSchema> tables = truth(source).tables();
        assertThat(tables).as("source tables").isNotEmpty();
        Set<String> names = new HashSet<>();
        for (TableSchema t : tables) {
            assertThat(names.add(t.name().toLowerCase(Locale.ROOT))).as("table name %s is unique", t.name()).isTrue();
            assertThat(t.primaryKey()).as("%s primary key", t.name()).isNotEmpty();
            for (Column c : t.columns()) {
                assertThat(c.type().base().javaType()).as("%s.%s type", t.name(), c.name()).isNotNull();
            }
            for (int k : t.keyIndexes()) {
                assertThat(t.columns().get(k).nullable()).as("%s key column %s is nullable", t.name(),
                        t.columns().get(k).name()).isFalse();
            }
        }
        KitMirror mirror = newMirror();
        cycle(mirror);
        assertThat(mirror.protocol().lastSchema()).as("the schema step announces the source's tables").isEqualTo(tables);
    }

    @Test
    void firstCycleRepopulatesEveryAcceptedTable() {
        KitMirror mirror = newMirror();
        cycle(mirror);
        for (TableAnswer a : mirror.lastAnswers()) {
            List<ProtocolCall> calls = callsFor(mirror, a.table());
            if (!a.accepted()) {
                assertThat(calls).as("calls for blocked table %s", a.table()).allMatch(c -> c.rows() == 0);
                continue;
            }
            assertThat(calls).as("first cycle of %s", a.table()).extracting(ProtocolCall::kind)
                    .containsExactly(ProtocolCall.Kind.REPOPULATE);
            assertThat(mirror.lsn(a.table())).as("LSN of %s after its snapshot", a.table()).isGreaterThanOrEqualTo(0);
        }
        assertMirrorEqualsTruth(mirror);
    }

    @Test
    void advancesAreApplied() {
        KitMirror mirror = newMirror();
        cycle(mirror);
        for (int i = 1; i <= advances(); i++) {
            Map<String, Long> before = lsns(mirror);
            advanceSource(source);
            mirror.clearCalls();
            cycle(mirror);
            for (TableAnswer a : mirror.lastAnswers()) {
                if (!a.accepted()) {
                    continue;
                }
                List<ProtocolCall> calls = callsFor(mirror, a.table());
                boolean asked = a.needsRepopulation();
                if (!asked && !mayRepopulateUnasked()) {
                    assertThat(calls).as("advance %d: %s was not asked for a snapshot", i, a.table())
                            .noneMatch(c -> c.kind() == ProtocolCall.Kind.REPOPULATE);
                }
                if (asked) {
                    assertThat(calls).as("advance %d: %s asked for a snapshot", i, a.table())
                            .anyMatch(c -> c.kind() == ProtocolCall.Kind.REPOPULATE);
                }
                if (!calls.isEmpty()) {
                    ProtocolCall last = calls.get(calls.size() - 1);
                    assertThat(last.lsn()).as("advance %d: the last batch of %s carries the LSN", i, a.table()).isPresent();
                    Long old = before.get(a.table().toLowerCase(Locale.ROOT));
                    if (old != null && !asked) {
                        assertThat(last.lsn().getAsLong()).as("advance %d: LSN of %s does not go back", i, a.table())
                                .isGreaterThanOrEqualTo(old);
                    }
                }
            }
            assertMirrorEqualsTruth(mirror);
        }
    }

    @Test
    void aCycleWithoutChangesSendsNoRows() {
        KitMirror mirror = newMirror();
        cycle(mirror);
        Map<String, Long> before = lsns(mirror);
        mirror.clearCalls();
        cycle(mirror);
        assertThat(mirror.calls()).as("calls of a quiet cycle")
                .allMatch(c -> c.rows() == 0 && c.kind() != ProtocolCall.Kind.REPOPULATE);
        assertThat(lsns(mirror)).as("LSNs after a quiet cycle").isEqualTo(before);
        assertMirrorEqualsTruth(mirror);
    }

    @Test
    void resettingOneLsnRepopulatesThatTableOnly() {
        KitMirror mirror = newMirror();
        cycle(mirror);
        String table = mirror.lastAnswers().stream().filter(TableAnswer::accepted)
                .filter(a -> hasRows(a.table())).map(TableAnswer::table).findFirst()
                .orElseThrow(() -> new AssertionError("no accepted table with rows after the first cycle"));
        mirror.resetLsn(table);
        mirror.clearCalls();
        cycle(mirror);
        List<ProtocolCall> snapshots = mirror.calls().stream().filter(c -> c.kind() == ProtocolCall.Kind.REPOPULATE).toList();
        assertThat(snapshots).as("snapshots after resetting %s", table).extracting(ProtocolCall::table)
                .allMatch(t -> t.equalsIgnoreCase(table)).isNotEmpty();
        assertThat(mirror.lsn(table)).isGreaterThanOrEqualTo(0);
        assertMirrorEqualsTruth(mirror);
    }

    @Test
    void closesCleanly() {
        KitMirror mirror = newMirror();
        cycle(mirror);
        assertThatCode(source::close).doesNotThrowAnyException();
        assertThatCode(source::close).as("closing twice").doesNotThrowAnyException();
        source = null;
    }

    /** Asserts that every accepted table of the mirror holds exactly the source's rows, in key order. */
    protected void assertMirrorEqualsTruth(KitMirror mirror) {
        SnapshotReader truth = truth(source);
        Set<String> accepted = new HashSet<>();
        mirror.lastAnswers().stream().filter(TableAnswer::accepted).forEach(a -> accepted.add(a.table().toLowerCase(Locale.ROOT)));
        for (TableSchema t : truth.tables()) {
            if (!accepted.contains(t.name().toLowerCase(Locale.ROOT))) {
                assertThat(mirror.contains(t.name())).as("blocked table %s is not mirrored", t.name()).isFalse();
                continue;
            }
            assertThat(mirror.schema(t.name())).as("schema of %s", t.name()).isEqualTo(t);
            List<Row> expected = new ArrayList<>();
            try (ChangeCursor rows = truth.rows(t)) {
                rows.forEachRemaining((RowChange c) -> expected.add(c.row()));
            }
            mirror.assertRows(t, expected);
        }
        assertThat(mirror.tables()).as("mirrored tables").hasSize(accepted.size());
    }

    private boolean hasRows(String table) {
        SnapshotReader truth = truth(source);
        TableSchema t = truth.tables().stream().filter(s -> s.name().equalsIgnoreCase(table)).findFirst().orElse(null);
        if (t == null) {
            return false;
        }
        try (ChangeCursor rows = truth.rows(t)) {
            return rows.hasNext();
        }
    }

    private static List<ProtocolCall> callsFor(KitMirror mirror, String table) {
        return mirror.calls().stream().filter(c -> c.table() != null && c.table().equalsIgnoreCase(table)).toList();
    }

    private static Map<String, Long> lsns(KitMirror mirror) {
        Map<String, Long> r = new HashMap<>();
        for (TableAnswer a : mirror.lastAnswers()) {
            if (a.accepted()) {
                r.put(a.table().toLowerCase(Locale.ROOT), mirror.lsn(a.table()));
            }
        }
        return r;
    }
}
