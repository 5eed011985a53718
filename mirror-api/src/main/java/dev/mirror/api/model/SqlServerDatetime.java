package dev.mirror.api.model;

import java.time.LocalDateTime;

/**
 * SQL Server's {@code datetime} precision, for targets that hold a {@link SqlServerType#DATETIME} column in another
 * type (a millisecond timestamp) and must show the same value SQL Server shows.
 *
 * <p>{@code datetime} stores time in ticks of 1/300 second and is "rounded to increments of .000, .003, or .007
 * seconds" (https://learn.microsoft.com/sql/t-sql/data-types/datetime-transact-sql, "Rounding of datetime
 * fractional second precision": .990/.991 become .990, .992 to .994 become .993, .995 to .998 become .997, .999
 * becomes the next second). So a value is first rounded to the nearest tick (half up), then the tick is shown
 * as the nearest millisecond: tick 1 of a second is .003 (3.33 ms), tick 2 is .007 (6.67 ms). A source value of
 * {@code .0066667} (2 ticks, as a driver may report it with full nanoseconds) therefore becomes {@code .007},
 * not {@code .006} as a plain truncation to milliseconds would make it. Values already on that grid (what SQL
 * Server itself returns) are unchanged. The rounding may carry into the next second, day or year, as on SQL
 * Server.
 */
public final class SqlServerDatetime {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long TICKS_PER_SECOND = 300;

    private SqlServerDatetime() {
    }

    /** {@code value} as SQL Server's {@code datetime} holds and shows it; null stays null. */
    public static LocalDateTime round(LocalDateTime value) {
        if (value == null) {
            return null;
        }
        long nanos = value.getNano();
        // nearest tick, half up: (nanos * 300 + 0.5 s) / 1 s
        long ticks = (nanos * TICKS_PER_SECOND + NANOS_PER_SECOND / 2) / NANOS_PER_SECOND;
        // the tick shown as the nearest millisecond: ticks * 10/3 ms, rounded (never a tie: 10/3 has no .5)
        long millis = (ticks * 10 + 1) / 3;
        return value.withNano(0).plusNanos(millis * 1_000_000L);
    }
}
