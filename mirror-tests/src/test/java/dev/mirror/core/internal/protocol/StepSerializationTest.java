package dev.mirror.core.internal.protocol;

import static dev.mirror.core.internal.protocol.ProtocolFixture.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.RowChange;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.ChangeBatch;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.TableAnswer;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The serialization {@code MirrorProtocol} promises: never two steps at once on the same table, steps on other tables
 * meanwhile, and the context-wide steps (schema, complete) alone. A step is held open by a cursor that waits for the
 * test's signal.
 */
class StepSerializationTest {
    private final ProtocolFixture f = ProtocolFixture.create();
    private final ExecutorService threads = Executors.newFixedThreadPool(3);

    @AfterEach
    void close() {
        threads.shutdownNow();
        f.close();
    }

    /** A cursor of one row that says when it is first read, then waits for {@code release} before yielding anything. */
    private static ChangeCursor held(RowChange row, CountDownLatch reading, CountDownLatch release) {
        Iterator<RowChange> it = List.of(row).iterator();
        return ChangeCursor.of(new Iterator<>() {
            @Override
            public boolean hasNext() {
                reading.countDown();
                await(release);
                return it.hasNext();
            }

            @Override
            public RowChange next() {
                return it.next();
            }
        }, () -> { });
    }

    private static void waitUntilParked(AtomicReference<Thread> thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.get() == null || thread.get().getState() != Thread.State.WAITING) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second step never started waiting");
            }
            Thread.sleep(10);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the test never released the step");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void stepsOnOneTableWaitForEachOtherWhileOtherTablesAndThenTheSchemaStepFollowInOrder() throws Exception {
        f.protocol().schema(List.of(table("contact"), table("person")));
        f.repopulate("contact", 10, RowChange.insert(1, "a"));
        f.repopulate("person", 10, RowChange.insert(1, "p"));

        CountDownLatch aReading = new CountDownLatch(1);
        CountDownLatch releaseA = new CountDownLatch(1);
        Future<ApplyResult> a = threads.submit(() -> f.protocol().apply(ChangeBatch.last("contact",
                held(RowChange.insert(2, "from A"), aReading, releaseA), 11)));
        await(aReading);

        CountDownLatch bReading = new CountDownLatch(1);
        AtomicReference<Thread> bThread = new AtomicReference<>();
        Future<ApplyResult> b = threads.submit(() -> {
            bThread.set(Thread.currentThread());
            return f.protocol().apply(ChangeBatch.last("contact", held(RowChange.update(2, "from B"), bReading,
                    new CountDownLatch(0)), 12));
        });
        waitUntilParked(bThread); // B is queued on contact's lock (holding the context's shared lock)
        assertThat(f.apply("person", 11, RowChange.insert(2, "q")).succeeded()).as("another table is not held up").isTrue();
        assertThat(f.rows("person")).containsExactly("1=p", "2=q");
        Future<List<TableAnswer>> schema = threads.submit(() -> f.protocol().schema(List.of(table("contact"), table("person"))));
        Thread.sleep(300);
        assertThat(bReading.getCount()).as("B has not started on contact while A holds it").isEqualTo(1);
        assertThat(a.isDone()).isFalse();
        assertThat(schema.isDone()).as("the schema step waits for the table steps").isFalse();

        releaseA.countDown();
        assertThat(a.get(30, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(b.get(30, TimeUnit.SECONDS).succeeded()).isTrue();
        List<TableAnswer> answers = schema.get(30, TimeUnit.SECONDS);
        // the order shows in the data: B's update came after A's insert, and the schema step saw B's LSN
        assertThat(f.rows("contact")).containsExactly("1=a", "2=from B");
        assertThat(answers).extracting(x -> x.table() + "@" + x.lsn()).containsExactly("contact@12", "person@11");
    }

    @Test
    void completeWaitsForATableStepInFlight() throws Exception {
        f.protocol().schema(List.of(table("contact")));
        f.repopulate("contact", 10, RowChange.insert(1, "a"));
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<ApplyResult> step = threads.submit(() -> f.protocol().apply(ChangeBatch.last("contact",
                held(RowChange.insert(2, "b"), reading, release), 11)));
        await(reading);
        AtomicBoolean completed = new AtomicBoolean();
        Future<Long> complete = threads.submit(() -> {
            long inserts = f.protocol().complete(Map.of()).totals().inserts();
            completed.set(true);
            return inserts;
        });
        Thread.sleep(300);
        assertThat(completed).as("complete waits").isFalse();
        release.countDown();
        assertThat(step.get(30, TimeUnit.SECONDS).succeeded()).isTrue();
        assertThat(complete.get(30, TimeUnit.SECONDS)).as("the report counts the step that was in flight").isEqualTo(2);
    }

    @Test
    void tableLocksAreOnePerTableWhateverTheCase() throws Exception {
        TableLocks locks = new TableLocks();
        ReentrantLock held = locks.lock("Contact");
        Future<ReentrantLock> sameTable = threads.submit(() -> {
            ReentrantLock l = locks.lock("CONTACT");
            l.unlock();
            return l;
        });
        ReentrantLock other = locks.lock("person");
        assertThat(other).as("another table's lock is free").isNotSameAs(held);
        other.unlock();
        Thread.sleep(200);
        assertThat(sameTable.isDone()).as("the same table in another case waits").isFalse();
        held.unlock();
        assertThat(sameTable.get(5, TimeUnit.SECONDS)).isSameAs(held);
    }
}
