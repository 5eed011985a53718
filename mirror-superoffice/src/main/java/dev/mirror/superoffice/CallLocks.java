package dev.mirror.superoffice;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps calls apart: never two at once for the same (context, table) — a lock striped by that pair — and
 * a TableSchema or ReplicationCompleted call (which concern every table of a context) never overlaps a
 * RowData or Wipe call of the same context (a per-context read/write lock: table calls share it, the
 * context-wide calls take it alone). Calls for other tables and other tenants run concurrently. Core
 * serializes the same way; this module does not rely on it.
 */
final class CallLocks {
    private static final int STRIPES = 256;

    private final ReentrantLock[] tableStripes = new ReentrantLock[STRIPES];
    private final ConcurrentMap<String, ReentrantReadWriteLock> contexts = new ConcurrentHashMap<>();

    CallLocks() {
        for (int i = 0; i < STRIPES; i++) {
            tableStripes[i] = new ReentrantLock();
        }
    }

    /** The lock of one (context, table); table names compare case-insensitively, as SQL Server's do. */
    ReentrantLock table(String contextId, String table) {
        int h = (contextId + '\u0000' + table.toLowerCase(Locale.ROOT)).hashCode();
        return tableStripes[Math.floorMod(h ^ (h >>> 16), STRIPES)];
    }

    /** The context's read/write lock: read for table calls, write for context-wide calls. */
    ReentrantReadWriteLock context(String contextId) {
        return contexts.computeIfAbsent(contextId, c -> new ReentrantReadWriteLock(true));
    }
}
