package dev.mirror.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.BulkProgress;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Measures text COPY (the dialect's bulk path) against a minimal binary COPY encoder on the same rows and
 * prints rows/s: the client's encoding only. Not an assertion on timing: it only checks both loaded every row. The
 * dialect's own binary COPY ({@code copyFormat: binary}) is measured end to end by mirror-bench's benchmarks 1 and 2.
 */
class CopyFormatBenchmarkTest {
    private static final int ROWS = 100_000;
    private static final LocalDateTime EPOCH_2000 = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static PostgresTestDatabase db;

    @BeforeAll
    static void setUp() throws SQLException {
        db = PostgresTestDatabase.create("mirror_pg_bench");
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

    private static final TableSchema SCHEMA = new TableSchema("bench", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
            Column.of("big", SqlType.of(SqlServerType.BIGINT), true), Column.of("name", SqlType.parse("nvarchar(200)"), true),
            Column.of("note", SqlType.parse("nvarchar(max)"), true), Column.of("at", SqlType.of(SqlServerType.DATETIME), true),
            Column.of("score", SqlType.of(SqlServerType.FLOAT), true), Column.of("flag", SqlType.of(SqlServerType.BIT), true)),
            List.of("id"));

    private static Row row(int i) {
        return Row.of(i, (long) i * 1_000_003L, "Contact name " + i, "a longer note with\ttabs and text " + i,
                EPOCH_2000.plusSeconds(i).plusNanos(123_000_000), i * 0.5, i % 2 == 0);
    }

    @Test
    void textVersusBinaryCopy() throws Exception {
        PostgresDialect d = new PostgresDialect().withCopyFormat(CopyFormat.TEXT); // the dialect's text path, against the minimal encoder
        try (Connection c = db.open()) {
            for (int round = 0; round < 2; round++) { // the first round warms up the JIT
                reset(c, d);
                long t0 = System.nanoTime();
                long n = d.bulk().bulkLoad(c, "bench", SCHEMA, rows(), BulkProgress.NONE);
                long text = System.nanoTime() - t0;
                c.commit();
                assertThat(n).isEqualTo(ROWS);
                reset(c, d);
                t0 = System.nanoTime();
                long b = binaryCopy(c);
                long binary = System.nanoTime() - t0;
                c.commit();
                assertThat(b).isEqualTo(ROWS);
                System.out.printf("COPY round %d: text %,.0f rows/s, binary %,.0f rows/s (%d rows, %s vs %s)%n", round,
                        ROWS / (text / 1e9), ROWS / (binary / 1e9), ROWS, Duration.ofNanos(text), Duration.ofNanos(binary));
            }
        }
    }

    private static Iterator<Row> rows() {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < ROWS;
            }

            @Override
            public Row next() {
                return row(++i);
            }
        };
    }

    private static void reset(Connection c, PostgresDialect d) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(d.ddl().dropTable("bench"));
            for (String q : d.ddl().createTable("bench", SCHEMA)) {
                s.execute(q);
            }
        }
        c.commit();
    }

    /** Binary COPY (https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.4) for this table's types only. */
    private static long binaryCopy(Connection c) throws SQLException, IOException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench FROM STDIN (FORMAT binary)");
        ByteArrayOutputStream buf = new ByteArrayOutputStream(300_000);
        DataOutputStream out = new DataOutputStream(buf);
        out.writeBytes("PGCOPY\n");
        out.write(new byte[] {(byte) 0xff, '\r', '\n', 0});
        out.writeInt(0);
        out.writeInt(0);
        Iterator<Row> rows = rows();
        while (rows.hasNext()) {
            Row r = rows.next();
            out.writeShort(7);
            out.writeInt(4);
            out.writeInt((Integer) r.get(0));
            out.writeInt(8);
            out.writeLong((Long) r.get(1));
            for (int k = 2; k <= 3; k++) {
                byte[] s = ((String) r.get(k)).getBytes(StandardCharsets.UTF_8);
                out.writeInt(s.length);
                out.write(s);
            }
            out.writeInt(8);
            out.writeLong(Duration.between(EPOCH_2000, (LocalDateTime) r.get(4)).toNanos() / 1000);
            out.writeInt(8);
            out.writeLong(Double.doubleToLongBits((Double) r.get(5)));
            out.writeInt(1);
            out.writeByte((Boolean) r.get(6) ? 1 : 0);
            if (buf.size() > 256 * 1024) {
                in.writeToCopy(buf.toByteArray(), 0, buf.size());
                buf.reset();
            }
        }
        out.writeShort(-1);
        in.writeToCopy(buf.toByteArray(), 0, buf.size());
        return in.endCopy();
    }
}
