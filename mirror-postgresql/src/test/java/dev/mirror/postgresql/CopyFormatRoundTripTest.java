package dev.mirror.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.MirrorException;
import dev.mirror.api.dialect.BulkProgress;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Binary COPY against text COPY on the server named by {@code MIRROR_TEST_POSTGRES_URL}: every type loaded both ways
 * gives identical tables, and each edge value either loads to the same stored value both ways or is refused both ways
 * with the same SQLSTATE class or error code.
 */
class CopyFormatRoundTripTest {
    private static final PostgresDialect TEXT = new PostgresDialect().withCopyFormat(CopyFormat.TEXT);
    private static final PostgresDialect BINARY = new PostgresDialect().withCopyFormat(CopyFormat.BINARY);
    private static PostgresTestDatabase db;

    @BeforeAll
    static void setUp() throws SQLException {
        db = PostgresTestDatabase.create("mirror_pg_copyfmt");
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

    private static final String[] TYPES = {"int", "tinyint", "smallint", "bigint", "bit", "real", "float", "decimal(10,2)",
            "decimal(38,10)", "money", "smallmoney", "nvarchar(max)", "nvarchar(20)", "nchar(5)", "varchar(max)", "ntext",
            "datetime", "smalldatetime", "datetime2(7)", "datetime2(3)", "date", "time(7)", "time(0)", "datetimeoffset(7)",
            "uniqueidentifier", "varbinary(max)", "binary(4)", "image"};

    private static TableSchema wide(String table) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of("id", SqlType.parse("int"), false));
        for (int i = 0; i < TYPES.length; i++) {
            columns.add(Column.of("c" + i + " " + TYPES[i], SqlType.parse(TYPES[i]), true));
        }
        return new TableSchema(table, columns, List.of("id"));
    }

    private static List<Row> wideRows() {
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(1, Integer.MIN_VALUE, (short) 255, Short.MIN_VALUE, Long.MAX_VALUE, true, Float.NaN, Double.MIN_VALUE,
                new BigDecimal("-1.005"), new BigDecimal("1234567890123456789012345678.0123456789"),
                new BigDecimal("-922337203685477.5808"), new BigDecimal("214748.3647"), "tab\there\nnew\\line \\N \\.",
                "名前😀", "ab", "", "x".repeat(10_000), LocalDateTime.parse("1998-12-31T23:59:59.999"),
                LocalDateTime.parse("1900-01-01T12:30:00"), LocalDateTime.parse("0001-01-01T00:00:00.0000001"),
                LocalDateTime.parse("2040-06-15T12:00:00.1239"), LocalDate.parse("0001-01-01"),
                LocalTime.parse("23:59:59.9999999"), LocalTime.parse("08:05:00"),
                OffsetDateTime.of(2024, 1, 1, 1, 0, 0, 123_456_789, ZoneOffset.ofHours(2)),
                UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff"), new byte[] {0, 10, (byte) 0xff, 0x5c}, new byte[] {1, 2},
                new byte[0]));
        rows.add(Row.of(2, 0, (short) 0, (short) -1, 0L, false, -0.0f, Double.NEGATIVE_INFINITY, new BigDecimal("1E+3"),
                BigDecimal.ZERO, new BigDecimal("0.0001"), new BigDecimal("-0.0001"), "", " ", "     ", "a\r\nb",
                "Ærø 'q' \"d\"", LocalDateTime.parse("2079-06-06T23:59:00"), LocalDateTime.parse("2079-06-06T23:59:00"),
                LocalDateTime.parse("9999-12-31T23:59:59.9999999"), LocalDateTime.parse("1969-07-20T20:17:40"),
                LocalDate.parse("9999-12-31"), LocalTime.MIDNIGHT, LocalTime.NOON,
                OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-14)), new UUID(0, 0), new byte[] {0}, new byte[4],
                new byte[] {(byte) 0x80}));
        Object[] nulls = new Object[TYPES.length + 1];
        nulls[0] = 3;
        rows.add(Row.of(nulls));
        return rows;
    }

    @Test
    void everyTypeLoadsIdenticallyThroughBinaryAndText() throws SQLException {
        TableSchema s = wide("wide");
        try (Connection c = db.open()) {
            create(c, "wide_text", s);
            create(c, "wide_binary", s);
            assertThat(TEXT.bulk().bulkLoad(c, "wide_text", s, wideRows().iterator(), BulkProgress.NONE)).isEqualTo(3);
            assertThat(BINARY.bulk().bulkLoad(c, "wide_binary", s, wideRows().iterator(), BulkProgress.NONE)).isEqualTo(3);
            c.commit();
            try (CopyRows copy = CopyRows.open(c, "COPY wide_binary FROM STDIN", CopyFormat.BINARY, "wide_binary",
                    s.columns(), BINARY.names(), 0, 4096)) {
                assertThat(copy.format()).as("binary is really used for this table").isEqualTo(CopyFormat.BINARY);
            }
            c.rollback();
            assertThat(rowsAsText(c, "wide_binary")).isEqualTo(rowsAsText(c, "wide_text")).hasSize(3);
            assertThat(count(c, "SELECT * FROM wide_text EXCEPT ALL SELECT * FROM wide_binary")).isZero();
            assertThat(count(c, "SELECT * FROM wide_binary EXCEPT ALL SELECT * FROM wide_text")).isZero();
        }
    }

    /** A table whose column types are not the mapping's (a timestamp altered to timestamptz) is loaded as text. */
    @Test
    void aTableWithOtherColumnTypesFallsBackToText() throws SQLException {
        TableSchema s = new TableSchema("altered", List.of(Column.of("id", SqlType.parse("int"), false),
                Column.of("at", SqlType.parse("datetime2(6)"), true)), List.of("id"));
        try (Connection c = db.open()) {
            create(c, "altered", s);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL TimeZone = 'Europe/Oslo'");
                st.execute("ALTER TABLE altered ALTER COLUMN at TYPE timestamptz(6)");
            }
            try (CopyRows copy = CopyRows.open(c, "COPY altered (id, at) FROM STDIN", CopyFormat.BINARY, "altered", s.columns(),
                    BINARY.names(), 0, 4096)) {
                assertThat(copy.format()).isEqualTo(CopyFormat.TEXT);
                copy.row(Row.of(1, LocalDateTime.parse("2024-06-01T12:00:00")), 1);
                copy.finish();
            }
            assertThat(rowsAsText(c, "altered")).containsExactly("(1,\"2024-06-01 12:00:00+02\")");
            c.rollback();
        }
    }

    @Test
    void eachEdgeValueHasTheSameOutcomeInBothFormats() throws SQLException {
        Object[][] cases = {
                {"nvarchar(max)", "a\0b"}, {"nvarchar(max)", "x\uD83D"}, {"nvarchar(3)", "abcd"}, {"nchar(3)", "abcd"},
                {"nchar(3)", "abc  "}, {"nchar(3)", "a"},
                {"smallint", 70_000}, {"tinyint", (short) 255}, {"int", 3_000_000_000L}, {"bigint", new BigInteger("9223372036854775808")},
                {"bigint", new BigDecimal("1E+2")}, {"bigint", new BigDecimal("1.5")},
                {"real", 3.4028235e38f}, {"real", Float.MIN_VALUE}, {"real", 1e39}, {"real", 1e-50}, {"real", 0.1},
                {"real", Double.POSITIVE_INFINITY},
                {"float", 0.1f}, {"float", new BigDecimal("1E+400")}, {"float", Double.NaN}, {"float", -0.0},
                {"decimal(10,2)", new BigDecimal("1.005")}, {"decimal(10,2)", new BigDecimal("-0.005")},
                {"decimal(10,2)", new BigDecimal("12345678.999")}, {"decimal(10,2)", Double.NaN},
                {"decimal(10,2)", Double.POSITIVE_INFINITY}, {"decimal(10,2)", 0.1}, {"decimal(10,0)", new BigDecimal("1E+9")},
                {"decimal(38,0)", new BigDecimal("1E+38")}, {"decimal(5,5)", new BigDecimal("0.000005")},
                {"date", LocalDate.of(10_000, 1, 1)}, {"date", LocalDate.of(5_874_897, 12, 31)},
                {"date", LocalDate.of(5_874_898, 1, 1)}, {"date", LocalDate.MAX}, {"date", LocalDate.of(0, 12, 31)},
                {"datetime2(7)", LocalDateTime.parse("+294276-12-31T23:59:59.9999999")},
                {"datetime2(7)", LocalDateTime.parse("+294277-01-01T00:00:00")}, {"datetime2(7)", LocalDateTime.MAX},
                {"datetime2(7)", LocalDateTime.MIN}, {"datetime2(0)", LocalDateTime.parse("2024-01-01T00:00:00.999")},
                {"datetimeoffset(7)", OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(14))},
                {"datetimeoffset(7)", OffsetDateTime.MAX},
                {"time(7)", LocalTime.MAX}, {"uniqueidentifier", "6F9619FF-8B86-D011-B42D-00C04FC964FF"},
                {"uniqueidentifier", "nope"}, {"int", "12"},
        };
        List<String> differences = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        try (Connection c = db.open()) {
            for (int i = 0; i < cases.length; i++) {
                String type = (String) cases[i][0];
                Object value = cases[i][1];
                String text = outcome(c, TEXT, "e" + i, type, value);
                String binary = outcome(c, BINARY, "e" + i, type, value);
                outcomes.add(type + " " + show(value) + ": " + show(text));
                if (!text.equals(binary)) {
                    differences.add(type + " " + show(value) + ": text " + show(text) + ", binary " + show(binary));
                }
            }
        }
        assertThat(differences).isEmpty();
        // the cases cover both outcomes (a sample of what each gives, so a change in either path shows up here)
        assertThat(outcomes).contains("decimal(10,2) 1.005: stored [(1,1.01)]", "decimal(10,2) -0.005: stored [(1,-0.01)]",
                "nchar(3) a: stored [(1,\"a  \")]", "date +10000-01-01: stored [(1,10000-01-01)]",
                "real 0.1: stored [(1,0.1)]", "float 0.1: stored [(1,0.1)]", "datetime2(0) 2024-01-01T00:00:00.999: stored [(1,\"2024-01-01 00:00:00\")]",
                "decimal(38,0) 1E+38: refused, SQLSTATE class 22", "real 1.0E39: refused, SQLSTATE class 22", "nchar(3) abcd: refused, SQLSTATE class 22",
                "datetime2(7) +294277-01-01T00:00: refused, SQLSTATE class 22", "date +5874898-01-01: refused, SQLSTATE class 22");
    }

    /** The stored value as text, or the refusal: a SQLSTATE class ("22…") or the mirror's error code. */
    private static String outcome(Connection c, PostgresDialect d, String table, String type, Object value) throws SQLException {
        TableSchema s = new TableSchema(table, List.of(Column.of("id", SqlType.parse("int"), false),
                Column.of("v", SqlType.parse(type), true)), List.of("id"));
        try (Statement st = c.createStatement()) {
            st.execute(TEXT.ddl().dropTable(table));
        }
        create(c, table, s);
        c.commit();
        try {
            d.bulk().bulkLoad(c, table, s, List.<Row>of(Row.of(1, value)).iterator(), BulkProgress.NONE);
            c.commit();
            return "stored " + rowsAsText(c, table);
        } catch (SQLException e) {
            c.rollback();
            return "refused, SQLSTATE class " + e.getSQLState().substring(0, 2);
        } catch (MirrorException e) {
            c.rollback();
            // the binary encoder refuses out-of-range integers and floats itself, with the code PostgresErrors gives 22xxx
            return e.code().equals("TARGET_DATA_INVALID") ? "refused, SQLSTATE class 22" : "refused, " + e.code() + ": " + e.getMessage();
        }
    }

    /** The value with control characters and surrogates escaped, so a failure report stays readable. */
    private static String show(Object value) {
        StringBuilder b = new StringBuilder();
        for (char ch : String.valueOf(value).toCharArray()) {
            b.append(ch < 0x20 || Character.isSurrogate(ch) ? String.format("\\u%04X", (int) ch) : String.valueOf(ch));
        }
        return b.toString();
    }

    private static void create(Connection c, String table, TableSchema s) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String q : TEXT.ddl().createTable(table, s)) {
                st.execute(q);
            }
        }
    }

    private static List<String> rowsAsText(Connection c, String table) throws SQLException {
        List<String> r = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT x::text FROM " + table + " x ORDER BY 1")) {
            while (rs.next()) {
                r.add(rs.getString(1));
            }
        }
        return r;
    }

    private static long count(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + query + ") q")) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
