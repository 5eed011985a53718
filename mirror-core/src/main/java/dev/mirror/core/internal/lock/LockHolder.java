package dev.mirror.core.internal.lock;

import java.time.LocalDateTime;

/**
 * Who holds a run lock.
 *
 * @param owner     a unique id of the holding run
 * @param host      the holder's host name
 * @param pid       the holder's process id
 * @param heartbeat the holder's last heartbeat, UTC
 * @param expires   when the lock lapses unless renewed, UTC
 */
public record LockHolder(String owner, String host, long pid, LocalDateTime heartbeat, LocalDateTime expires) {
    /** One line for messages: {@code run 3f2a… on host db1, pid 4711, heartbeat 2024-01-01T10:00:00 UTC}. */
    public String describe() {
        return "run " + owner + " on host " + host + ", pid " + pid + ", last heartbeat " + heartbeat + " UTC, expires "
                + expires + " UTC";
    }
}
