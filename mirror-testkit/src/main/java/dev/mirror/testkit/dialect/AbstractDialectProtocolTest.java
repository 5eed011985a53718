package dev.mirror.testkit.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.dialect.ChangeApplier;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.testkit.source.KitMirror;
import dev.mirror.testkit.source.ProtocolCall;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The protocol part of the dialect kit: core's real protocol (reconciliation, staged apply, shadow swap, table modes)
 * runs on the dialect under test, driven by a scripted source, and after every cycle the target must hold what the
 * script says. A dialect's test class extends it and names the dialect and a target URL core connects with:
 *
 * <pre>{@code
 * class MyDialectProtocolTest extends AbstractDialectProtocolTest {
 *     protected TargetDialect dialect() { return new MyDialect(); }
 *     protected String targetUrl() { return "jdbc:my://localhost/test?user=me"; }
 * }
 * }</pre>
 *
 * <p>Every test uses its own context and tables (random suffix) and drops its tables when it ends. The softDelete and
 * history tests are skipped, saying so, when the dialect's {@link ChangeApplier#withStagedChanges} is the refusing
 * default (the dialect declares it cannot stage, so core refuses those modes for it).
 */
public abstract class AbstractDialectProtocolTest {
    private static final String SALT = "kit-hash-salt-0123456789";
    private final String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final List<KitMirror> mirrors = new ArrayList<>();
    private ScriptedSource source;
    private String current;

    /** The dialect under test. */
    protected abstract TargetDialect dialect();

    /** The JDBC URL core connects to (credentials in it); call an assumption here to skip without a server. */
    protected abstract String targetUrl();

    @AfterEach
    final void dropTables() throws SQLException {
        for (KitMirror m : mirrors) {
            try (Connection c = m.mirror().targetDataSource().getConnection(); Statement s = c.createStatement()) {
                DialectNames names = m.mirror().targetDialect().names();
                for (String t : m.tables()) {
                    s.execute(m.mirror().targetDialect().ddl().dropTable(names.targetName(t)));
                }
                s.execute(m.mirror().targetDialect().ddl().dropTable(m.mirror().metadataTableName()));
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            } finally {
                m.close();
            }
        }
    }

    private KitMirror mirror(Map<String, Object> options) {
        source = new ScriptedSource();
        KitMirror m = KitMirror.on(source, "Kit" + id, dialect(), targetUrl(), options);
        mirrors.add(m);
        return m;
    }

    /** A mirror with the given options of one new table {@code kit_<name>_<id>} ({@link #current}) loaded with {@code rows} rows. */
    private KitMirror loaded(String name, int rows, Map<String, Object> options) {
        KitMirror m = mirror(options);
        current = table(name);
        source.create(account(current));
        load(current, rows);
        cycle(m);
        return m;
    }

    private String table(String name) {
        return "kit_" + name + "_" + id;
    }

    private static TableSchema account(String name, SqlType nameType, SqlType born, Column... extra) {
        List<Column> cols = new ArrayList<>(List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of("name", nameType, true), Column.of("amount", SqlType.decimal(SqlServerType.DECIMAL, 10, 2), true),
                Column.of("born", born, true)));
        cols.addAll(List.of(extra));
        return new TableSchema(name, cols, List.of("id"));
    }

    private static TableSchema account(String name) {
        return account(name, SqlType.ofLength(SqlServerType.NVARCHAR, 20), SqlType.ofLength(SqlServerType.NVARCHAR, 20));
    }

    private CycleReport cycle(KitMirror m) {
        CycleReport report = m.cycle();
        assertThat(report.failures()).as("tables that failed this cycle").isEmpty();
        for (var t : source.snapshotReader().orElseThrow().tables()) {
            List<Row> rows = new ArrayList<>();
            source.snapshotReader().orElseThrow().rows(t).forEachRemaining((RowChange c) -> rows.add(c.row()));
            // tables with options (modes, excluded or hashed columns) differ from the source by design: their tests check
            // them; a mirror built without options must record every table as plain and is compared in full
            boolean plain = m.mirror().status().stream().anyMatch(r -> r.table().equalsIgnoreCase(t.name())
                    && "mode=mirror".equals(r.options()));
            if (plain) {
                m.assertRows(t, rows);
            } else if (m.mirror().settings().options().defaults().equals(dev.mirror.core.config.TableOptions.DEFAULT)) {
                throw new AssertionError("table " + t.name() + " has no plain metadata row (mode=mirror) after the cycle: "
                        + m.mirror().status());
            }
        }
        return report;
    }

    private void load(String t, int n) {
        for (int i = 1; i <= n; i++) {
            source.upsert(t, i, "n" + i, new BigDecimal(i + ".50"), "1990-01-0" + Math.min(i, 9));
        }
    }

    @Test
    void fullLoadIncrementalBatchesAndARedeliveredBatch() {
        KitMirror m = loaded("acct", 5, Map.of());
        String t = current;
        assertThat(m.calls()).filteredOn(c -> c.kind() == ProtocolCall.Kind.REPOPULATE).hasSize(1);
        long loaded = source.lsn();
        source.upsert(t, 6, "six", null, null);
        source.upsert(t, 2, "two", BigDecimal.ONE, null);
        source.delete(t, 3);
        source.upsert(t, 7, null, null, null);
        source.delete(t, 6);
        m.clearCalls();
        cycle(m);
        assertThat(m.calls()).as("incremental batches").filteredOn(c -> c.kind() == ProtocolCall.Kind.APPLY).hasSize(3);
        assertThat(m.lsn(t)).isEqualTo(source.lsn());
        source.redeliverAfter(loaded);
        m.clearCalls();
        cycle(m);
        assertThat(m.calls()).as("the redelivered changes").filteredOn(c -> c.kind() == ProtocolCall.Kind.APPLY)
                .extracting(ProtocolCall::rows).containsExactly(2L, 2L, 1L);
        assertThat(m.lsn(t)).isEqualTo(source.lsn());
    }

    @Test
    void repopulationGoesThroughTheShadowSwap() {
        KitMirror m = loaded("swap", 4, Map.of());
        String t = current;
        source.upsert(t, 9, "nine", null, null);
        source.delete(t, 1);
        m.resetLsn(t);
        m.clearCalls();
        cycle(m);
        assertThat(m.calls()).filteredOn(c -> c.kind() == ProtocolCall.Kind.REPOPULATE).extracting(ProtocolCall::rows)
                .containsExactly(4L);
        assertThat(m.tables()).as("no shadow table is left").containsExactly(t);
    }

    @Test
    void schemaChangesAddWidenAndRecreate() {
        KitMirror m = loaded("schema", 3, Map.of());
        String t = current;
        Column note = Column.of("note", SqlType.ofLength(SqlServerType.NVARCHAR, 10), true);
        source.alter(account(t, SqlType.ofLength(SqlServerType.NVARCHAR, 20), SqlType.ofLength(SqlServerType.NVARCHAR, 20), note),
                r -> append(r, null));
        source.upsert(t, 4, "four", null, null, "added");
        cycle(m);
        source.alter(account(t, SqlType.ofLength(SqlServerType.NVARCHAR, 40), SqlType.ofLength(SqlServerType.NVARCHAR, 20), note),
                r -> r);
        source.upsert(t, 5, "a name longer than twenty characters", null, null, null);
        cycle(m);
        source.alter(account(t, SqlType.ofLength(SqlServerType.NVARCHAR, 40), SqlType.of(SqlServerType.DATETIME), note),
                r -> retype(r, 3, v -> v == null ? null : LocalDateTime.parse(v + "T00:00:00")));
        source.upsert(t, 6, "six", null, LocalDateTime.of(1760, 1, 1, 0, 0), null);
        m.clearCalls();
        cycle(m);
        assertThat(m.calls()).as("nvarchar -> datetime is a recreate and a snapshot")
                .anyMatch(c -> c.kind() == ProtocolCall.Kind.REPOPULATE);
    }

    @Test
    void softDeleteKeepsDeletedRowsFlagged() throws SQLException {
        assumeStages();
        KitMirror m = loaded("soft", 3, Map.of("default", Map.of("mode", "softDelete")));
        String t = current;
        source.delete(t, 2);
        cycle(m);
        assertThat(flags(m, t, "_mirror_deleted")).isEqualTo(Map.of(1, List.of(false), 2, List.of(true), 3, List.of(false)));
        source.upsert(t, 2, "back", null, null);
        cycle(m);
        assertThat(flags(m, t, "_mirror_deleted")).as("a key that comes back clears the flag")
                .isEqualTo(Map.of(1, List.of(false), 2, List.of(false), 3, List.of(false)));
    }

    @Test
    void historyKeepsEveryVersion() throws SQLException {
        assumeStages();
        KitMirror m = loaded("hist", 2, Map.of("default", Map.of("mode", "history")));
        String t = current;
        source.upsert(t, 1, "v2", null, null);
        cycle(m);
        source.upsert(t, 1, "v3", null, null);
        source.delete(t, 2);
        cycle(m);
        Map<Integer, List<Boolean>> active = flags(m, t, "_mirror_active");
        assertThat(active.get(1)).as("versions of key 1 (one open)").hasSize(3).containsOnlyOnce(true);
        assertThat(active.get(2)).as("versions of key 2 (closed by the delete)").containsExactly(false);
    }

    @Test
    void excludedColumnsAreLeftOutAndHashedOnesStoredAsHex() throws SQLException {
        KitMirror m = mirror(Map.of("default", Map.of("columns", Map.of("exclude", List.of("amount"), "hash", List.of("name"))),
                "hashSalt", SALT));
        String t = table("cols");
        source.create(account(t));
        load(t, 2);
        source.upsert(t, 3, "n1", null, null);
        cycle(m);
        DialectNames names = dialect().names();
        try (Connection c = m.mirror().targetDataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + names.quote(names.targetName(t)))) {
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(columns).as("mirror columns").doesNotContain(names.targetName("amount").toLowerCase(java.util.Locale.ROOT));
            Map<Object, String> hashes = new HashMap<>();
            while (rs.next()) {
                hashes.put(rs.getInt(names.targetName("id")), rs.getString(names.targetName("name")));
            }
            assertThat(hashes.values()).hasSize(3).allMatch(h -> h.matches("[0-9a-f]{64}"));
            assertThat(hashes.get(3)).as("the same value hashes the same").isEqualTo(hashes.get(1));
            assertThat(hashes.get(2)).isNotEqualTo(hashes.get(1));
        }
    }

    /** Skips the test when the dialect keeps ChangeApplier's refusing default (it cannot stage for core's modes). */
    private void assumeStages() {
        try {
            Class<?> declaring = dialect().changes().getClass().getMethod("withStagedChanges", Connection.class, String.class,
                    TableSchema.class, Iterator.class, StagedChanges.Work.class).getDeclaringClass();
            Assumptions.assumeTrue(declaring != ChangeApplier.class, "the dialect " + dialect().name()
                    + " cannot stage changes (ChangeApplier.withStagedChanges is the refusing default): no softDelete/history");
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** Every mirror row's id with the boolean of {@code column}, per id in no particular order. */
    private Map<Integer, List<Boolean>> flags(KitMirror m, String table, String column) throws SQLException {
        DialectNames names = dialect().names();
        Map<Integer, List<Boolean>> r = new HashMap<>();
        try (Connection c = m.mirror().targetDataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + names.quote(names.targetName("id")) + ", " + names.quote(names.targetName(column))
                     + " FROM " + names.quote(names.targetName(table)))) {
            while (rs.next()) {
                r.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getBoolean(2));
            }
        }
        return r;
    }

    private static List<Object> values(Row r) {
        List<Object> v = new ArrayList<>(r.size());
        for (int i = 0; i < r.size(); i++) {
            v.add(r.get(i));
        }
        return v;
    }

    private static Row append(Row r, Object value) {
        List<Object> v = values(r);
        v.add(value);
        return Row.of(v.toArray());
    }

    private static Row retype(Row r, int index, java.util.function.Function<String, Object> convert) {
        List<Object> v = values(r);
        v.set(index, convert.apply((String) v.get(index)));
        return Row.of(v.toArray());
    }
}
