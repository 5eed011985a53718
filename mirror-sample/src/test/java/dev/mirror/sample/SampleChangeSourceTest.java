package dev.mirror.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Row;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.PullSourceProvider;
import dev.mirror.testkit.source.KitMirror;
import dev.mirror.testkit.source.ProtocolCall;
import java.util.ArrayList;
import java.util.List;
import dev.mirror.testkit.hook.MapPluginConfig;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SampleChangeSourceTest {
    private final SampleDataSet data = new SampleDataSet(1, SampleDataSet.Selection.CORE);

    @Test
    void advancingSourceWalksTheScriptInOneProcess() {
        SampleChangeSource source = new SampleChangeSource(data, SampleDataSet.LAST_STEP, true, null);
        try (KitMirror mirror = KitMirror.start(source, "Demo", Set.of("countervalue", "travelgeneratedtransaction"))) {
        for (int step = 1; step <= SampleDataSet.LAST_STEP + 1; step++) {
            mirror.clearCalls();
            assertThat(mirror.cycle().failures()).isEmpty();
            int expected = Math.min(step, SampleDataSet.LAST_STEP);
            assertThat(source.step()).contains(expected);
            assertMirrorAt(mirror, expected);
            List<String> snapshots = mirror.calls().stream().filter(c -> c.kind() == ProtocolCall.Kind.REPOPULATE)
                    .map(ProtocolCall::table).toList();
            switch (step) {
                case 1 -> assertThat(snapshots).hasSize(8); // 11 tables, 3 blocked
                case 3 -> assertThat(snapshots).containsExactly("contact");
                case 4 -> assertThat(snapshots).containsExactlyInAnyOrder("person", "udcontactsmall");
                case 6 -> assertThat(snapshots).containsExactly("project");
                default -> assertThat(snapshots).isEmpty();
            }
            if (step == 5) {
                assertThat(mirror.tables()).doesNotContain("text");
            }
            if (step >= SampleDataSet.LAST_STEP) {
                assertThat(mirror.calls()).allMatch(c -> c.rows() == 0);
            }
        }
        }
    }

    @Test
    void aFreshSourceResumesFromTheMirrorsLsns() {
        try (KitMirror mirror = KitMirror.start(new SampleChangeSource(data, SampleDataSet.LAST_STEP, true, null), "Demo", Set.of())) {
        mirror.cycle();
        SampleChangeSource restarted = new SampleChangeSource(data, SampleDataSet.LAST_STEP, true, null);
        mirror.clearCalls();
        mirror.cycle(restarted);
        assertThat(restarted.step()).contains(2);
        assertThat(mirror.calls()).noneMatch(c -> c.kind() == ProtocolCall.Kind.REPOPULATE);
        assertThat(mirror.lsn("contact")).isEqualTo(SampleDataSet.lsn(2));
        assertMirrorAt(mirror, 2);

        // Another fresh process reads the stored LSNs first (core answers storedLsns), so it walks on to step 3, whose
        // schema differs (contact gains a column): the repeated 'mirror run --once' processes walk the whole script.
        SampleChangeSource again = new SampleChangeSource(data, SampleDataSet.LAST_STEP, true, null);
        mirror.clearCalls();
        mirror.cycle(again);
        assertThat(again.step()).contains(3);
        assertMirrorAt(mirror, 3);
        }
    }

    @Test
    void pinnedStepsWalkAcrossRestarts() {
        try (KitMirror mirror = KitMirror.start(new SampleChangeSource(data, 1, false, null), "Demo", Set.of())) {
            for (int step = 1; step <= SampleDataSet.LAST_STEP; step++) {
                SampleChangeSource pinned = new SampleChangeSource(data, step, false, null);
                assertThat(mirror.cycle(pinned).failures()).isEmpty();
                assertMirrorAt(mirror, step);
                pinned.close();
            }
        }
    }

    @Test
    void answersFromALaterStepOrAnotherSchemaGetASnapshot() {
        try (KitMirror mirror = KitMirror.start(new SampleChangeSource(data, 2, false, null), "Demo", Set.of())) {
            mirror.cycle();
            mirror.clearCalls();
            mirror.cycle(new SampleChangeSource(data, 1, false, null)); // the mirror is ahead: go back in full
            assertThat(mirror.calls().stream().filter(c -> c.kind() == ProtocolCall.Kind.REPOPULATE).count()).isEqualTo(10);
            assertMirrorAt(mirror, 1);
        }
    }

    @Test
    void providerIsFoundByNameAndValidatesItsConfiguration() {
        PullSourceProvider provider = ServiceLoader.load(PullSourceProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("sample")).findFirst().orElseThrow();
        MapPluginConfig ok = new MapPluginConfig("source", Map.of("scale", "2", "tables", "all", "steps", "3", "advance", "false"));
        try (PullSource source = provider.create(ok.context("Demo"))) {
            assertThat(ok.problems()).isEmpty();
            SampleChangeSource s = (SampleChangeSource) source;
            assertThat(s.step()).contains(3);
            assertThat(s.data().scale()).isEqualTo(2);
            assertThat(s.snapshotReader().orElseThrow().tables()).hasSize(413 + 3);
        }
        MapPluginConfig bad = new MapPluginConfig("source", Map.of("scale", "0", "tables", "some", "steps", "9"));
        provider.create(bad.context("Demo")).close();
        assertThat(bad.problems()).hasSize(3).anySatisfy(m -> assertThat(m).startsWith("source.scale:"))
                .anySatisfy(m -> assertThat(m).startsWith("source.tables:"))
                .anySatisfy(m -> assertThat(m).startsWith("source.steps:").contains("1..7"));
    }

    private void assertMirrorAt(KitMirror mirror, int step) {
        for (TableAnswer a : mirror.lastAnswers()) {
            if (a.action() == SchemaAction.BLOCKED) {
                continue;
            }
            TableSchema t = data.table(a.table(), step).orElseThrow();
            assertThat(mirror.schema(a.table())).isEqualTo(t);
            List<Row> expected = new ArrayList<>();
            data.rows(t.name(), step).forEachRemaining(expected::add);
            mirror.assertRows(t, expected);
        }
        assertThat(mirror.tables()).hasSize((int) data.tables(step).stream()
                .filter(t -> mirror.contains(t.name())).count());
    }
}
