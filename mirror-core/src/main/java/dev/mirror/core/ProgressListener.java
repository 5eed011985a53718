package dev.mirror.core;

/** Receives progress of long work (full population) so a front end can show it. Must be cheap and never throw. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() { };

    /** A table's full population started. */
    default void populationStarted(String table) {
    }

    /** {@code rows} rows of a table have been loaded so far. */
    default void populating(String table, long rows) {
    }

    /** A table's full population committed. */
    default void populationFinished(String table, long rows, long nanos) {
    }
}
