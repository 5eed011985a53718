package dev.mirror.core.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.dialect.BulkLoader;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link FirstLoadBatch} on its own, against a recording connection and dialect: which path a batch takes (bulk load
 * under a savepoint, or the staged upsert), the fallback after an integrity violation, and what is not retried.
 */
class FirstLoadBatchTest {
    private static final TableSchema SCHEMA = new TableSchema("contact", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
            Column.of("name", SqlType.ofLength(SqlServerType.NVARCHAR, 40), true)), List.of("id"));

    /** What the connection and the dialect were asked to do, in order. */
    private final List<String> calls = new ArrayList<>();
    /** What bulkLoad throws after reading its rows, or null. */
    private Exception bulkFailure;

    private final Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "setSavepoint" -> {
                        calls.add("savepoint");
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Savepoint.class},
                                (p, m, a) -> { throw new UnsupportedOperationException(m.getName()); });
                    }
                    case "rollback" -> calls.add(args == null ? "rollback" : "rollback to savepoint");
                    case "releaseSavepoint" -> calls.add("release");
                    default -> throw new UnsupportedOperationException(method.getName());
                }
                return null;
            });

    private final BulkLoader bulk = (connection, table, schema, rows, progress) -> {
        List<String> ids = new ArrayList<>();
        rows.forEachRemaining(r -> ids.add(String.valueOf(r.get(0))));
        calls.add("bulkLoad " + table + " " + ids);
        if (bulkFailure != null) {
            if (bulkFailure instanceof SQLException e) {
                throw e;
            }
            throw (RuntimeException) bulkFailure;
        }
        return (long) ids.size();
    };

    /** A dialect whose only concern is the bulk path: the batch reaches nothing else. */
    private final TargetDialect dialect = (TargetDialect) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {TargetDialect.class}, (proxy, method, args) -> {
                if (!method.getName().equals("bulk")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                return bulk;
            });

    private TableCounts apply(FirstLoadBatch batch) throws SQLException {
        return batch.apply(connection, dialect, "contact__mirror_shadow", SCHEMA, rows -> rows, changes -> {
            List<String> staged = new ArrayList<>();
            changes.forEachRemaining(ch -> staged.add(ch.operation().code() + "" + ch.row().get(0)));
            calls.add("staged " + staged);
            return new TableCounts(staged.size(), 0, 0);
        });
    }

    @Test
    void anInsertOnlyBatchIsBulkLoadedUnderASavepointAndCountedAsReceived() throws SQLException {
        FirstLoadBatch batch = FirstLoadBatch.read(List.of(RowChange.insert(1, "a"), RowChange.update(2, "b"),
                RowChange.insert(3, "c")).iterator(), true);
        assertThat(batch.bulk()).isTrue();
        assertThat(apply(batch)).isEqualTo(new TableCounts(2, 1, 0));
        assertThat(calls).containsExactly("savepoint", "bulkLoad contact__mirror_shadow [1, 2, 3]", "release");
    }

    @Test
    void aBatchThatMeetsAKeyAlreadyLoadedIsRolledBackToTheSavepointAndAppliedThroughTheStagedUpsert() throws SQLException {
        bulkFailure = new SQLException("duplicate key value violates unique constraint", "23505");
        FirstLoadBatch batch = FirstLoadBatch.read(List.of(RowChange.insert(1, "a"), RowChange.insert(2, "b")).iterator(), true);
        assertThat(apply(batch)).isEqualTo(new TableCounts(2, 0, 0));
        assertThat(calls).containsExactly("savepoint", "bulkLoad contact__mirror_shadow [1, 2]", "rollback to savepoint",
                "staged [I1, I2]");
    }

    @Test
    void anIntegrityViolationWrappedByTheDialectIsRecognised() {
        SQLException batch = new SQLException("batch failed", "HY000");
        batch.setNextException(new SQLException("duplicate", "23505"));
        assertThat(FirstLoadBatch.integrityViolation(new RuntimeException("wrapped", batch))).isTrue();
        assertThat(FirstLoadBatch.integrityViolation(new SQLException("value too long", "22001"))).isFalse();
        assertThat(FirstLoadBatch.integrityViolation(new RuntimeException("no SQL state"))).isFalse();
    }

    @Test
    void anyOtherFailureOfTheBulkLoadFailsTheBatchWithoutASecondAttempt() throws SQLException {
        bulkFailure = new SQLException("value too long for type character varying(40)", "22001");
        FirstLoadBatch batch = FirstLoadBatch.read(List.of(RowChange.insert(1, "a")).iterator(), true);
        assertThatThrownBy(() -> apply(batch)).isSameAs(bulkFailure);
        assertThat(calls).containsExactly("savepoint", "bulkLoad contact__mirror_shadow [1]");
    }

    @Test
    void aBatchWithADeleteStopsReadingAndGoesWholeAndInOrderThroughTheStagedUpsert() throws SQLException {
        List<String> read = new ArrayList<>();
        Iterator<RowChange> source = List.of(RowChange.insert(1, "a"), RowChange.delete(2, null), RowChange.insert(3, "c"))
                .iterator();
        Iterator<RowChange> counted = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public RowChange next() {
                RowChange c = source.next();
                read.add(String.valueOf(c.row().get(0)));
                return c;
            }
        };
        FirstLoadBatch batch = FirstLoadBatch.read(counted, true);
        assertThat(batch.bulk()).isFalse();
        assertThat(read).as("reading stops at the delete").containsExactly("1", "2");
        apply(batch);
        assertThat(calls).containsExactly("staged [I1, D2, I3]");
    }

    @Test
    void aBatchLargerThanTheLimitIsNotHeldInMemoryAndGoesThroughTheStagedUpsert() throws SQLException {
        String wide = "x".repeat(1024 * 1024);
        int n = (int) (FirstLoadBatch.MAX_BUFFERED_BYTES / (2L * wide.length())) + 5;
        List<RowChange> rows = IntStream.range(0, n).mapToObj(i -> RowChange.insert(i, wide)).toList();
        Iterator<RowChange> it = rows.iterator();
        FirstLoadBatch batch = FirstLoadBatch.read(it, true);
        assertThat(batch.bulk()).isFalse();
        assertThat(it.hasNext()).as("reading stopped at the limit").isTrue();
        apply(batch);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0)).startsWith("staged [I0, I1, ").endsWith(", I" + (n - 1) + "]");
    }

    @Test
    void aTableThatIsNotEligibleIsNotReadAheadAtAll() throws SQLException {
        Iterator<RowChange> it = List.of(RowChange.insert(1, "a")).iterator();
        FirstLoadBatch batch = FirstLoadBatch.read(it, false);
        assertThat(it.hasNext()).isTrue();
        apply(batch);
        assertThat(calls).containsExactly("staged [I1]");
    }
}
