package dev.mirror.core.internal.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import dev.mirror.core.FakeDialect;
import dev.mirror.core.Redactor;
import dev.mirror.core.internal.database.RetryPolicy;
import dev.mirror.core.internal.database.TargetDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TargetLockTest {
    /** Just enough real DDL for H2. */
    static final class H2ishDialect extends FakeDialect {
        @Override
        public List<String> createTable(String table, TableSchema schema) {
            StringBuilder b = new StringBuilder("CREATE TABLE " + quote(table) + " (");
            for (Column c : schema.columns()) {
                String type = c.type().toString().replace("nvarchar", "varchar").replace("datetime2(3)", "timestamp(3)");
                b.append(quote(c.name())).append(' ').append(type).append(c.nullable() ? "" : " NOT NULL").append(", ");
            }
            return List.of(b.append("PRIMARY KEY (").append(quote(schema.primaryKey().get(0))).append("))").toString());
        }

        @Override
        public Set<String> listTables(Connection connection) {
            Set<String> r = new HashSet<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, "PUBLIC", null, new String[] {"TABLE"})) {
                while (rs.next()) {
                    r.add(rs.getString("TABLE_NAME"));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return r;
        }
    }

    private TargetDatabase db;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2024-01-01T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:lock" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        db = new TargetDatabase(new H2ishDialect(), ds, new Redactor(), RetryPolicy.DEFAULT);
    }

    private TargetLock lock(String owner) {
        return new TargetLock(db, dev.mirror.api.ContextId.of("Cust1"), owner, "host-" + owner, 42, Duration.ofMinutes(2), clock);
    }

    @Test
    void secondRunIsRefusedNamingTheHolder() {
        TargetLock a = lock("a");
        a.acquire(Duration.ZERO, Duration.ofMillis(10));
        assertThat(a.tableName()).isEqualTo("Cust1_mirroring_lock");
        assertThatThrownBy(() -> lock("b").acquire(Duration.ofMillis(50), Duration.ofMillis(10)))
                .isInstanceOf(MirrorException.class)
                .hasMessageContaining("run a on host host-a, pid 42")
                .satisfies(e -> assertThat(((MirrorException) e).code()).isEqualTo("LOCK_HELD"));
        a.release();
        TargetLock b = lock("b");
        b.acquire(Duration.ZERO, Duration.ofMillis(10));
        assertThat(b.holder()).get().extracting(LockHolder::owner).isEqualTo("b");
    }

    @Test
    void expiredLockIsTakenOverAndTheOldHolderLearnsIt() {
        TargetLock a = lock("a");
        a.acquire(Duration.ZERO, Duration.ofMillis(10));
        a.heartbeat();
        now.set(now.get().plus(Duration.ofMinutes(3)));
        TargetLock b = lock("b");
        b.acquire(Duration.ZERO, Duration.ofMillis(10));
        assertThatThrownBy(a::heartbeat).isInstanceOf(MirrorException.class).hasMessageContaining("now held by run b");
        a.release(); // not ours any more: must not remove b's row
        assertThat(b.holder()).get().extracting(LockHolder::owner).isEqualTo("b");
    }

    @Test
    void reacquiringOwnLockSucceeds() {
        TargetLock a = lock("a");
        a.acquire(Duration.ZERO, Duration.ofMillis(10));
        a.acquire(Duration.ZERO, Duration.ofMillis(10));
        assertThat(a.holder()).isPresent();
    }
}
