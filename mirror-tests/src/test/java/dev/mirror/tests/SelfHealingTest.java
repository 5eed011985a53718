package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableReport;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.Blocklist;
import dev.mirror.core.Mirror;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.core.internal.metadata.MetadataTable;
import dev.mirror.sample.SampleDataSet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirror tables changed by hand are repaired: a dropped or narrowed column makes the next apply fail, and the cycle after
 * that finds the table no longer matches its recorded schema and rebuilds it through a full repopulation (the mirror
 * equals the source again); a column added by hand is reported when the table is checked and is gone after the next
 * repopulation; a table recorded as {@code failed} is {@code ok} again after a cycle in which it did not fail. H2 here,
 * PostgreSQL in {@link SelfHealingPostgresTest}.
 */
class SelfHealingTest {
    private static final SampleDataSet DATA = new SampleDataSet(1, SampleDataSet.Selection.CORE);
    private static final Blocklist BLOCKLIST = Blocklist.of(true, List.of());

    @TempDir
    Path dir;

    protected String dialect() {
        return "h2";
    }

    protected String url() {
        return TestMirrors.h2Url(dir);
    }

    private Mirror mirror(int step) {
        return TestMirrors.build(TestMirrors.sampleToTarget("Heal", dialect(), url(), Map.of("advance", false, "steps", step), Map.of()));
    }

    private CycleReport cycle(int step) {
        try (Mirror m = mirror(step)) {
            return m.runCycle();
        }
    }

    private void byHand(String... sql) throws Exception {
        try (Mirror m = mirror(1); Connection c = m.target().dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String statement : sql) {
                s.execute(statement.replace("{t}", m.target().dialect().names().quote("person")));
            }
        }
    }

    private void assertRepairedAtStep2() throws Exception {
        CycleReport failing = cycle(2);
        assertThat(failing.failures()).extracting(TableReport::table).containsExactly("person");
        try (Mirror m = mirror(2)) {
            assertThat(row(m, "person").state()).isEqualTo(MetadataTable.FAILED);
            CycleReport repair = m.runCycle();
            assertThat(repair.failures()).as("the repair cycle").isEmpty();
            assertThat(repair.tables()).filteredOn(t -> t.table().equals("person")).singleElement().satisfies(t -> {
                assertThat(t.action()).isEqualTo(SchemaAction.RECREATED);
                assertThat(t.reason()).contains("no longer matches its recorded schema");
            });
            SampleToH2EndToEndTest.assertMirrorEqualsSource(m, DATA, 2, BLOCKLIST, repair);
            assertThat(row(m, "person").state()).isEqualTo(MetadataTable.OK);
        }
    }

    @Test
    void aColumnDroppedByHandIsRebuilt() throws Exception {
        assertThat(cycle(1).failures()).isEmpty();
        byHand("ALTER TABLE {t} DROP COLUMN " + quote("lastname"));
        assertRepairedAtStep2();
    }

    @Test
    void aColumnNarrowedByHandIsRebuilt() throws Exception {
        assertThat(cycle(1).failures()).isEmpty();
        byHand("UPDATE {t} SET " + quote("firstname") + " = LEFT(" + quote("firstname") + ", 3)",
                "ALTER TABLE {t} ALTER COLUMN " + quote("firstname") + " SET DATA TYPE VARCHAR(3)");
        assertRepairedAtStep2();
    }

    @Test
    void aColumnAddedByHandIsReportedAndGoneAfterTheNextRepopulation() throws Exception {
        assertThat(cycle(1).failures()).isEmpty();
        byHand("ALTER TABLE {t} ADD COLUMN " + quote("my_note") + " VARCHAR(20)");
        assertThat(cycle(2).failures()).as("a nullable column added by hand does not stop applies").isEmpty();
        try (Mirror m = mirror(2)) {
            markFailed(m, "person"); // a table is checked against its recorded schema when it failed last time
            CycleReport r = m.runCycle();
            assertThat(r.tables()).filteredOn(t -> t.table().equals("person")).singleElement()
                    .satisfies(t -> assertThat(t.reason()).contains("added by hand").contains("my_note"));
            m.resync(List.of("person"));
            assertThat(m.runCycle().failures()).isEmpty();
            assertThat(columns(m, "person")).as("gone after the repopulation").noneMatch(c -> c.equalsIgnoreCase("my_note"));
            SampleToH2EndToEndTest.assertMirrorEqualsSource(m, DATA, 2, BLOCKLIST, m.runCycle());
        }
    }

    @Test
    void aFailedStateClearsAfterACycleInWhichTheTableDidNotFail() throws Exception {
        assertThat(cycle(1).failures()).isEmpty();
        try (Mirror m = mirror(1)) {
            markFailed(m, "contact");
            assertThat(m.runCycle().failures()).as("a quiet cycle").isEmpty();
            MetadataRow contact = row(m, "contact");
            assertThat(contact.state()).isEqualTo(MetadataTable.OK);
            assertThat(contact.message()).isNull();
            assertThat(contact.lsn()).isEqualTo(SampleDataSet.lsn(1));
        }
    }

    private String quote(String column) {
        try (Mirror m = mirror(1)) {
            return m.target().dialect().names().quote(column);
        }
    }

    private static void markFailed(Mirror m, String table) {
        m.target().inTransaction("marking failed", true, c -> {
            m.protocol().metadata().setState(c, table, MetadataTable.FAILED, "failed by hand for the test");
            return null;
        });
    }

    private static List<String> columns(Mirror m, String table) {
        TargetDialect d = m.target().dialect();
        return m.target().inTransaction("describing", true, c -> d.catalog().describeTable(c, d.names().targetName(table)))
                .orElseThrow().stream().map(TargetColumn::name).toList();
    }

    private static MetadataRow row(Mirror m, String table) {
        return m.status().stream().filter(r -> r.table().equals(table)).findFirst().orElseThrow();
    }
}
