package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.core.Mirror;
import dev.mirror.core.lock.TargetLock;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The run lock of a mirror (target + context) and its heartbeat thread. */
final class RunLock {
    private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);

    private RunLock() {
    }

    static TargetLock create(Mirror mirror, Duration ttl) {
        return new TargetLock(mirror.target(), mirror.contextId(), UUID.randomUUID().toString(), host(),
                ProcessHandle.current().pid(), ttl, Clock.systemUTC());
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown-host";
        }
    }

    /** Renews the lock every third of its time-to-live; a lost lock stops the run before its next cycle. */
    static Heartbeat heartbeat(TargetLock lock, Duration ttl, StopSignal stop) {
        return new Heartbeat(lock, ttl, stop);
    }

    static final class Heartbeat implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mirror-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
        private final AtomicReference<MirrorException> lost = new AtomicReference<>();

        Heartbeat(TargetLock lock, Duration ttl, StopSignal stop) {
            long period = Math.max(1000, ttl.toMillis() / 3);
            timer.scheduleWithFixedDelay(() -> {
                try {
                    lock.heartbeat();
                } catch (MirrorException e) {
                    if (e.code().equals("LOCK_LOST")) {
                        lost.set(e);
                        stop.request();
                    }
                    LOG.warn("run lock heartbeat failed: {}", e.getMessage());
                }
            }, period, period, TimeUnit.MILLISECONDS);
        }

        /** Throws when another run took the lock over. */
        void check() {
            MirrorException e = lost.get();
            if (e != null) {
                throw e;
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
