package dev.mirror.h2;

import static dev.mirror.api.model.RowChange.delete;
import static dev.mirror.api.model.RowChange.insert;
import static dev.mirror.api.model.RowChange.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** H2-specific behaviour of the staged apply: chunk borders, the session's staging table, rollbacks. */
class H2ApplyEdgeCasesTest {
    private static final TableSchema SCHEMA = new TableSchema("t", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
            Column.of("v", SqlType.ofLength(SqlServerType.NVARCHAR, 10), true)), List.of("id"));
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:h2:mem:edge" + System.nanoTime(), "sa", "");
        c.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private void create(H2Dialect d, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : d.ddl().createTable(table, SCHEMA)) {
                s.execute(sql);
            }
        }
        c.commit();
    }

    private List<String> rows(String table) throws SQLException {
        List<String> r = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT \"id\", \"v\" FROM \"" + table + "\" ORDER BY 1")) {
            while (rs.next()) {
                r.add(rs.getInt(1) + "=" + rs.getString(2));
            }
        }
        return r;
    }

    @Test
    void lastChangeWinsAcrossChunkBorders() throws SQLException {
        // One change per JDBC batch and two per MERGE: every key's changes straddle chunk borders.
        H2Dialect d = new H2Dialect(new H2Limits(1, 1 << 20, 2, 1 << 20), 1000);
        create(d, "t");
        TableCounts counts = d.changes().applyChanges(c, "t", SCHEMA, List.of(insert(1, "a"), insert(2, "b"), update(1, "a2"),
                delete(2, null), insert(3, "c"), update(2, "b2"), delete(3, null), update(1, "a3"), insert(3, "c2")).iterator());
        c.commit();
        assertThat(counts).isEqualTo(new TableCounts(4, 3, 2));
        assertThat(rows("t")).containsExactly("1=a3", "2=b2", "3=c2");
    }

    @Test
    void stagingSurvivesRollbackAndIsSharedByTablesOfTheSameShape() throws SQLException {
        H2Dialect d = new H2Dialect();
        create(d, "a");
        create(d, "b");
        d.changes().applyChanges(c, "a", SCHEMA, List.of(insert(1, "x")).iterator());
        c.rollback();
        assertThat(rows("a")).isEmpty();
        d.changes().applyChanges(c, "a", SCHEMA, List.of(insert(2, "y")).iterator());
        d.changes().applyChanges(c, "b", SCHEMA, List.of(insert(3, "z"), update(3, "z2")).iterator());
        c.commit();
        assertThat(rows("a")).containsExactly("2=y");
        assertThat(rows("b")).containsExactly("3=z2");
        assertThat(d.catalog().listTables(c)).as("the staging table is session-local, not a mirror table").containsExactlyInAnyOrder("a", "b");
    }
}
