package dev.mirror.core.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A one-way stop request that sleeping runner code wakes up for. */
final class StopLatch {
    private final CountDownLatch requested = new CountDownLatch(1);

    void request() {
        requested.countDown();
    }

    boolean requested() {
        return requested.getCount() == 0;
    }

    /** Sleeps up to {@code d}; returns early (true) when a stop is requested. An interrupt counts as a stop request. */
    boolean await(Duration d) {
        try {
            return requested.await(Math.max(0, d.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            request();
            return true;
        }
    }
}
