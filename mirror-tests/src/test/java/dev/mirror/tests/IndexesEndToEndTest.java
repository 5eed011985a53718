package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.core.Mirror;
import dev.mirror.sample.SampleDataSet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexes plugin through the real core: declared indexes exist after create, after the seed's drop-and-recreate
 * (project at step 6) and after a forced repopulation; they are built after the load (hook order and statement order);
 * an index dropped by hand comes back next cycle; an undeclared index is left alone. Hook events come once per table per
 * cycle, with counts on completion.
 */
public class IndexesEndToEndTest {
    @TempDir
    protected Path dir;

    protected String dialect() {
        return "h2";
    }

    protected String url() {
        return CountingDriver.url(TestMirrors.h2Url(dir));
    }

    private Map<String, Object> config(int step) {
        Map<String, Object> tree = new LinkedHashMap<>(TestMirrors.sampleToTarget("Idx", dialect(), url(),
                Map.of("advance", false, "steps", step), Map.of()));
        Map<String, Object> indexes = Map.of("name", "indexes", "tables", Map.of(
                "contact", List.of(Map.of("name", "ix_contact_name", "columns", List.of("name", "department desc"))),
                "project", List.of(Map.of("name", "ix_project_number", "columns", List.of("project_number")),
                        Map.of("name", "ux_project_id_name", "columns", List.of("project_id", "name"), "unique", true))));
        tree.put("hooks", List.of(indexes, Map.of("name", "recorder")));
        return tree;
    }

    @Test
    void declaredIndexesAreKeptThroughCreateRecreateRepopulationAndHandDrops() throws Exception {
        RecordingHookProvider.EVENTS.clear();
        CountingDriver.LOG.clear();
        cycle(1);
        assertIndexes("contact", "ix_contact_name");
        assertIndexes("project", "ix_project_number", "ux_project_id_name");
        assertBuiltAfterLoad("project", false);
        assertThat(RecordingHookProvider.EVENTS).containsSubsequence("reconciled project CREATED", "wiped project", "populated project");
        long reconciledPerTable = RecordingHookProvider.EVENTS.stream().filter(e -> e.equals("reconciled contact CREATED")).count();
        assertThat(reconciledPerTable).as("onTableReconciled once per table per cycle").isEqualTo(1);
        assertThat(RecordingHookProvider.EVENTS.get(RecordingHookProvider.EVENTS.size() - 1)).startsWith("completed ");

        // by hand: drop a declared index, add an undeclared one
        try (Mirror m = TestMirrors.build(config(1)); Connection c = m.target().dataSource().getConnection(); Statement s = c.createStatement()) {
            var d = m.target().dialect();
            s.execute("DROP INDEX " + d.names().quote("ix_contact_name") + (dialect().equals("sqlserver") ? " ON " + d.names().quote("contact") : ""));
            s.execute("CREATE INDEX " + d.names().quote("my_own_index") + " ON " + d.names().quote("contact") + " (" + d.names().quote("kananame") + ")");
        }
        cycle(2);
        assertIndexes("contact", "ix_contact_name", "my_own_index");

        // steps 3..6: the seed's type change recreates project at step 6
        for (int step = 3; step <= 6; step++) {
            RecordingHookProvider.EVENTS.clear();
            CountingDriver.LOG.clear();
            CycleReport r = cycle(step);
            if (step == 6) {
                assertThat(r.tables()).filteredOn(t -> t.table().equals("project")).singleElement()
                        .satisfies(t -> assertThat(t.action()).isEqualTo(SchemaAction.RECREATED));
                assertThat(RecordingHookProvider.EVENTS).containsSubsequence("reconciled project RECREATED", "wiped project",
                        "populated project");
                assertBuiltAfterLoad("project", true);
            }
        }
        assertIndexes("project", "ix_project_number", "ux_project_id_name");
        // The script repopulates contact: the new contents are swapped in as a new table, which carries the declared
        // indexes (built on the shadow) but not an index made by hand (documented: declare indexes you want kept).
        assertIndexes("contact", "ix_contact_name");

        // forced repopulation keeps them too
        try (Mirror m = TestMirrors.build(config(6))) {
            m.resync(List.of("contact"));
        }
        cycle(6);
        assertIndexes("contact", "ix_contact_name");
    }

    private CycleReport cycle(int step) {
        try (Mirror m = TestMirrors.build(config(step))) {
            CycleReport r = m.runCycle();
            assertThat(r.failures()).as("step %d", step).isEmpty();
            assertThat(r.tables()).as("no hook warnings").allSatisfy(t -> assertThat(t.reason()).doesNotContain("hook '"));
            return r;
        }
    }

    private void assertIndexes(String table, String... expected) throws Exception {
        try (Mirror m = TestMirrors.build(config(1)); Connection c = m.target().dataSource().getConnection()) {
            Set<String> have = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            have.addAll(m.target().dialect().catalog().listIndexes(c, table));
            assertThat(have).as("indexes on %s", table).contains(expected);
        }
    }

    /**
     * Statement order: the new contents are loaded into the shadow, the declared indexes are built on the shadow after the
     * last row-loading statement, and only then is the shadow swapped into the table's place (so readers never see the
     * new contents without their indexes). A table created this cycle is loaded in place, then indexed.
     */
    private void assertBuiltAfterLoad(String table, boolean viaShadow) {
        if (!url().startsWith("jdbc:counting:")) {
            return;
        }
        String shadow = ("\"" + table + (viaShadow ? "__mirror_shadow" : "") + "\"").toUpperCase(Locale.ROOT);
        List<String> log = new ArrayList<>(CountingDriver.LOG);
        int lastLoad = -1;
        int firstIndex = -1;
        int swap = -1;
        for (int i = 0; i < log.size(); i++) {
            String s = log.get(i).toUpperCase(Locale.ROOT);
            if (s.startsWith("INSERT INTO " + shadow)) {
                lastLoad = i;
            }
            if (s.startsWith("CREATE") && s.contains("INDEX") && s.contains(" ON " + shadow) && firstIndex < 0) {
                firstIndex = i;
            }
            if (s.contains("ALTER TABLE " + shadow + " RENAME TO")) {
                swap = i;
            }
        }
        assertThat(lastLoad).as("rows were loaded into the shadow of %s: %s", table, log).isGreaterThanOrEqualTo(0);
        assertThat(firstIndex).as("indexes built on the shadow of %s after the load", table).isGreaterThan(lastLoad);
        if (viaShadow) {
            assertThat(swap).as("the shadow of %s swapped in after its indexes were built", table).isGreaterThan(firstIndex);
        }
    }

    static SampleDataSet data() {
        return new SampleDataSet(1, SampleDataSet.Selection.CORE);
    }
}
