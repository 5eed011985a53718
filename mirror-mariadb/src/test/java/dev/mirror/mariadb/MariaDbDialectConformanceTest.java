package dev.mirror.mariadb;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.model.SqlType;
import dev.mirror.testkit.dialect.AbstractTargetDialectTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared target-dialect conformance kit against the MariaDB named by {@code MIRROR_TEST_MARIADB_URL}, in a fresh
 * database; skipped with a visible reason when the variable is unset.
 */
class MariaDbDialectConformanceTest extends AbstractTargetDialectTest {
    private static MariaDbTestDatabase db;
    private static final MariaDbDialect DIALECT = new MariaDbDialect();
    /** The dialect's options: binary values in hex (UNHEX), a binary collation, 4 KiB chunks. */
    static final MariaDbDialect OPTIONS = new MariaDbDialect(4096, "utf8mb4_bin", false, s -> { });

    @BeforeAll
    static void setUp() throws SQLException {
        db = MariaDbTestDatabase.create("mirror_maria_kit");
    }

    @AfterAll
    static void tearDown() throws SQLException {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected TargetDialect dialect() {
        return DIALECT;
    }

    @Override
    protected Connection openConnection() throws SQLException {
        MariaDbTestDatabase.assumeAvailable(db);
        return db.open();
    }

    /**
     * The documented losses (docs/type-mapping-mariadb.md): fractional seconds beyond 6 digits are truncated; a
     * datetimeoffset keeps the instant and is stored in UTC (read back with the JVM's zone, UTC here).
     */
    @Override
    protected Object expectedRoundTrip(SqlType type, Object written) {
        if (written == null) {
            return null;
        }
        int digits = MariaDbTypes.fraction(type);
        return switch (type.base()) {
            case DATETIME2 -> ((LocalDateTime) written).withNano(LoadDataEncoder.truncateNanos(((LocalDateTime) written).getNano(), digits));
            case TIME -> ((LocalTime) written).withNano(LoadDataEncoder.truncateNanos(((LocalTime) written).getNano(), digits));
            case DATETIMEOFFSET -> {
                OffsetDateTime utc = ((OffsetDateTime) written).withOffsetSameInstant(ZoneOffset.UTC);
                yield utc.withNano(LoadDataEncoder.truncateNanos(utc.getNano(), digits));
            }
            default -> super.expectedRoundTrip(type, written);
        };
    }

    /**
     * The dialect kit's protocol part: core's real protocol on this dialect, in the same test schema (skipped with the
     * same reason when the server is not configured).
     */
    @org.junit.jupiter.api.Nested
    class Protocol extends dev.mirror.testkit.dialect.AbstractDialectProtocolTest {
        @Override
        protected TargetDialect dialect() {
            return new MariaDbDialect();
        }

        @Override
        protected String targetUrl() {
            MariaDbTestDatabase.assumeAvailable(db);
            return db.url();
        }
    }
}
