package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.Blocklist;
import dev.mirror.core.Mirror;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.sample.SampleDataSet;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History mode survives a kill -9 (a child JVM halted, no rollback code runs) at the worst moments: while a batch is
 * staged, after core's close and open statements ran but before the commit with the LSN, and after a repopulation's
 * shadow was loaded and merged but before the swap. The restarted mirror holds exactly the version history the
 * independent model computes: no duplicate version, no version closed without its successor, one open version per key.
 */
class HistoryCrashRecoveryTest {
    private static final SampleDataSet DATA = new SampleDataSet(1, SampleDataSet.Selection.CORE);
    private static final Blocklist BLOCKLIST = Blocklist.of(true, List.of());

    @TempDir
    Path dir;

    private Map<String, Object> history(int steps) {
        Map<String, Object> tree = TestMirrors.sampleToTarget("Crash", "h2", TestMirrors.h2Url(dir),
                Map.of("advance", false, "steps", steps), Map.of());
        tree.put("options", Map.of("default", Map.of("mode", "history")));
        return tree;
    }

    @Test
    void killedWhileABatchIsStaged() throws Exception {
        ModeModel model = firstCycle();
        assertThat(runChild("applyChanges", "contact", 5, 2)).as("the child JVM was halted mid-batch").isEqualTo(99);
        assertLsn("contact", 1);
        convergesTo(model, 2);
    }

    @Test
    void killedAfterTheVersionsWereClosedAndOpenedButBeforeTheCommit() throws Exception {
        ModeModel model = firstCycle();
        assertThat(runChild("stagedWork", "person", 0, 2)).as("the child JVM was halted before the commit").isEqualTo(99);
        assertLsn("person", 1);
        convergesTo(model, 2);
    }

    @Test
    void killedBetweenTheMergeOfARepopulationAndTheSwap() throws Exception {
        ModeModel model = firstCycle();
        try (Mirror m = TestMirrors.build(history(1))) {
            m.resync(List.of("contact"));
        }
        assertThat(runChild("swapShadow", "contact", 0, 1)).as("the child JVM was halted before the swap").isEqualTo(99);
        convergesTo(model, 1);
        convergesTo(model, 2);
    }

    private ModeModel firstCycle() throws Exception {
        ModeModel model = new ModeModel();
        convergesTo(model, 1);
        return model;
    }

    private void assertLsn(String table, int step) {
        try (Mirror m = TestMirrors.build(history(step))) {
            MetadataRow row = m.status().stream().filter(r -> r.table().equals(table)).findFirst().orElseThrow();
            assertThat(row.lsn()).as("the interrupted batch did not move the LSN of %s", table).isEqualTo(SampleDataSet.lsn(step));
        }
    }

    /** A plain restart to {@code step}: no failure, and every table holds the model's versions. */
    private void convergesTo(ModeModel model, int step) throws Exception {
        try (Mirror m = TestMirrors.build(history(step))) {
            CycleReport r = m.runCycle();
            assertThat(r.failures()).isEmpty();
            r.tables().stream().filter(t -> t.action() == dev.mirror.api.protocol.SchemaAction.RECREATED)
                    .forEach(t -> model.reset(t.table()));
            java.util.Set<String> present = new java.util.TreeSet<>();
            for (TableSchema t : DATA.tables(step)) {
                if (!BLOCKLIST.isBlocked(t.name())) {
                    present.add(t.name());
                    model.observe(t, DATA.rows(t.name(), step), true);
                }
            }
            model.dropAllExcept(present);
            try (var c = m.target().dataSource().getConnection()) {
                for (TableSchema t : DATA.tables(step)) {
                    if (present.contains(t.name())) {
                        TableModesEndToEndTest.assertTable(c, m.target().dialect(), t, model, true, step);
                    }
                }
            }
        }
    }

    private int runChild(String during, String table, long after, int steps) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CrashChild.class.getName(), TestMirrors.h2Url(dir), during, table,
                Long.toString(after), Integer.toString(steps), "history"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "child.log")).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
