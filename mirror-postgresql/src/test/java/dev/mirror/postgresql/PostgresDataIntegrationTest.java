package dev.mirror.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.dialect.BulkProgress;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk load, value round trips with their documented losses, and the staged apply against a real PostgreSQL. */
class PostgresDataIntegrationTest {
    private static PostgresTestDatabase db;
    private final PostgresDialect d = new PostgresDialect(4096, "mirror-test", w -> { });

    @BeforeAll
    static void setUp() throws SQLException {
        db = PostgresTestDatabase.create("mirror_pg_data");
    }

    @BeforeEach
    void requireServer() {
        PostgresTestDatabase.assumeAvailable(db);
    }

    @AfterAll
    static void tearDown() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    private void create(Connection c, String table, TableSchema s) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String q : d.ddl().createTable(table, s)) {
                st.execute(q);
            }
        }
    }

    /** Loads one value into a one-column table and reads it back as the type's Java class. */
    private <T> T roundTrip(Connection c, String type, Object value, Class<T> as) throws SQLException {
        String table = "rt_" + type.replaceAll("[^a-z0-9]", "_");
        TableSchema s = new TableSchema(table, List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of("v", SqlType.parse(type), true)), List.of("id"));
        try (Statement st = c.createStatement()) {
            st.execute(d.ddl().dropTable(table));
        }
        create(c, table, s);
        d.bulk().bulkLoad(c, table, s, List.of(Row.of(1, value)).iterator(), BulkProgress.NONE);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM " + d.names().quote(table))) {
            assertThat(rs.next()).isTrue();
            return rs.getObject(1, as);
        }
    }

    @Test
    void exactValuesRoundTrip() throws SQLException {
        try (Connection c = db.open()) {
            String nasty = "tab\tnl\ncr\rbs\\ \\N \\. quote' dq\" Ærø 名前 😀";
            assertThat(roundTrip(c, "nvarchar(max)", nasty, String.class)).isEqualTo(nasty);
            assertThat(roundTrip(c, "nvarchar(max)", "", String.class)).isEmpty();
            assertThat(roundTrip(c, "nvarchar(max)", null, String.class)).isNull();
            assertThat(roundTrip(c, "nvarchar(5)", "名前😀ab", String.class)).isEqualTo("名前😀ab");
            assertThat(roundTrip(c, "int", Integer.MIN_VALUE, Integer.class)).isEqualTo(Integer.MIN_VALUE);
            assertThat(roundTrip(c, "bigint", Long.MAX_VALUE, Long.class)).isEqualTo(Long.MAX_VALUE);
            assertThat(roundTrip(c, "tinyint", (short) 255, Short.class)).isEqualTo((short) 255);
            assertThat(roundTrip(c, "bit", true, Boolean.class)).isTrue();
            assertThat(roundTrip(c, "float", Double.NaN, Double.class)).isNaN();
            assertThat(roundTrip(c, "float", Double.POSITIVE_INFINITY, Double.class)).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(roundTrip(c, "float", Double.NEGATIVE_INFINITY, Double.class)).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(roundTrip(c, "float", Double.MIN_VALUE, Double.class)).isEqualTo(Double.MIN_VALUE);
            assertThat(roundTrip(c, "float", 0.1 + 0.2, Double.class)).isEqualTo(0.1 + 0.2);
            assertThat(roundTrip(c, "real", 3.4028235e38f, Float.class)).isEqualTo(3.4028235e38f);
            assertThat(roundTrip(c, "real", Float.NaN, Float.class)).isNaN();
            assertThat(roundTrip(c, "money", new BigDecimal("-922337203685477.5808"), BigDecimal.class))
                    .isEqualTo(new BigDecimal("-922337203685477.5808"));
            assertThat(roundTrip(c, "smallmoney", new BigDecimal("214748.3647"), BigDecimal.class))
                    .isEqualTo(new BigDecimal("214748.3647"));
            assertThat(roundTrip(c, "decimal(38,10)", new BigDecimal("1234567890123456789012345678.0123456789"), BigDecimal.class))
                    .isEqualTo(new BigDecimal("1234567890123456789012345678.0123456789"));
            UUID u = UUID.randomUUID();
            assertThat(roundTrip(c, "uniqueidentifier", u, UUID.class)).isEqualTo(u);
            byte[] bytes = {0, 1, (byte) 0xff, '\\', '\t', '\n'};
            assertThat(roundTrip(c, "varbinary(max)", bytes, byte[].class)).isEqualTo(bytes);
            assertThat(roundTrip(c, "image", new byte[0], byte[].class)).isEmpty();
            assertThat(roundTrip(c, "date", LocalDate.of(1, 1, 1), LocalDate.class)).isEqualTo(LocalDate.of(1, 1, 1));
            assertThat(roundTrip(c, "date", LocalDate.of(9999, 12, 31), LocalDate.class)).isEqualTo(LocalDate.of(9999, 12, 31));
            LocalDateTime ms = LocalDateTime.of(1753, 1, 1, 0, 0, 0, 997_000_000);
            assertThat(roundTrip(c, "datetime", ms, LocalDateTime.class)).isEqualTo(ms);
            assertThat(roundTrip(c, "smalldatetime", LocalDateTime.of(2079, 6, 6, 23, 59), LocalDateTime.class))
                    .isEqualTo(LocalDateTime.of(2079, 6, 6, 23, 59));
            LocalDateTime micros = LocalDateTime.of(2024, 2, 29, 12, 0, 0, 123_456_000);
            assertThat(roundTrip(c, "datetime2(6)", micros, LocalDateTime.class)).isEqualTo(micros);
            assertThat(roundTrip(c, "time(6)", LocalTime.of(1, 2, 3, 456_000), LocalTime.class)).isEqualTo(LocalTime.of(1, 2, 3, 456_000));
            c.rollback();
        }
    }

    @Test
    void seventhFractionalDigitIsTruncatedNotRounded() throws SQLException {
        try (Connection c = db.open()) {
            LocalDateTime last = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900);
            // Rounding would carry into year 10000; truncation keeps the value in its second.
            assertThat(roundTrip(c, "datetime2(7)", last, LocalDateTime.class))
                    .isEqualTo(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000));
            assertThat(roundTrip(c, "datetime2(7)", LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1_234_567), LocalDateTime.class))
                    .isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1_234_000));
            assertThat(roundTrip(c, "time(7)", LocalTime.of(23, 59, 59, 999_999_900), LocalTime.class))
                    .isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
            c.rollback();
        }
    }

    @Test
    void datetimeOffsetKeepsTheInstantButNotTheOffset() throws SQLException {
        try (Connection c = db.open()) {
            OffsetDateTime source = OffsetDateTime.of(2024, 6, 1, 10, 30, 0, 123_456_700, ZoneOffset.ofHoursMinutes(5, 30));
            OffsetDateTime back = roundTrip(c, "datetimeoffset(7)", source, OffsetDateTime.class);
            assertThat(back.toInstant()).isEqualTo(source.toInstant().minusNanos(700)); // 7th digit truncated
            assertThat(back.getOffset()).isEqualTo(ZoneOffset.UTC); // the +05:30 is gone
            c.rollback();
        }
    }

    @Test
    void charPaddingIsKeptButIgnoredByComparisons() throws SQLException {
        try (Connection c = db.open()) {
            assertThat(roundTrip(c, "nchar(5)", "ab", String.class)).isEqualTo("ab   ");
            assertThat(roundTrip(c, "nchar(5)", "ab   ", String.class)).isEqualTo("ab   ");
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT length(v), v = 'ab', v::text FROM rt_nchar_5_")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2); // PostgreSQL: trailing blanks of char(n) are insignificant
                assertThat(rs.getBoolean(2)).isTrue();
                assertThat(rs.getString(3)).isEqualTo("ab"); // a cast to text drops them
            }
            c.rollback();
        }
    }

    @Test
    void bulkLoadStreamsManyRowsAndReportsProgress() throws SQLException {
        TableSchema s = new TableSchema("big", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of("name", SqlType.parse("nvarchar(100)"), true), Column.of("at", SqlType.parse("datetime"), true)),
                List.of("id"));
        int total = 200_000;
        Iterator<Row> rows = new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < total;
            }

            @Override
            public Row next() {
                i++;
                return Row.of(i, "name " + i, LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(i));
            }
        };
        List<Long> progress = new ArrayList<>();
        try (Connection c = db.open()) {
            create(c, "big", s);
            assertThat(d.bulk().bulkLoad(c, "big", s, rows, progress::add)).isEqualTo(total);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*), max(at) FROM big")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(total);
                assertThat(rs.getObject(2, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(total));
            }
            assertThat(progress).isSorted().last().isEqualTo((long) total);
            assertThat(progress).hasSize(total / PostgresBulkLoader.PROGRESS_EVERY);
            c.rollback();
        }
    }

    private static TableSchema kv() {
        return new TableSchema("kv", List.of(Column.of("k1", SqlType.of(SqlServerType.INT), false),
                Column.of("k2", SqlType.parse("nvarchar(5)"), false), Column.of("v", SqlType.parse("nvarchar(20)"), false)),
                List.of("k1", "k2"));
    }

    private static Map<String, String> contents(Connection c, String table) throws SQLException {
        Map<String, String> r = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k1, k2, v FROM \"" + table + "\"");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                r.put(rs.getInt(1) + "/" + rs.getString(2), rs.getString(3));
            }
        }
        return r;
    }

    @Test
    void applyChangesIsSetWiseIdempotentAndLastChangeWins() throws SQLException {
        TableSchema s = kv();
        try (Connection c = db.open()) {
            create(c, "kv", s);
            d.bulk().bulkLoad(c, "kv", s, List.of(Row.of(1, "a", "one"), Row.of(2, "a", "two"), Row.of(3, "a", "three"),
                    Row.of(4, "a", "four")).iterator(), BulkProgress.NONE);
            List<RowChange> batch = List.of(
                    RowChange.insert(5, "a", "new"),            // plain insert
                    RowChange.update(1, "a", "one*"),           // plain update
                    RowChange.delete(2, "a", null),              // plain delete
                    RowChange.delete(99, "z", null),             // delete of a missing key: no-op
                    RowChange.insert(3, "a", "three*"),          // insert of an existing key: updates
                    RowChange.insert(6, "a", "gone"), RowChange.delete(6, "a", null),     // ends absent
                    RowChange.delete(4, "a", null), RowChange.insert(4, "a", "four*"),    // ends present
                    RowChange.update(7, "b", "x"), RowChange.update(7, "b", "y"),         // update of missing key inserts, last wins
                    RowChange.insert(1, "b", "tab\there"));
            TableCounts counts = d.changes().applyChanges(c, "kv", s, batch.iterator());
            assertThat(counts).isEqualTo(new TableCounts(5, 3, 4));
            Map<String, String> expected = new TreeMap<>(Map.of("1/a", "one*", "3/a", "three*", "4/a", "four*", "5/a", "new",
                    "7/b", "y", "1/b", "tab\there"));
            assertThat(contents(c, "kv")).isEqualTo(expected);
            // At-least-once delivery: the same batch again changes nothing.
            d.changes().applyChanges(c, "kv", s, batch.iterator());
            assertThat(contents(c, "kv")).isEqualTo(expected);
            // Several batches in one transaction (the staging table is dropped after each).
            d.changes().applyChanges(c, "kv", s, List.of(RowChange.delete(1, "a", null)).iterator());
            expected.remove("1/a");
            assertThat(contents(c, "kv")).isEqualTo(expected);
            assertThat(d.changes().applyChanges(c, "kv", s, List.<RowChange>of().iterator())).isEqualTo(TableCounts.ZERO);
            c.rollback();
        }
    }

    @Test
    void applyChangesStaysInTheCallersTransaction() throws SQLException {
        TableSchema s = kv();
        try (Connection setup = db.openAutoCommit(); Statement st = setup.createStatement()) {
            st.execute("CREATE TABLE kv_tx (k1 integer, k2 varchar(5), v varchar(20) NOT NULL, PRIMARY KEY (k1, k2))");
        }
        try (Connection c = db.open()) {
            d.changes().applyChanges(c, "kv_tx", s, List.of(RowChange.insert(1, "a", "x")).iterator());
            c.rollback();
            assertThat(contents(c, "kv_tx")).isEmpty();
            d.changes().applyChanges(c, "kv_tx", s, List.of(RowChange.insert(1, "a", "x")).iterator());
            try (Connection other = db.openAutoCommit()) {
                assertThat(contents(other, "kv_tx")).isEmpty(); // not committed by the dialect
            }
            c.commit();
            try (Connection other = db.openAutoCommit()) {
                assertThat(contents(other, "kv_tx")).containsEntry("1/a", "x");
            }
        }
    }

    @Test
    void keyOnlyTablesApply() throws SQLException {
        TableSchema s = new TableSchema("link", List.of(Column.of("a", SqlType.of(SqlServerType.INT), false),
                Column.of("b", SqlType.of(SqlServerType.INT), false)), List.of("a", "b"));
        try (Connection c = db.open()) {
            create(c, "link", s);
            d.changes().applyChanges(c, "link", s, List.of(RowChange.insert(1, 1), RowChange.insert(1, 2), RowChange.insert(1, 1),
                    RowChange.delete(1, 2)).iterator());
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT a, b FROM link")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(2)).isEqualTo(1);
                assertThat(rs.next()).isFalse();
            }
            c.rollback();
        }
    }
}
