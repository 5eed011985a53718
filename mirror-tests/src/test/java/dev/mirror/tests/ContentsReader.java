package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reader of a mirror table running in a loop on its own connection while a test repopulates the table, recording every
 * distinct fingerprint it sees (count, checksum...) and every error, so the test can assert that only the complete old
 * or the complete new contents were ever visible.
 */
final class ContentsReader implements AutoCloseable {
    /** Reads the table's fingerprint. */
    @FunctionalInterface
    interface Fingerprint {
        String read(Connection c) throws SQLException;
    }

    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicInteger reads = new AtomicInteger();
    private final Thread thread;

    ContentsReader(Connection connection, Fingerprint fingerprint) {
        thread = new Thread(() -> {
            try (connection) {
                while (!stop.get()) {
                    try {
                        seen.add(fingerprint.read(connection));
                        reads.incrementAndGet();
                    } catch (SQLException e) {
                        errors.add(e.getMessage());
                        pause();
                    }
                }
            } catch (SQLException ignored) {
                // closing the reader's connection
            }
        }, "contents-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops reading and checks that only {@code before} and {@code after} were seen, without errors, {@code before} among them. */
    void assertOnlySaw(String before, String after) throws InterruptedException {
        assertOnlySaw(before, after, e -> false);
    }

    /**
     * As {@link #assertOnlySaw(String, String)}, where reader errors that {@code documented} accepts (a target's
     * documented limit, e.g. H2's instant without the table during a recreate's DDL swap) are allowed, at most twice.
     */
    void assertOnlySaw(String before, String after, java.util.function.Predicate<String> documented) throws InterruptedException {
        close();
        assertThat(after).as("the repopulation changed the contents").isNotEqualTo(before);
        assertThat(errors).as("reader errors").allMatch(documented).hasSizeLessThanOrEqualTo(2);
        assertThat(reads.get()).as("the reader read during the repopulation").isGreaterThan(3);
        assertThat(seen).as("readers see the old or the new complete contents, nothing between").isSubsetOf(before, after);
        assertThat(seen).as("the old contents were visible while the new ones loaded").contains(before);
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join(30_000);
    }
}
