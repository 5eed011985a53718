package dev.mirror.core.internal.database;

/**
 * How often and how patiently retryable target failures (deadlock victim, lock timeout, lost connection) are
 * retried: exponential backoff from {@code initialBackoffMillis}, capped at {@code maxBackoffMillis}.
 */
public record RetryPolicy(int attempts, long initialBackoffMillis, long maxBackoffMillis) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, 200, 5_000);

    public RetryPolicy {
        if (attempts < 1 || initialBackoffMillis < 0 || maxBackoffMillis < initialBackoffMillis) {
            throw new IllegalArgumentException("invalid retry policy");
        }
    }

    /** The wait before attempt {@code attempt + 1}. */
    public long backoffMillis(int attempt) {
        long b = initialBackoffMillis << Math.min(attempt - 1, 20);
        return Math.min(b, maxBackoffMillis);
    }
}
