package dev.mirror.core.internal.options;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The times of the mode columns: UTC, in microseconds, strictly increasing within a process. History mode needs the
 * last: a key's new version must never get the {@code _mirror_valid_from} of an earlier version of the same key (it is
 * part of the key), even when two batches of one table follow within the same microsecond.
 */
public final class VersionClock {
    private final Clock clock;
    private LocalDateTime last = LocalDateTime.MIN;

    public VersionClock() {
        this(Clock.systemUTC());
    }

    VersionClock(Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock is null");
    }

    /** A time later than every time this clock gave before. */
    public synchronized LocalDateTime next() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        last = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
        return last;
    }
}
