package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.core.Mirror;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.sample.SampleDataSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code columns.exclude} and {@code columns.hash} through the sample's whole script (person's firstname is widened on
 * the way: the hashed column does not change), checked against values hashed here independently; the salt never
 * reaches a log line; and a change of a table's options rebuilds that table (and only it) in its new mode.
 */
public class ColumnOptionsEndToEndTest {
    private static final String SALT = "test-salt-0123456789";
    private static final Set<String> EXCLUDED = Set.of("year_of_birth", "month_of_birth", "day_of_birth");
    private static final Set<String> HASHED = Set.of("lastname", "firstname");

    @TempDir
    protected Path dir;

    protected Map<String, Object> base() {
        return TestMirrors.sampleToTarget("COLS", "h2", TestMirrors.h2Url(dir), Map.of(), Map.of());
    }

    private Map<String, Object> config(String contactMode) {
        Map<String, Object> tree = base();
        tree.put("options", Map.of("hashSalt", SALT, "tables", Map.of(
                "person", Map.of("columns", Map.of("exclude", List.copyOf(EXCLUDED), "hash", List.copyOf(HASHED))),
                "contact", Map.of("mode", contactMode))));
        return tree;
    }

    @Test
    void excludedColumnsAreAbsentAndHashedOnesHoldTheSaltedHashAfterEveryCycle() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        SampleDataSet data = new SampleDataSet(1, SampleDataSet.Selection.CORE);
        try (Mirror mirror = TestMirrors.build(config("mirror"))) {
            for (int step = 1; step <= SampleDataSet.LAST_STEP; step++) {
                CycleReport report = mirror.runCycle();
                assertThat(report.failures()).as("failures at step %d", step).isEmpty();
                TableSchema person = data.table("person", step).orElseThrow();
                MetadataRow row = mirror.status().stream().filter(r -> r.table().equals("person")).findFirst().orElseThrow();
                assertThat(row.schemaHash()).isEqualTo(dev.mirror.core.internal.schema.SchemaHash.of(person));
                assertThat(row.options()).startsWith("mode=mirror;exclude=day_of_birth,month_of_birth,year_of_birth;"
                        + "hash=firstname,lastname;salt=").doesNotContain(SALT);
                try (Connection c = mirror.target().dataSource().getConnection()) {
                    var d = mirror.target().dialect();
                    assertThat(d.catalog().describeTable(c, d.names().targetName("person")).orElseThrow())
                            .noneMatch(col -> EXCLUDED.contains(col.name().toLowerCase()));
                    MirrorContents.assertEquals(c, d, expectedSchema(person), expectedRows(person, data.rows("person", step)));
                }
            }
        } finally {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        }
        assertThat(logs.list).as("the salt is never logged")
                .noneMatch(e -> e.getFormattedMessage().contains(SALT) || String.valueOf(e.getThrowableProxy()).contains(SALT));
    }

    @Test
    void changingATablesOptionsRebuildsThatTableInItsNewMode() throws Exception {
        SampleDataSet data = new SampleDataSet(1, SampleDataSet.Selection.CORE);
        try (Mirror mirror = TestMirrors.build(config("mirror"))) {
            assertThat(mirror.runCycle().failures()).isEmpty();
        }
        try (Mirror mirror = TestMirrors.build(config("softDelete"))) {
            CycleReport r = mirror.runCycle();
            assertThat(r.failures()).isEmpty();
            assertThat(r.tables()).filteredOn(t -> t.action() == SchemaAction.RECREATED).extracting(t -> t.table())
                    .containsExactly("contact");
            MetadataRow contact = mirror.status().stream().filter(x -> x.table().equals("contact")).findFirst().orElseThrow();
            assertThat(contact.mode()).isEqualTo("softDelete");
            assertThat(contact.lsn()).isEqualTo(SampleDataSet.lsn(2));
            ModeModel model = new ModeModel();
            model.observe(data.table("contact", 2).orElseThrow(), data.rows("contact", 2), false);
            try (Connection c = mirror.target().dataSource().getConnection()) {
                TableModesEndToEndTest.assertTable(c, mirror.target().dialect(), data.table("contact", 2).orElseThrow(), model,
                        false, 2);
            }
            assertThat(mirror.runCycle().tables()).as("the next cycle leaves it alone")
                    .noneMatch(t -> t.action() == SchemaAction.RECREATED);
        }
    }

    private static TableSchema expectedSchema(TableSchema person) {
        List<Column> cols = new ArrayList<>();
        for (Column c : person.columns()) {
            if (!EXCLUDED.contains(c.name())) {
                cols.add(HASHED.contains(c.name()) ? new Column(c.name(), SqlType.ofLength(SqlServerType.NVARCHAR, 64), c.nullable(), null) : c);
            }
        }
        return new TableSchema(person.name(), cols, person.primaryKey());
    }

    private static Iterator<Row> expectedRows(TableSchema person, Iterator<Row> rows) throws Exception {
        List<Row> out = new ArrayList<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        while (rows.hasNext()) {
            Row r = rows.next();
            List<Object> v = new ArrayList<>();
            for (int i = 0; i < person.columnCount(); i++) {
                String name = person.columns().get(i).name();
                Object value = r.get(i);
                if (EXCLUDED.contains(name)) {
                    continue;
                }
                if (HASHED.contains(name) && value != null) {
                    value = HexFormat.of().formatHex(sha.digest((SALT + value).getBytes(StandardCharsets.UTF_8)));
                }
                v.add(value);
            }
            out.add(Row.of(v.toArray()));
        }
        return out.iterator();
    }
}
