package dev.mirror.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM / Ctrl-C for the command that is running, and the exit code the process ends with afterwards.
 *
 * <p>The JVM ends a process stopped by a signal with 143 (128 + SIGTERM) once its shutdown hooks return, whatever the
 * program meant to exit with. So the hook asks the running command to stop ({@link #onRequest}: the runner stops
 * between batches), waits (up to {@link #GRACE}) until {@code main} has the command's exit code, and then ends the
 * process with that code through {@link Runtime#halt}: {@code run --once}, {@code run --every} and {@code serve} exit
 * with the codes docs/exit-codes.md documents, also after SIGTERM.
 */
final class StopSignal {
    static final Duration GRACE = Duration.ofMinutes(10);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile int exitCode = ExitCodes.INTERNAL;

    /** Asks the running command to stop (what SIGTERM does). */
    void request() {
        requested.countDown();
        listeners.forEach(Runnable::run);
    }

    /** Runs {@code listener} on a stop request, at once if one came already (e.g. SIGTERM while connecting). */
    void onRequest(Runnable listener) {
        listeners.add(listener);
        if (requested()) {
            listener.run();
        }
    }

    boolean requested() {
        return requested.getCount() == 0;
    }

    /** Installs the shutdown hook (only {@code main} does: in-process callers such as tests keep their JVM). */
    Thread installShutdownHook() {
        Thread hook = new Thread(() -> {
            if (listeners.isEmpty()) {
                return; // nothing to stop cleanly (status, validate, ... or still starting): the JVM's default ending
            }
            request();
            try {
                if (finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    System.out.flush();
                    System.err.flush();
                    Runtime.getRuntime().halt(exitCode);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mirror-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /**
     * Ends the process with {@code code}: normally through {@link System#exit}; when a signal already started the
     * shutdown, by handing the code to the waiting hook, which halts with it.
     */
    void exit(Thread hook, int code) {
        exitCode = code;
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // a signal started the shutdown: the hook halts with exitCode now; System.exit would block forever
            try {
                hook.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.exit(code);
    }
}
