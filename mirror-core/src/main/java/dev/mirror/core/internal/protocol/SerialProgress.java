package dev.mirror.core.internal.protocol;

import dev.mirror.core.ProgressListener;

/** Calls a front end's {@link ProgressListener} one call at a time when several tables load at once. */
final class SerialProgress implements ProgressListener {
    private final ProgressListener delegate;

    SerialProgress(ProgressListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized void populationStarted(String table) {
        delegate.populationStarted(table);
    }

    @Override
    public synchronized void populating(String table, long rows) {
        delegate.populating(table, rows);
    }

    @Override
    public synchronized void populationFinished(String table, long rows, long nanos) {
        delegate.populationFinished(table, rows, nanos);
    }
}
