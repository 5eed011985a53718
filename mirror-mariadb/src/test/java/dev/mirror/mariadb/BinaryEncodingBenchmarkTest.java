package dev.mirror.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.dialect.BulkProgress;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Measures the two ways binary values can travel in the LOAD DATA file, on the same rows: hex digits decoded by
 * {@code UNHEX(@v)} (the default), and the raw bytes escaped in a {@code CHARACTER SET binary} load. Prints rows/s;
 * asserts only that every row was loaded. The numbers that led to the default are in docs/type-mapping-mariadb.md.
 */
class BinaryEncodingBenchmarkTest {
    private static final int ROWS = 10_000;
    private static final int BYTES = 2_000;
    private static MariaDbTestDatabase db;

    @BeforeAll
    static void setUp() throws SQLException {
        db = MariaDbTestDatabase.create("mirror_maria_bench");
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

    private static final TableSchema SCHEMA = new TableSchema("bench", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
            Column.of("name", SqlType.parse("nvarchar(100)"), true), Column.of("data", SqlType.parse("varbinary(max)"), true)),
            List.of("id"));

    private static Iterator<Row> rows() {
        Random r = new Random(7);
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < ROWS;
            }

            @Override
            public Row next() {
                byte[] b = new byte[BYTES];
                r.nextBytes(b);
                i++;
                return Row.of(i, "name " + i, b);
            }
        };
    }

    private static double rowsPerSecond(MariaDbDialect d) throws SQLException {
        try (Connection c = db.open()) {
            d.prepareConnection(c);
            try (Statement s = c.createStatement()) {
                s.execute(d.ddl().dropTable("bench"));
                for (String sql : d.ddl().createTable("bench", SCHEMA)) {
                    s.execute(sql);
                }
            }
            long t0 = System.nanoTime();
            long n = d.bulk().bulkLoad(c, "bench", SCHEMA, rows(), BulkProgress.NONE);
            c.commit();
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(n).isEqualTo(ROWS);
            return ROWS / seconds;
        }
    }

    @Test
    void hexAgainstRawBinary() throws Exception {
        MariaDbDialect hex = new MariaDbDialect();
        MariaDbDialect raw = new MariaDbDialect(MariaDbDialect.DEFAULT_CHUNK_BYTES, MariaDbDialect.DEFAULT_COLLATION, true, s -> { });
        rowsPerSecond(hex); // warm-up
        rowsPerSecond(raw);
        for (int round = 1; round <= 3; round++) {
            System.out.printf("round %d: %d rows of %d bytes: hex %.0f rows/s, raw %.0f rows/s%n", round, ROWS, BYTES,
                    rowsPerSecond(hex), rowsPerSecond(raw));
        }
    }
}
