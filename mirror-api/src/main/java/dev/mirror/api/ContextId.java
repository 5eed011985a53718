package dev.mirror.api;

import java.util.regex.Pattern;

/**
 * A context identifier: which source database (tenant) a change belongs to, e.g. {@code Cust12345}. It becomes part of
 * table names in the target ({@code Cust12345_mirroring}), so it is 1 to 100 letters, digits and {@code _}. Validated
 * once, here: holding a {@code ContextId} means holding a valid one.
 *
 * @param value the identifier as written, case kept
 */
public record ContextId(String value) {
    /** The longest identifier accepted (it must still fit in a table name with a suffix). */
    public static final int MAX_LENGTH = 100;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_]{1," + MAX_LENGTH + "}");

    /**
     * @throws MirrorException CONFIGURATION {@code CONTEXT_INVALID} saying what is wrong and what is allowed
     */
    public ContextId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw MirrorException.configuration("CONTEXT_INVALID", "context identifier " + what(value)
                    + ": use 1 to " + MAX_LENGTH + " letters, digits and '_' (for example Cust12345); it becomes part of "
                    + "the metadata table name");
        }
    }

    /**
     * Parses a context identifier (from a configuration file, a command line or a pushed request).
     *
     * @throws MirrorException CONFIGURATION {@code CONTEXT_INVALID} when {@code value} is null, empty, too long or has
     *                         characters other than letters, digits and {@code _}
     */
    public static ContextId of(String value) {
        return new ContextId(value);
    }

    /** Whether {@code value} would be accepted by {@link #of}. */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    /** The identifier itself, so that it can be concatenated into names and messages. */
    @Override
    public String toString() {
        return value;
    }

    private static String what(String value) {
        if (value == null) {
            return "is missing";
        }
        if (value.isEmpty()) {
            return "is empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "'" + printable(value) + "' is too long (" + value.length() + " characters)";
        }
        return "'" + printable(value) + "' is invalid (it contains characters other than letters, digits and '_')";
    }

    private static String printable(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
