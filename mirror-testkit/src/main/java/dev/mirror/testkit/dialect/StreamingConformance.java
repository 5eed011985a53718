package dev.mirror.testkit.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * The bulk path and the apply path stream: more data than the JVM heap goes through each (see
 * {@link AbstractTargetDialectTest#streamingRowCount()}), generated lazily, so a dialect that buffers the
 * whole input fails with an OutOfMemoryError.
 */
public interface StreamingConformance extends KitAccess {
    /** Payload bytes per generated row. */
    int PAYLOAD_BYTES = 8000;

    private static TableSchema schema() {
        return new TableSchema("stream", java.util.List.of(Column.of("id", SqlType.of(SqlServerType.BIGINT), false),
                Column.of("payload", SqlType.ofLength(SqlServerType.VARBINARY, PAYLOAD_BYTES), false)), java.util.List.of("id"));
    }

    private static byte[] payload(long id) {
        byte[] b = TypeSamples.pattern(PAYLOAD_BYTES, (int) id);
        b[0] = (byte) id;
        return b;
    }

    /** A lazily generated sequence of {@code count} items; nothing is kept once handed out. */
    private static <T> Iterator<T> generate(long count, LongFunction<T> item) {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public T next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                return item.apply(next++);
            }
        };
    }

    @Test
    default void bulkLoadStreamsMoreThanTheHeap() throws Exception {
        Kit kit = kit();
        long count = kit.streamingRowCount();
        TableSchema schema = schema();
        String table = kit.table("stream_bulk");
        kit.create(table, schema);
        AtomicLong progress = new AtomicLong();
        long loaded = kit.dialect().bulk().bulkLoad(kit.connection(), table, schema,
                generate(count, id -> Row.of(id, payload(id))), progress::set);
        kit.commit();
        assertThat(loaded).as("rows bulkLoad reports").isEqualTo(count);
        assertThat(progress.get()).as("progress never exceeds the rows loaded").isLessThanOrEqualTo(count);
        assertThat(kit.count(table)).as("rows in the table").isEqualTo(count);
        assertThat(kit.readWhereKey(table, schema, count - 1).get(0).get(1)).as("last row's payload")
                .isEqualTo(payload(count - 1));
    }

    @Test
    default void applyChangesStreamsMoreThanTheHeap() throws Exception {
        Kit kit = kit();
        long count = kit.streamingRowCount();
        TableSchema schema = schema();
        String table = kit.table("stream_apply");
        kit.create(table, schema);
        // Every tenth change is an update of the key just inserted, so dedup across the stream is exercised too.
        TableCounts counts = kit.dialect().changes().applyChanges(kit.connection(), table, schema, generate(count, n -> {
            long id = n % 10 == 9 ? n - 1 : n;
            return new RowChange(n % 10 == 9 ? Operation.UPDATE : Operation.INSERT, Row.of(id, payload(n)));
        }));
        kit.commit();
        long updates = count / 10;
        assertThat(counts).as("counts by operation").isEqualTo(new TableCounts(count - updates, updates, 0));
        assertThat(kit.count(table)).as("rows in the table").isEqualTo(count - updates);
        assertThat(kit.readWhereKey(table, schema, 8L).get(0).get(1)).as("payload of a key updated later in the stream")
                .isEqualTo(payload(9));
    }
}
