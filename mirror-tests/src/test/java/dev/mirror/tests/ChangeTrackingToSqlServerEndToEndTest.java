package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.Blocklist;
import dev.mirror.core.Mirror;
import dev.mirror.sample.SampleDataSet;
import dev.mirror.sqlserver.source.ChangeTrackingEnabler;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real SQL Server Change Tracking source into a SQL Server mirror through the sample's whole change sequence. The
 * source database is itself written by mirror (the sample mirrored into it with the SQL Server dialect, so every step's
 * inserts, updates, deletes and schema changes really happen there), with change tracking enabled on every table after
 * each step (a recreated table starts untracked). After each cycle the second mirror equals the sample row by row.
 */
class ChangeTrackingToSqlServerEndToEndTest {
    private SqlServerTestDatabase source;
    private SqlServerTestDatabase target;

    @BeforeEach
    void databases() throws Exception {
        // the source needs snapshot isolation and change tracking; a server without them skips this test, saying why
        source = SqlServerTestDatabase.create("mt_ct_source", SqlServerTestDatabase.Feature.SNAPSHOT_ISOLATION,
                SqlServerTestDatabase.Feature.CHANGE_TRACKING);
        target = SqlServerTestDatabase.create("mt_ct_target");
    }

    @AfterEach
    void drop() throws Exception {
        if (source != null) {
            source.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void mirrorEqualsSourceAfterEveryStepOfTheScript() throws Exception {
        SampleDataSet data = new SampleDataSet(1, SampleDataSet.Selection.CORE);
        // the blocklist of the CT mirror also hides the writer's own metadata table in the source database
        Blocklist blocklist = Blocklist.of(true, List.of("Src_mirroring"));
        for (int step = 1; step <= SampleDataSet.LAST_STEP; step++) {
            try (Mirror writer = TestMirrors.build(TestMirrors.sampleToTarget("Src", "sqlserver", source.url(),
                    Map.of("advance", false, "steps", step), Map.of()))) {
                assertThat(writer.runCycle().failures()).isEmpty();
            }
            try (Connection c = DriverManager.getConnection(source.url())) {
                new ChangeTrackingEnabler("dbo", 7).run(c, line -> System.out.println("source: " + line));
            }
            Map<String, Object> src = new LinkedHashMap<>();
            src.put("type", "sqlserver");
            src.put("url", source.url());
            Map<String, Object> tgt = new LinkedHashMap<>();
            tgt.put("dialect", "sqlserver");
            tgt.put("url", target.url());
            Map<String, Object> blocklistConfig = Map.of("add", List.of("Src_mirroring"));
            Map<String, Object> tree = new LinkedHashMap<>(Map.of("context", "Ct", "source", src, "target", tgt, "blocklist", blocklistConfig));
            try (Mirror ct = TestMirrors.build(tree)) {
                CycleReport report = ct.runCycle();
                assertThat(report.failures()).as("step %d", step).isEmpty();
                try (Connection c = ct.target().dataSource().getConnection()) {
                    for (TableSchema t : data.tables(step)) {
                        if (!blocklist.isBlocked(t.name())) {
                            MirrorContents.assertEquals(c, ct.target().dialect(), t, data.rows(t.name(), step));
                        }
                    }
                }
            }
        }
    }
}
