package dev.mirror.core.internal.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a pull source's per-table work of one cycle on up to {@code workers} threads (see
 * {@code MirrorProtocol.forEachTable}). The threads live for one call: a cycle's tables are few next to the cost of
 * loading them, and no thread outlives a cycle (nothing to shut down when a mirror is closed). Per-table order and
 * serialization are not this class's concern: each item's work makes its own steps in order, and {@link TableStep}
 * serializes steps per table and keeps context-wide steps alone, whichever thread calls them.
 */
final class TableWorkers {
    private final dev.mirror.api.ContextId contextId;
    private final int workers;

    TableWorkers(dev.mirror.api.ContextId contextId, int workers) {
        this.contextId = contextId;
        this.workers = workers;
    }

    int workers() {
        return workers;
    }

    <T> void forEach(Collection<? extends T> items, Consumer<? super T> work) {
        int threads = Math.min(workers, items.size());
        if (threads <= 1) {
            items.forEach(work);
            return;
        }
        AtomicReference<RuntimeException> first = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, named());
        try {
            List<Future<?>> running = new ArrayList<>(items.size());
            for (T item : items) {
                running.add(pool.submit(() -> {
                    if (first.get() != null) {
                        return; // an item failed: the rest are not started
                    }
                    try {
                        work.accept(item);
                    } catch (RuntimeException | Error e) {
                        first.compareAndSet(null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
                        throw e;
                    }
                }));
            }
            for (Future<?> f : running) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
        RuntimeException e = first.get();
        if (e != null) {
            throw e;
        }
    }

    private static void await(Future<?> f) {
        boolean interrupted = false;
        while (true) {
            try {
                f.get();
                break;
            } catch (InterruptedException e) {
                // Finish waiting: returning while workers still write would let complete() overlap them.
                interrupted = true;
            } catch (java.util.concurrent.ExecutionException ignored) {
                break; // recorded in 'first'
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private ThreadFactory named() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "mirror-" + contextId + "-table-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
