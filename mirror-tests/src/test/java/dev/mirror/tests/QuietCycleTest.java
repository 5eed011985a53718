package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.core.Mirror;
import dev.mirror.sample.SampleDataSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cycle in which nothing changed issues no DDL and no per-table catalog query: counted at the JDBC level with a
 * proxy driver in front of the embedded target.
 */
class QuietCycleTest {
    @TempDir
    Path dir;

    @Test
    void aCycleWithoutChangesCostsTwoQueriesWhateverTheNumberOfTables() {
        String url = CountingDriver.url(TestMirrors.h2Url(dir));
        // the whole 413-table SuperOffice schema: per-table work would show as hundreds of statements
        Map<String, Object> config = TestMirrors.sampleToTarget("Quiet", "h2", url,
                Map.of("tables", "all", "advance", false, "steps", 1), Map.of());
        try (Mirror mirror = TestMirrors.build(config)) {
            CycleReport first = mirror.runCycle();
            assertThat(first.failures()).isEmpty();
            assertThat(first.tables().size()).isGreaterThan(400);

            CountingDriver.LOG.clear();
            CycleReport quiet = mirror.runCycle();
            List<String> statements = List.copyOf(CountingDriver.LOG);

            assertThat(quiet.failures()).isEmpty();
            assertThat(quiet.tables()).allSatisfy(t -> assertThat(t.action()).isIn(SchemaAction.NONE, SchemaAction.BLOCKED));
            assertThat(quiet.totals().total()).isZero();
            assertThat(statements).as("no DDL in a quiet cycle: %s", statements)
                    .noneMatch(s -> s.trim().toUpperCase(Locale.ROOT).matches("^(CREATE|ALTER|DROP|TRUNCATE)\\b.*"));
            long catalogQueries = statements.stream()
                    .filter(s -> s.toUpperCase(Locale.ROOT).contains("INFORMATION_SCHEMA") || s.startsWith("METADATA ")).count();
            assertThat(catalogQueries).as("one catalog query lists the mirror's tables: %s", statements).isEqualTo(1);
            assertThat(statements).as("nothing per table: %s", statements).hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    void aTableDroppedByHandIsNoticedByTheOneCatalogQueryAndRebuilt() throws Exception {
        Map<String, Object> config = TestMirrors.sampleToTarget("Hand", "h2", TestMirrors.h2Url(dir),
                Map.of("advance", false, "steps", 2), Map.of());
        try (Mirror mirror = TestMirrors.build(config)) {
            assertThat(mirror.runCycle().failures()).isEmpty();
            try (var c = mirror.target().dataSource().getConnection(); var s = c.createStatement()) {
                s.execute("DROP TABLE \"person\"");
            }
            CycleReport next = mirror.runCycle();
            assertThat(next.tables()).filteredOn(t -> t.table().equals("person")).singleElement()
                    .satisfies(t -> {
                        assertThat(t.action()).isEqualTo(SchemaAction.CREATED);
                        assertThat(t.repopulated()).isTrue();
                    });
            SampleDataSet data = new SampleDataSet(1, SampleDataSet.Selection.CORE);
            try (var c = mirror.target().dataSource().getConnection()) {
                MirrorContents.assertEquals(c, mirror.target().dialect(), data.table("person", 2).orElseThrow(), data.rows("person", 2));
            }
        }
    }

    @Test
    void deletingATablesMetadataRowByHandRebuildsThatTable() throws Exception {
        Map<String, Object> config = TestMirrors.sampleToTarget("Row", "h2", TestMirrors.h2Url(dir),
                Map.of("advance", false, "steps", 2), Map.of());
        try (Mirror mirror = TestMirrors.build(config)) {
            assertThat(mirror.runCycle().failures()).isEmpty();
            try (var c = mirror.target().dataSource().getConnection(); var s = c.createStatement()) {
                s.execute("DELETE FROM \"Row_mirroring\" WHERE \"tablename\" = 'sale'");
            }
            CycleReport next = mirror.runCycle();
            assertThat(next.tables()).filteredOn(t -> t.table().equals("sale")).singleElement()
                    .satisfies(t -> {
                        assertThat(t.action()).isEqualTo(SchemaAction.RECREATED);
                        assertThat(t.reason()).contains("metadata row missing");
                        assertThat(t.repopulated()).isTrue();
                    });
            assertThat(next.tables()).filteredOn(t -> t.repopulated()).hasSize(1);
            SampleDataSet data = new SampleDataSet(1, SampleDataSet.Selection.CORE);
            try (var c = mirror.target().dataSource().getConnection()) {
                MirrorContents.assertEquals(c, mirror.target().dialect(), data.table("sale", 2).orElseThrow(), data.rows("sale", 2));
            }
        }
    }

    @Test
    void settingTheLsnToMinusOneByHandRepopulatesThatTableOnly() throws Exception {
        Map<String, Object> config = TestMirrors.sampleToTarget("Reset", "h2", TestMirrors.h2Url(dir),
                Map.of("advance", false, "steps", 2), Map.of());
        try (Mirror mirror = TestMirrors.build(config)) {
            assertThat(mirror.runCycle().failures()).isEmpty();
            assertThat(mirror.resync(List.of("contact"))).isEqualTo(1);
            CycleReport next = mirror.runCycle();
            assertThat(next.tables()).filteredOn(t -> t.repopulated()).extracting(t -> t.table()).containsExactly("contact");
        }
    }
}
