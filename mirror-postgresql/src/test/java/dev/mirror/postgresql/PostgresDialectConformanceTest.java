package dev.mirror.postgresql;

import dev.mirror.api.model.SqlType;
import dev.mirror.api.dialect.TargetDialect;
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
 * The shared target-dialect conformance kit against the PostgreSQL named by {@code MIRROR_TEST_POSTGRES_URL},
 * in a fresh schema; skipped with a visible reason when the variable is unset.
 */
class PostgresDialectConformanceTest extends AbstractTargetDialectTest {
    private static PostgresTestDatabase db;
    private static final PostgresDialect DIALECT = new PostgresDialect();
    /** The dialect's experimental options (one MERGE per batch, fillfactor 80, temp_buffers): the same kit must pass. */
    static final PostgresDialect OPTIONS = new PostgresDialect().withApplyMerge(true).withFillFactor(80)
            .withTempBuffers("64MB");

    @BeforeAll
    static void setUp() throws SQLException {
        db = PostgresTestDatabase.create("mirror_pg_kit");
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
        PostgresTestDatabase.assumeAvailable(db);
        return db.open();
    }

    /**
     * The documented losses (see {@link PostgresDialect}): fractional seconds beyond 6 digits are truncated;
     * datetimeoffset keeps the instant and comes back in UTC; binary(n) is bytea and so is not zero-padded.
     */
    @Override
    protected Object expectedRoundTrip(SqlType type, Object written) {
        if (written == null) {
            return null;
        }
        int digits = PostgresTypes.fraction(type);
        return switch (type.base()) {
            case DATETIME2 -> PgTemporal.truncate((LocalDateTime) written, digits);
            case TIME -> PgTemporal.truncate((LocalTime) written, digits);
            case DATETIMEOFFSET -> PgTemporal.truncate(((OffsetDateTime) written).withOffsetSameInstant(ZoneOffset.UTC), digits);
            case BINARY -> written;
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
            return new PostgresDialect();
        }

        @Override
        protected String targetUrl() {
            PostgresTestDatabase.assumeAvailable(db);
            return db.url();
        }
    }
}
