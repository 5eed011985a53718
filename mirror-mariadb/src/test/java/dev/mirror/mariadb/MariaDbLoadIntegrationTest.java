package dev.mirror.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.dialect.BulkProgress;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the LOAD DATA LOCAL path does when things go wrong: nothing is loaded silently wrong, the connection survives. */
class MariaDbLoadIntegrationTest {
    private static MariaDbTestDatabase db;
    private final MariaDbDialect d = new MariaDbDialect();
    private static final TableSchema SCHEMA = new TableSchema("t", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
            Column.of("name", SqlType.ofLength(SqlServerType.NVARCHAR, 5), true)), List.of("id"));

    @BeforeAll
    static void setUp() throws SQLException {
        db = MariaDbTestDatabase.create("mirror_maria_load");
    }

    @BeforeEach
    void requireServer() {
        MariaDbTestDatabase.assumeAvailable(db);
    }

    @AfterAll
    static void tearDown() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private Connection table(Connection c, String name) throws SQLException {
        d.prepareConnection(c);
        try (Statement s = c.createStatement()) {
            s.execute(d.ddl().dropTable(name));
            s.execute(d.ddl().createTable(name, SCHEMA).get(0));
        }
        return c;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aSourceFailingHalfWayIsThrownAfterTheLoadAndTheRollbackLeavesNothing() throws Exception {
        try (Connection c = table(db.open(), "failing")) {
            Iterator<Row> rows = new Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public Row next() {
                    if (++i > 1000) {
                        throw new IllegalStateException("source broke at row 1001");
                    }
                    return Row.of(i, "n" + (i % 10));
                }
            };
            assertThatThrownBy(() -> d.bulk().bulkLoad(c, "failing", SCHEMA, rows, BulkProgress.NONE))
                    .isInstanceOf(IllegalStateException.class).hasMessage("source broke at row 1001");
            c.rollback();
            assertThat(count(c, "failing")).as("the connection still works and the rows were rolled back").isZero();
        }
    }

    @Test
    void aValueTooLongOrADuplicateKeyIsRefusedNotTruncatedOrSkipped() throws Exception {
        try (Connection c = table(db.open(), "strict")) {
            assertThatThrownBy(() -> d.bulk().bulkLoad(c, "strict", SCHEMA, List.of(Row.of(1, "123456")).iterator(), BulkProgress.NONE))
                    .isInstanceOfAny(SQLException.class, MirrorException.class).hasMessageContaining("name");
            c.rollback();
            assertThatThrownBy(() -> d.bulk().bulkLoad(c, "strict", SCHEMA, List.of(Row.of(1, "a"), Row.of(1, "b")).iterator(),
                    BulkProgress.NONE)).isInstanceOfAny(SQLException.class, MirrorException.class).hasMessageContaining("Duplicate");
            c.rollback();
            assertThat(count(c, "strict")).isZero();
        }
    }

    @Test
    void aTableNameOfSixtyFourHebrewLettersIsMappedToOneTheFileSystemTakes() throws Exception {
        String name = d.names().targetName("ש".repeat(64));
        try (Connection c = table(db.open(), name)) {
            d.bulk().bulkLoad(c, name, SCHEMA, List.of(Row.of(1, "x")).iterator(), BulkProgress.NONE);
            c.commit();
            assertThat(d.catalog().listTables(c)).contains(name);
            assertThat(count(c, name)).isEqualTo(1);
        }
    }

    @Test
    void theSwapLeavesTheOldContentsInTheShadowForCoreToDrop() throws Exception {
        try (Connection c = table(db.open(), "live")) {
            table(c, "live__shadow");
            d.bulk().bulkLoad(c, "live", SCHEMA, List.of(Row.of(1, "old")).iterator(), BulkProgress.NONE);
            d.bulk().bulkLoad(c, "live__shadow", SCHEMA, List.of(Row.of(2, "new"), Row.of(3, "new")).iterator(), BulkProgress.NONE);
            c.commit();
            d.swapShadow(c, "live", "live__shadow", conn -> { });
            c.commit();
            assertThat(count(c, "live")).isEqualTo(2);
            assertThat(count(c, "live__shadow")).isEqualTo(1);
            assertThat(d.catalog().listTables(c)).contains("live", "live__shadow").noneMatch(t -> t.contains("mirror_old"));
        }
    }
}
