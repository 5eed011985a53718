package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.Blocklist;
import dev.mirror.core.Mirror;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.core.internal.metadata.MetadataTable;
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
 * Crashes in the middle of a full population and in the middle of an incremental batch, injected in-process (the
 * dialect throws) and for real (a child JVM halted mid-stream, no rollback code runs). The restarted mirror converges to
 * the source with nothing lost and nothing doubled, and every table's LSN matches its data.
 */
class CrashRecoveryTest {
    // Runs on H2 here and on MariaDB in CrashRecoveryMariaDbTest (dialect() and url() overridden).
    private static final SampleDataSet DATA = new SampleDataSet(1, SampleDataSet.Selection.CORE);
    private static final Blocklist BLOCKLIST = Blocklist.of(true, List.of());

    @TempDir
    Path dir;

    /** The target dialect under test; the fault-injecting wrapper wraps it ({@link FaultyH2DialectProvider}). */
    protected String dialect() {
        return "h2";
    }

    protected String url() {
        return TestMirrors.h2Url(dir);
    }

    private Map<String, Object> plain(int steps) {
        return TestMirrors.sampleToTarget("Crash", dialect(), url(), Map.of("advance", false, "steps", steps), Map.of());
    }

    private Map<String, Object> faulty(int steps, String during, String table, long after) {
        return TestMirrors.sampleToTarget("Crash", "faulty-h2", url(), Map.of("advance", false, "steps", steps),
                Map.of("failDuring", during, "failTable", table, "failAfterRows", after, "wraps", dialect()));
    }

    @Test
    void aFailureInTheMiddleOfAFullPopulationRollsBackThatTableOnlyAndTheNextCycleConverges() throws Exception {
        try (Mirror m = TestMirrors.build(faulty(1, "bulkLoad", "contact", 150))) {
            CycleReport r = m.runCycle();
            assertThat(r.failures()).extracting(t -> t.table()).containsExactly("contact");
            assertThat(r.failures().get(0).error()).contains("injected fault");
            MetadataRow contact = row(m, "contact");
            assertThat(contact.lsn()).isEqualTo(-1);
            assertThat(contact.state()).isEqualTo(MetadataTable.FAILED);
            assertThat(count(m, "contact")).as("the half-loaded rows were rolled back").isZero();
            assertThat(row(m, "person").lsn()).as("the other tables went on").isEqualTo(SampleDataSet.lsn(1));
        }
        converges(1);
    }

    @Test
    void aFailureInTheMiddleOfAnIncrementalBatchKeepsTheOldLsnAndDataTogether() throws Exception {
        try (Mirror m = TestMirrors.build(plain(1))) {
            assertThat(m.runCycle().failures()).isEmpty();
        }
        try (Mirror m = TestMirrors.build(faulty(2, "applyChanges", "person", 3))) {
            CycleReport r = m.runCycle();
            assertThat(r.failures()).extracting(t -> t.table()).containsExactly("person");
            assertThat(row(m, "person").lsn()).as("person stays at step 1").isEqualTo(SampleDataSet.lsn(1));
            try (var c = m.target().dataSource().getConnection()) {
                var schema = DATA.table("person", 1).orElseThrow();
                MirrorContents.assertEquals(c, m.target().dialect(), schema, DATA.rows("person", 1));
            }
        }
        converges(2);
    }

    @Test
    void aKilledProcessDuringAFullPopulationLosesNothingAfterRestart() throws Exception {
        assertThat(runChild("bulkLoad", "appointment", 500, 1)).as("the child JVM was halted mid-load").isEqualTo(99);
        converges(1);
    }

    @Test
    void aKilledProcessDuringTheRepopulationOfATableWithContentsLeavesTheOldContentsAndMetadata() throws Exception {
        MetadataRow before;
        try (Mirror m = TestMirrors.build(plain(1))) {
            assertThat(m.runCycle().failures()).isEmpty();
            m.resync(List.of("contact"));
            before = row(m, "contact");
        }
        assertThat(runChild("bulkLoad", "contact", 150, 1)).as("the child JVM was halted mid-load of the shadow").isEqualTo(99);
        try (Mirror m = TestMirrors.build(plain(1))) {
            assertThat(row(m, "contact")).as("the metadata row is untouched").isEqualTo(before);
            try (var c = m.target().dataSource().getConnection()) {
                MirrorContents.assertEquals(c, m.target().dialect(), DATA.table("contact", 1).orElseThrow(), DATA.rows("contact", 1));
            }
        }
        converges(1);
        try (Mirror m = TestMirrors.build(plain(1))) {
            assertThat(tables(m))
                    .as("the next cycle dropped the leftover shadow").noneMatch(t -> t.toLowerCase().contains("shadow"));
        }
    }

    @Test
    void aKilledProcessDuringAnIncrementalBatchLosesNothingAndDoublesNothingAfterRestart() throws Exception {
        try (Mirror m = TestMirrors.build(plain(1))) {
            assertThat(m.runCycle().failures()).isEmpty();
        }
        assertThat(runChild("applyChanges", "contact", 5, 2)).as("the child JVM was halted mid-batch").isEqualTo(99);
        try (Mirror m = TestMirrors.build(plain(2))) {
            assertThat(row(m, "contact").lsn()).as("the interrupted batch did not move the LSN").isEqualTo(SampleDataSet.lsn(1));
        }
        converges(2);
    }

    private int runChild(String during, String table, long after, int steps) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-D" + CrashChild.WRAPS + "=" + dialect(), CrashChild.class.getName(),
                url(), during, table,
                Long.toString(after), Integer.toString(steps)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "child.log")).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    /** A plain restart converges: mirror equals source, LSNs at the step, nothing failed. */
    private void converges(int step) throws Exception {
        try (Mirror m = TestMirrors.build(plain(step))) {
            CycleReport r = m.runCycle();
            assertThat(r.failures()).isEmpty();
            SampleToH2EndToEndTest.assertMirrorEqualsSource(m, DATA, step, BLOCKLIST, r);
        }
    }

    private static java.util.Set<String> tables(Mirror m) {
        return m.target().inTransaction("listing", true, c -> m.target().dialect().catalog().listTables(c));
    }

    private static MetadataRow row(Mirror m, String table) {
        return m.status().stream().filter(r -> r.table().equals(table)).findFirst().orElseThrow();
    }

    private static long count(Mirror m, String table) throws Exception {
        try (var c = m.target().dataSource().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM " + m.target().dialect().names().quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
