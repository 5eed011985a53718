package dev.mirror.core.run;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.core.internal.lock.TargetLock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A taken run lock and its heartbeat thread, which renews it every third of its time-to-live. A lost lock (another run
 * took it over after our heartbeat lapsed) calls {@code onLost} so the run stops between batches, and
 * {@link #check()} then throws {@code LOCK_LOST} before the next cycle. Closing stops the heartbeat and releases the
 * lock.
 */
final class RunLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunLease.class);

    private final TargetLock lock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mirror-lock-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<MirrorException> lost = new AtomicReference<>();

    RunLease(TargetLock lock, Duration ttl, Runnable onLost) {
        this.lock = requireNonNull(lock, "lock is null");
        requireNonNull(onLost, "onLost is null");
        long period = Math.max(1000, ttl.toMillis() / 3);
        timer.scheduleWithFixedDelay(() -> {
            try {
                lock.heartbeat();
            } catch (MirrorException e) {
                if (e.code().equals("LOCK_LOST")) {
                    lost.set(e);
                    onLost.run();
                }
                // a heartbeat that fails while the target is briefly away is harmless: the lock lasts lockTtl
                LOG.warn("run lock heartbeat failed: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("run lock heartbeat failed: {}", e.toString());
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** Throws {@code LOCK_LOST} when another run took the lock over. */
    void check() {
        MirrorException e = lost.get();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (lost.get() != null) {
            return; // not ours any more: release would delete nothing, and the target may be what failed
        }
        try {
            lock.release();
        } catch (MirrorException e) {
            // the lock lapses after its time-to-live; the next run waits at most that long
            LOG.warn("could not release the run lock in {} (it expires by itself): {}", lock.tableName(), e.getMessage());
        }
    }
}
