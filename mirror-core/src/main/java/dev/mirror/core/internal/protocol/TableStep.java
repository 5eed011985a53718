package dev.mirror.core.internal.protocol;

import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Holds what a table step (apply, repopulate, wipe) needs: the context's lock shared (so no schema step or completion
 * of the same context runs meanwhile) and the table's own lock (so no other step on the same table runs meanwhile).
 * Taken in that order, always, so steps cannot deadlock.
 */
final class TableStep implements AutoCloseable {
    private final ReentrantReadWriteLock.ReadLock context;
    private final ReentrantLock table;

    private TableStep(ReentrantReadWriteLock.ReadLock context, ReentrantLock table) {
        this.context = context;
        this.table = table;
    }

    static TableStep enter(ReentrantReadWriteLock contextLock, TableLocks locks, String table) {
        ReentrantReadWriteLock.ReadLock shared = contextLock.readLock();
        shared.lock();
        try {
            return new TableStep(shared, locks.lock(table));
        } catch (RuntimeException | Error e) {
            shared.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            table.unlock();
        } finally {
            context.unlock();
        }
    }
}
