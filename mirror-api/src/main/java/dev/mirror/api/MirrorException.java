package dev.mirror.api;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type of the mirror SPI. Every failure that crosses a plugin boundary is a
 * {@code MirrorException} with a stable {@link #code() code} (for example {@code TARGET_DEADLOCK},
 * {@code CONFIG_INVALID}), a {@link #category() category} and a {@link #retryable() retryable} flag.
 *
 * <p>Messages must say what is wrong and what to do, and must never contain a secret (password, private
 * key, token). Core retries retryable failures with backoff; a non-retryable failure fails the table (or
 * the cycle, for configuration errors) and is reported.
 */
public class MirrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final ErrorCategory category;
    private final boolean retryable;

    /**
     * @param code      stable upper-case code, never null
     * @param category  category, never null
     * @param retryable whether the same operation may succeed if repeated later
     * @param message   what is wrong and what to do; never a secret
     * @param cause     the underlying failure, may be null
     */
    public MirrorException(String code, ErrorCategory category, boolean retryable, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.category = requireNonNull(category, "category is null");
        this.retryable = retryable;
    }

    /** A non-retryable failure without a cause. */
    public MirrorException(String code, ErrorCategory category, String message) {
        this(code, category, false, message, null);
    }

    /** A configuration error: not retryable. */
    public static MirrorException configuration(String code, String message) {
        return new MirrorException(code, ErrorCategory.CONFIGURATION, false, message, null);
    }

    /** A target failure. */
    public static MirrorException target(String code, boolean retryable, String message, Throwable cause) {
        return new MirrorException(code, ErrorCategory.TARGET, retryable, message, cause);
    }

    /** A source failure. */
    public static MirrorException source(String code, boolean retryable, String message, Throwable cause) {
        return new MirrorException(code, ErrorCategory.SOURCE, retryable, message, cause);
    }

    /** A defect. */
    public static MirrorException internal(String message, Throwable cause) {
        return new MirrorException("INTERNAL", ErrorCategory.INTERNAL, false, message, cause);
    }

    public String code() {
        return code;
    }

    public ErrorCategory category() {
        return category;
    }

    public boolean retryable() {
        return retryable;
    }

    @Override
    public String toString() {
        return "MirrorException[" + code + ", " + category + (retryable ? ", retryable" : "") + "]: " + getMessage();
    }
}
