package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableReport;
import dev.mirror.core.Blocklist;
import dev.mirror.core.Mirror;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.core.internal.metadata.MetadataTable;
import dev.mirror.sample.SampleDataSet;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The sample's whole scripted change sequence into the embedded H2 target: after every cycle the mirror equals the source
 * row by row, the metadata table holds one row per mirrored table (and the blocked ones, state blocked), blocked tables are
 * absent, and the seed's type change ends in a recreated, repopulated table with a log line that says why.
 */
public class SampleToH2EndToEndTest {
    /** The target under test: dialect name and URL. */
    protected Map<String, Object> config() {
        return TestMirrors.sampleToTarget("E2E", "h2", TestMirrors.h2Url(dir), Map.of(), Map.of());
    }

    @TempDir
    protected Path dir;

    @Test
    void theWholeScriptConvergesCycleAfterCycle() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger("dev.mirror.core")).addAppender(logs);
        SampleDataSet data = new SampleDataSet(1, SampleDataSet.Selection.CORE);
        Blocklist blocklist = Blocklist.of(true, List.of());
        Map<String, Object> config = config();
        try (Mirror mirror = TestMirrors.build(config)) {
            for (int step = 1; step <= SampleDataSet.LAST_STEP + 1; step++) {
                int expectedStep = Math.min(step, SampleDataSet.LAST_STEP);
                CycleReport report = mirror.runCycle();
                assertThat(report.failures()).as("failures at step %d", step).isEmpty();
                assertMirrorEqualsSource(mirror, data, expectedStep, blocklist, report);
                if (step == 1) {
                    assertThat(report.tables()).filteredOn(t -> !blocklist.isBlocked(t.table()))
                            .allSatisfy(t -> assertThat(t.action()).isEqualTo(SchemaAction.CREATED));
                }
                if (step > 1 && !data.sameSchemas(expectedStep - 1, expectedStep)) {
                    assertThat(report.tables()).as("a schema change at step %d is reported", expectedStep)
                            .anySatisfy(t -> assertThat(t.action()).isIn(SchemaAction.ALTERED, SchemaAction.RECREATED, SchemaAction.DROPPED));
                }
            }
        }
        List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).as("the seed's type change is logged with its reason")
                .anySatisfy(l -> assertThat(l).contains("recreating").contains("not a widening in the same type family"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("disappeared from the source"));
    }

    @Test
    void separateProcessesEachRunningOneCycleWalkTheWholeScript() throws Exception {
        SampleDataSet data = new SampleDataSet(1, SampleDataSet.Selection.CORE);
        Blocklist blocklist = Blocklist.of(true, List.of());
        for (int step = 1; step <= SampleDataSet.LAST_STEP; step++) {
            try (Mirror mirror = TestMirrors.build(config())) { // a new Mirror and source per cycle, like 'mirror run --once'
                CycleReport report = mirror.runCycle();
                assertThat(report.failures()).isEmpty();
                assertMirrorEqualsSource(mirror, data, step, blocklist, report);
            }
        }
    }

    static void assertMirrorEqualsSource(Mirror mirror, SampleDataSet data, int step, Blocklist blocklist, CycleReport report)
            throws Exception {
        List<TableSchema> tables = data.tables(step);
        Set<String> mirrored = tables.stream().map(TableSchema::name).filter(t -> !blocklist.isBlocked(t))
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, MetadataRow> meta = mirror.status().stream().collect(Collectors.toMap(MetadataRow::table, r -> r));
        assertThat(meta.keySet()).as("one metadata row per announced table at step %d", step)
                .containsExactlyInAnyOrderElementsOf(tables.stream().map(TableSchema::name).toList());
        for (TableSchema t : tables) {
            MetadataRow row = meta.get(t.name());
            if (blocklist.isBlocked(t.name())) {
                assertThat(row.state()).isEqualTo(MetadataTable.BLOCKED);
            } else {
                assertThat(row.state()).as("state of %s", t.name()).isEqualTo(MetadataTable.OK);
                assertThat(row.lsn()).as("LSN of %s", t.name()).isEqualTo(SampleDataSet.lsn(step));
                assertThat(row.schemaHash()).isEqualTo(dev.mirror.core.internal.schema.SchemaHash.of(t));
            }
        }
        try (Connection c = mirror.target().dataSource().getConnection()) {
            var dialect = mirror.target().dialect();
            Set<String> existing = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            existing.addAll(dialect.catalog().listTables(c));
            for (String name : blocklist.names()) {
                assertThat(existing).as("blocked table %s is absent from the mirror", name).doesNotContain(name);
            }
            for (TableSchema t : tables) {
                if (mirrored.contains(t.name())) {
                    MirrorContents.assertEquals(c, dialect, t, data.rows(t.name(), step));
                }
            }
            Set<String> expectedTables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            expectedTables.addAll(mirrored);
            expectedTables.add(mirror.contextId() + "_mirroring");
            assertThat(existing).as("the mirror holds exactly the mirrored tables and the metadata table")
                    .containsExactlyInAnyOrderElementsOf(expectedTables);
        }
        for (TableReport r : report.tables()) {
            if (mirrored.contains(r.table())) {
                assertThat(r.lsn()).isEqualTo(SampleDataSet.lsn(step));
            }
        }
    }
}
