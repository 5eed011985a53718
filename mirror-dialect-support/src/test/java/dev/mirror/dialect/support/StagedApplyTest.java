package dev.mirror.dialect.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The skeleton against H2 in memory, with a small standard-SQL stage written here (no dialect module involved). */
class StagedApplyTest {
    private static final TableSchema SCHEMA = new TableSchema("t", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
            Column.of("v", SqlType.ofLength(SqlServerType.NVARCHAR, 20), true)), List.of("id"));

    private Connection c;
    private final TestStage sql = new TestStage();

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:h2:mem:");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE T (ID INT PRIMARY KEY, V VARCHAR(20))");
            s.execute("CREATE TABLE STG (SEQ BIGINT, OP CHAR(1), C1 INT, C2 VARCHAR(20))"); // DDL commits in H2: made once here
        }
        c.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void theLastChangePerKeyWinsAcrossChunksAndCountsAreByOperation() throws SQLException {
        StagedApply apply = new StagedApply(sql, sql, new ChunkLimit(2, Long.MAX_VALUE, r -> 0));
        TableCounts counts = apply.applyChanges(c, "T", SCHEMA, List.of(RowChange.insert(1, "a"), RowChange.insert(2, "b"),
                RowChange.update(1, "a2"), RowChange.delete(2, null), RowChange.insert(3, "c"), RowChange.delete(3, null),
                RowChange.insert(2, "b2")).iterator());
        c.commit();
        assertThat(counts).isEqualTo(new TableCounts(4, 1, 2));
        assertThat(rows()).containsExactly(Map.entry(1, "a2"), Map.entry(2, "b2"));
        assertThat(sql.log).as("four chunks; the delete only for chunks with deletes; the stage emptied between chunks")
                .containsExactly("create", "upsert", "clear", "delete", "upsert", "clear", "delete", "upsert", "clear", "upsert", "drop");
        assertThat(sql.seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void aWeightLimitCutsChunksToo() throws SQLException {
        StagedApply apply = new StagedApply(sql, sql, new ChunkLimit(100, 10, r -> ((String) r.get(1)).length()));
        apply.applyChanges(c, "T", SCHEMA, List.of(RowChange.insert(1, "x".repeat(10)), RowChange.insert(2, "y")).iterator());
        assertThat(sql.log).containsExactly("create", "upsert", "clear", "upsert", "drop");
        assertThat(rows()).hasSize(2);
    }

    @Test
    void aMergeReplacesDeleteAndUpsert() throws SQLException {
        sql.merge = true;
        new StagedApply(sql, sql).applyChanges(c, "T", SCHEMA,
                List.of(RowChange.insert(1, "a"), RowChange.insert(2, "b"), RowChange.delete(1, null)).iterator());
        assertThat(sql.log).containsExactly("create", "merge", "drop");
        assertThat(rows()).containsExactly(Map.entry(2, "b"));
    }

    @Test
    void anEmptyBatchDoesNothing() throws SQLException {
        assertThat(new StagedApply(sql, sql).applyChanges(c, "T", SCHEMA, List.<RowChange>of().iterator()))
                .isEqualTo(TableCounts.ZERO);
        assertThat(sql.log).isEmpty();
    }

    @Test
    void coresWorkSeesTheWholeBatchStagedAndNothingElse() throws SQLException {
        List<List<Object>> seen = new ArrayList<>();
        TableCounts counts = new StagedApply(sql, sql, new ChunkLimit(1, 1, r -> 1)).withStagedChanges(c, "T", SCHEMA,
                List.of(RowChange.insert(1, "a"), RowChange.delete(1, null), RowChange.update(5, "e")).iterator(), (cc, st) -> {
                    assertThat(st.table()).isEqualTo("STG");
                    try (Statement s = cc.createStatement(); ResultSet rs = s.executeQuery("SELECT " + st.seq() + ", " + st.op()
                            + ", " + String.join(", ", st.columns()) + " FROM " + st.table() + " ORDER BY " + st.seq())) {
                        while (rs.next()) {
                            seen.add(List.of(rs.getLong(1), rs.getString(2), rs.getInt(3)));
                        }
                    }
                });
        assertThat(counts).isEqualTo(new TableCounts(1, 1, 1));
        assertThat(seen).as("one chunk whatever the limit: core's statements need the whole batch")
                .containsExactly(List.of(1L, "I", 1), List.of(2L, "D", 1), List.of(3L, "U", 5));
        assertThat(rows()).as("the mirror table is core's business here").isEmpty();
        assertThat(sql.log).containsExactly("create", "drop");
        int[] calls = {0};
        new StagedApply(sql, sql).withStagedChanges(c, "T", SCHEMA, List.<RowChange>of().iterator(), (cc, st) -> calls[0]++);
        assertThat(calls[0]).as("no work for an empty batch").isZero();
    }

    @Test
    void aRowOfTheWrongSizeIsRefusedNamingTheTable() {
        assertThatThrownBy(() -> new StagedApply(sql, sql).applyChanges(c, "T", SCHEMA,
                List.of(new RowChange(dev.mirror.api.model.Operation.INSERT, Row.of(1))).iterator()))
                .isInstanceOfSatisfying(MirrorException.class, e -> assertThat(e.code()).isEqualTo("ROW_SHAPE"))
                .hasMessageContaining("'t'").hasMessageContaining("1 values").hasMessageContaining("2 columns");
    }

    @Test
    void autoCommitIsRefused() throws SQLException {
        c.setAutoCommit(true);
        assertThatThrownBy(() -> new StagedApply(sql, sql).applyChanges(c, "T", SCHEMA, List.of(RowChange.insert(1, "a")).iterator()))
                .isInstanceOf(MirrorException.class).hasMessageContaining("auto-commit off");
    }

    @Test
    void aWriterThatLeavesChangesUnwrittenIsAnError() {
        StageWriter lazy = (conn, table, schema, stage, changes) -> { };
        assertThatThrownBy(() -> new StagedApply(sql, lazy).applyChanges(c, "T", SCHEMA, List.of(RowChange.insert(1, "a")).iterator()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("did not write every change");
    }

    private Map<Integer, String> rows() throws SQLException {
        Map<Integer, String> r = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT ID, V FROM T")) {
            while (rs.next()) {
                r.put(rs.getInt(1), rs.getString(2));
            }
        }
        return r;
    }

    /** A standard-SQL stage on H2 that logs which of its statements the skeleton asked for. */
    private static final class TestStage implements StageSql, StageWriter {
        final List<String> log = new ArrayList<>();
        final List<Long> seqs = new ArrayList<>();
        boolean merge;

        @Override
        public StagedChanges stage(Connection connection, String table, TableSchema schema, StageUse use) {
            return new StagedChanges("STG", List.of("C1", "C2"), "SEQ", "OP");
        }

        @Override
        public List<String> createStage(String table, TableSchema schema, StagedChanges stage, StageUse use) {
            log.add("create");
            return List.of("DELETE FROM STG");
        }

        private static String last(String where) {
            return "(SELECT C1, C2, OP FROM STG S WHERE SEQ = (SELECT MAX(SEQ) FROM STG X WHERE X.C1 = S.C1)" + where + ")";
        }

        @Override
        public String deleteJoin(String table, TableSchema schema, StagedChanges stage) {
            log.add("delete");
            return "DELETE FROM T WHERE ID IN (SELECT C1 FROM " + last(" AND OP = 'D'") + ")";
        }

        @Override
        public String upsertFromStage(String table, TableSchema schema, StagedChanges stage) {
            log.add("upsert");
            return "MERGE INTO T USING " + last(" AND OP <> 'D'") + " L ON T.ID = L.C1 WHEN MATCHED THEN UPDATE SET V = L.C2"
                    + " WHEN NOT MATCHED THEN INSERT VALUES (L.C1, L.C2)";
        }

        @Override
        public Optional<String> mergeFromStage(String table, TableSchema schema, StagedChanges stage) {
            if (!merge) {
                return Optional.empty();
            }
            log.add("merge");
            return Optional.of("MERGE INTO T USING " + last("") + " L ON T.ID = L.C1 WHEN MATCHED AND L.OP = 'D' THEN DELETE"
                    + " WHEN MATCHED THEN UPDATE SET V = L.C2 WHEN NOT MATCHED AND L.OP <> 'D' THEN INSERT VALUES (L.C1, L.C2)");
        }

        @Override
        public List<String> clearStage(StagedChanges stage, StageUse use) {
            log.add("clear");
            return List.of("DELETE FROM STG");
        }

        @Override
        public List<String> dropStage(StagedChanges stage, StageUse use) {
            log.add("drop");
            return List.of("DELETE FROM STG");
        }

        @Override
        public void write(Connection connection, String table, TableSchema schema, StagedChanges stage,
                          Iterator<StagedChange> changes) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO STG VALUES (?, ?, ?, ?)")) {
                while (changes.hasNext()) {
                    StagedChange ch = changes.next();
                    seqs.add(ch.seq());
                    ps.setLong(1, ch.seq());
                    ps.setString(2, ch.opCode());
                    ps.setObject(3, ch.row().get(0));
                    ps.setObject(4, ch.row().get(1));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
