package dev.mirror.cli.web;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps the page's data fresh without letting viewers load the target: contexts are read from their targets (one
 * metadata query and one COUNT per table) on a background thread, at most every {@link #REFRESH} and only while someone
 * looked at the page in the last minute, or after a cycle changed something; requests get the last reading at once.
 * Readiness probes run every {@link #PROBE} on another thread, whoever is looking.
 */
public final class StatusService implements AutoCloseable {
    static final Duration REFRESH = Duration.ofSeconds(10);
    static final Duration PROBE = Duration.ofSeconds(3);
    private static final Duration VIEWERS_STAY = Duration.ofMinutes(1);

    private final StatusBoard board;
    private final Readiness readiness;
    private final Supplier<List<String>> contexts;
    private final Function<String, ContextStatus> reader;
    private final Clock clock;
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "mirror-status");
        t.setDaemon(true);
        return t;
    });
    private final Object refreshing = new Object();
    private volatile List<ContextStatus> read;
    private volatile Instant readAt = Instant.EPOCH;
    private volatile long readVersion = -1;
    private volatile Instant viewedAt = Instant.EPOCH;

    /**
     * @param contexts the contexts to show (read at each refresh)
     * @param reader   reads one context from its target (must not throw: a failure is part of the status)
     */
    public StatusService(StatusBoard board, Readiness readiness, Supplier<List<String>> contexts,
                         Function<String, ContextStatus> reader, Clock clock) {
        this.board = requireNonNull(board, "board is null");
        this.readiness = requireNonNull(readiness, "readiness is null");
        this.contexts = requireNonNull(contexts, "contexts is null");
        this.reader = requireNonNull(reader, "reader is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Starts the background probes and refreshes. */
    public StatusService start() {
        threads.scheduleWithFixedDelay(this::probeQuietly, 0, PROBE.toMillis(), TimeUnit.MILLISECONDS);
        threads.scheduleWithFixedDelay(this::refreshIfWatched, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    /** What the page shows now; the first view reads the targets on the calling thread (there is nothing to show yet). */
    public PageData view() {
        viewedAt = clock.instant();
        if (read == null) {
            refresh();
        }
        return new PageData(readAt, readiness.state(), read, board);
    }

    /** What {@code /readyz} answers now. */
    public Readiness.State readiness() {
        return readiness.state();
    }

    private void probeQuietly() {
        try {
            readiness.probe();
        } catch (RuntimeException e) {
            // probe() catches the target's failures; anything else must not end the scheduled probes
        }
    }

    private void refreshIfWatched() {
        try {
            Instant now = clock.instant();
            boolean watched = Duration.between(viewedAt, now).compareTo(VIEWERS_STAY) < 0;
            boolean stale = Duration.between(readAt, now).compareTo(REFRESH) >= 0 || board.version() != readVersion;
            if (watched && stale) {
                refresh();
            }
        } catch (RuntimeException e) {
            // the reader reports target failures in the status; keep the schedule alive whatever happens
        }
    }

    private void refresh() {
        synchronized (refreshing) {
            long version = board.version();
            List<ContextStatus> r = new ArrayList<>();
            for (String c : contexts.get()) {
                r.add(reader.apply(c));
            }
            read = List.copyOf(r);
            readAt = clock.instant();
            readVersion = version;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
