package dev.mirror.superoffice;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a RowData call's batches on one helper thread while the request thread reads and decodes the next one, so
 * parsing (CPU in the endpoint) overlaps the database's work instead of alternating with it.
 *
 * <p>A bounded hand-off, one batch ahead: {@link #submit} first waits for the batch in flight, so at most two batches
 * are held at a time (the one being applied, the one just read), whatever the size of the request, and batches are
 * applied one at a time in the order they were read (so a table's batches keep their order, and a failed batch is seen
 * by the checks of every later one). Used by one request thread only; not thread-safe.
 */
final class ApplyAhead implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApplyAhead.class);

    private final String threadName;
    private ExecutorService executor;
    private Future<?> inFlight;

    /** @param threadName the helper thread's name (it appears in logs and profiles) */
    ApplyAhead(String threadName) {
        this.threadName = threadName;
    }

    /**
     * Waits for the batch in flight, then starts {@code apply} on the helper thread and returns.
     *
     * @throws RuntimeException what the batch in flight threw (rethrown as is; {@code apply} is then not started, so
     *                          the caller still owns what it holds)
     */
    void submit(Runnable apply) {
        await();
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }
        inFlight = executor.submit(apply);
    }

    /** Waits until every submitted batch is applied; rethrows what the last one threw. */
    void finish() {
        await();
    }

    private void await() {
        Future<?> f = inFlight;
        if (f == null) {
            return;
        }
        inFlight = null;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    // The batch commits or rolls back on its own; returning before it ends would let a later step of the
                    // same table overtake it, so keep waiting and pass the interrupt on afterwards.
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException("applying a batch failed: " + cause, cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for a batch still in flight (when reading failed), then stops the helper thread. Never throws. */
    @Override
    public void close() {
        try {
            await();
        } catch (RuntimeException | Error e) {
            // reading failed first and that failure is what the call reports; this one is already in the table's state
            LOG.warn("a RowData batch applied while the request failed also failed: {}", e.toString());
        } finally {
            if (executor != null) {
                executor.shutdown();
            }
        }
    }
}
