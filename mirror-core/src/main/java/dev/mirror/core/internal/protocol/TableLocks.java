package dev.mirror.core.internal.protocol;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** One lock per table of a context: never two protocol steps at once for the same (context, table). */
final class TableLocks {
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    ReentrantLock lock(String table) {
        ReentrantLock l = locks.computeIfAbsent(table.toLowerCase(Locale.ROOT), k -> new ReentrantLock(true));
        l.lock();
        return l;
    }
}
