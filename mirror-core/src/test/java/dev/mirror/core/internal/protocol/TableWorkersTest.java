package dev.mirror.core.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TableWorkersTest {
    @Test
    void everyItemRunsOnceAndTwoRunAtTheSameTimeOnCoreThreads() {
        CyclicBarrier both = new CyclicBarrier(2);
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        new TableWorkers(dev.mirror.api.ContextId.of("Ctx"), 2).forEach(List.of(1, 2), i -> {
            try {
                both.await(60, TimeUnit.SECONDS); // only passes when the two items run at once
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            threads.add(Thread.currentThread().getName());
            done.add(i);
        });
        assertThat(done).containsExactlyInAnyOrder(1, 2);
        assertThat(threads).hasSize(2).allSatisfy(t -> assertThat(t).startsWith("mirror-Ctx-table-"));
    }

    @Test
    void oneWorkerRunsTheItemsInOrderOnTheCallersThread() {
        StringBuilder order = new StringBuilder();
        String caller = Thread.currentThread().getName();
        new TableWorkers(dev.mirror.api.ContextId.of("Ctx"), 1).forEach(List.of("a", "b", "c"), s -> {
            assertThat(Thread.currentThread().getName()).isEqualTo(caller);
            order.append(s);
        });
        assertThat(order).hasToString("abc");
    }

    @Test
    void theFirstExceptionOfAnItemIsRethrownAfterTheStartedItemsFinished() {
        AtomicInteger finished = new AtomicInteger();
        assertThatThrownBy(() -> new TableWorkers(dev.mirror.api.ContextId.of("Ctx"), 2).forEach(IntStream.range(0, 50).boxed().toList(), i -> {
            if (i == 0) {
                throw new IllegalArgumentException("table 0 broke");
            }
            finished.incrementAndGet();
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("table 0 broke");
        assertThat(finished.get()).as("items that started all finished before the call returned").isLessThanOrEqualTo(49);
    }
}
