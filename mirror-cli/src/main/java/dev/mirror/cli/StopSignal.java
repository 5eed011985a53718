package dev.mirror.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stop request that a shutdown hook (SIGTERM, Ctrl-C) raises. The protocol then stops between batches (the batch in
 * flight commits, the remaining tables are retried next run) and the run loop stops before the next cycle; the hook
 * waits for the loop to finish (up to {@link #GRACE}) so the JVM does not exit mid-transaction.
 */
final class StopSignal {
    static final Duration GRACE = Duration.ofMinutes(10);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final java.util.List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    void request() {
        requested.countDown();
        listeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} when a stop is requested (e.g. to stop between batches inside a cycle). */
    void onRequest(Runnable listener) {
        listeners.add(listener);
    }

    boolean requested() {
        return requested.getCount() == 0;
    }

    /** Sleeps up to {@code d}, returning early when a stop is requested. */
    void await(Duration d) {
        try {
            requested.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request();
        }
    }

    Thread installShutdownHook() {
        Thread hook = new Thread(() -> {
            request();
            try {
                finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mirror-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** The run loop is done: let a waiting hook return, and remove the hook when the JVM is not shutting down. */
    void finished(Thread hook) {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that 'finished' is counted down
        }
    }
}
