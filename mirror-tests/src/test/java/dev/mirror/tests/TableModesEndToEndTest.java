package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.Blocklist;
import dev.mirror.core.Mirror;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.sample.SampleDataSet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's whole script (inserts, updates, deletes, an added and a widened column, the seed's nvarchar → datetime
 * recreate, a dropped table) in the soft delete and history modes: after every cycle each mirror table equals what
 * {@link ModeModel} computes from the source's states alone — soft delete: every key ever seen, flagged when gone;
 * history: every distinct version of every key, the current one open, with consistent validity times. The recreated
 * table keeps its soft-deleted rows and old versions, the retyped column NULL in them. Two tables are
 * resynced midway, so their next changes arrive as a full repopulation merged with the current contents.
 */
public class TableModesEndToEndTest {
    @TempDir
    protected Path dir;

    protected Map<String, Object> config(String mode) {
        Map<String, Object> tree = TestMirrors.sampleToTarget("MODES", "h2", TestMirrors.h2Url(dir), Map.of(), Map.of());
        tree.put("options", Map.of("default", Map.of("mode", mode)));
        return tree;
    }

    @Test
    void softDeleteKeepsEveryKeyEverSeenFlaggedWhenGone() throws Exception {
        runScript("softDelete", false);
    }

    @Test
    void historyKeepsEveryVersion() throws Exception {
        runScript("history", true);
    }

    private void runScript(String mode, boolean history) throws Exception {
        SampleDataSet data = new SampleDataSet(1, SampleDataSet.Selection.CORE);
        Blocklist blocklist = Blocklist.of(true, List.of());
        ModeModel model = new ModeModel();
        try (Mirror mirror = TestMirrors.build(config(mode))) {
            for (int step = 1; step <= SampleDataSet.LAST_STEP + 1; step++) {
                int s = Math.min(step, SampleDataSet.LAST_STEP);
                CycleReport report = mirror.runCycle();
                assertThat(report.failures()).as("failures at step %d", step).isEmpty();
                int now = s;
                report.tables().stream().filter(t -> t.action() == SchemaAction.RECREATED)
                        .forEach(t -> model.retype(t.table(), retyped(data, t.table(), now)));
                Set<String> present = new TreeSet<>();
                for (TableSchema t : data.tables(s)) {
                    if (!blocklist.isBlocked(t.name())) {
                        present.add(t.name());
                        model.observe(t, data.rows(t.name(), s), history);
                    }
                }
                model.dropAllExcept(present);
                Map<String, MetadataRow> meta = new HashMap<>();
                mirror.status().forEach(r -> meta.put(r.table(), r));
                try (Connection c = mirror.target().dataSource().getConnection()) {
                    for (TableSchema t : data.tables(s)) {
                        if (present.contains(t.name())) {
                            assertThat(meta.get(t.name()).mode()).isEqualTo(mode);
                            assertThat(meta.get(t.name()).schemaHash()).as("the source's hash")
                                    .isEqualTo(dev.mirror.core.internal.schema.SchemaHash.of(t));
                            assertTable(c, mirror.target().dialect(), t, model, history, step);
                        }
                    }
                }
                if (step == 2) {
                    // the next cycle repopulates these through a shadow merged with the current contents (step 3 deletes,
                    // updates and inserts rows of both, and adds a column to contact)
                    mirror.resync(List.of("contact", "person"));
                }
            }
        }
    }

    /** The columns whose type changed at {@code step}: a recreate carries the old rows over with these NULL. */
    static Set<String> retyped(SampleDataSet data, String table, int step) {
        TableSchema before = data.table(table, step - 1).orElseThrow();
        TableSchema after = data.table(table, step).orElseThrow();
        Set<String> r = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Column c : after.columns()) {
            before.column(c.name()).filter(b -> !b.type().equals(c.type())).ifPresent(b -> r.add(c.name()));
        }
        return r;
    }

    static void assertTable(Connection c, TargetDialect d, TableSchema t, ModeModel model, boolean history, int step)
            throws Exception {
        String flag = history ? "_mirror_active" : "_mirror_deleted";
        StringBuilder sql = new StringBuilder("SELECT ");
        for (Column col : t.columns()) {
            sql.append(d.names().quote(d.names().targetName(col.name()))).append(", ");
        }
        sql.append(d.names().quote(d.names().targetName(flag)));
        sql.append(history ? ", " + d.names().quote(d.names().targetName("_mirror_valid_from")) + ", " + d.names().quote(d.names().targetName("_mirror_valid_to"))
                : ", " + d.names().quote(d.names().targetName("_mirror_synced")));
        sql.append(" FROM ").append(d.names().quote(d.names().targetName(t.name())));
        List<List<Object>> actual = new ArrayList<>();
        Map<List<Object>, List<LocalDateTime[]>> periods = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                List<Object> key = new ArrayList<>();
                for (int i = 0; i < t.columnCount(); i++) {
                    Object v = Values.normalize(t.columns().get(i).type(), rs.getObject(i + 1));
                    row.add(v);
                    if (t.isKey(i)) {
                        key.add(v);
                    }
                }
                boolean f = rs.getBoolean(t.columnCount() + 1);
                row.add(history ? f : !f);
                actual.add(row);
                Timestamp a = rs.getTimestamp(t.columnCount() + 2);
                assertThat(a).as("%s time of %s", history ? "valid_from" : "synced", t.name()).isNotNull();
                if (history) {
                    Timestamp b = rs.getTimestamp(t.columnCount() + 3);
                    assertThat(b == null).as("open versions have no valid_to (%s, %s)", t.name(), key).isEqualTo(f);
                    periods.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new LocalDateTime[] {a.toLocalDateTime(), b == null ? null : b.toLocalDateTime()});
                }
            }
        }
        actual.sort(ModeModel::compare);
        List<List<Object>> expected = model.expected(t);
        assertThat(actual.size()).as("rows of %s after step %d", t.name(), step).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("row %d of %s after step %d", i, t.name(), step).isEqualTo(expected.get(i));
        }
        for (var e : periods.entrySet()) {
            List<LocalDateTime[]> p = e.getValue();
            p.sort((x, y) -> x[0].compareTo(y[0]));
            for (int i = 0; i < p.size(); i++) {
                if (p.get(i)[1] != null) {
                    assertThat(p.get(i)[1]).as("valid_to after valid_from (%s %s)", t.name(), e.getKey()).isAfter(p.get(i)[0]);
                }
                if (i + 1 < p.size()) {
                    assertThat(p.get(i)[1]).as("versions of %s %s do not overlap", t.name(), e.getKey()).isNotNull();
                    assertThat(p.get(i)[1]).isBeforeOrEqualTo(p.get(i + 1)[0]);
                }
            }
        }
    }
}
