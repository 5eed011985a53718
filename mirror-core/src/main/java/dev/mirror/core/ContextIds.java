package dev.mirror.core;

import dev.mirror.api.MirrorException;
import java.util.regex.Pattern;

/** Validation of context identifiers: they become part of a table name, so only letters, digits and {@code _}. */
public final class ContextIds {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_]{1,100}");

    private ContextIds() {
    }

    /** Returns the identifier when valid, else throws a CONFIGURATION error saying what is allowed. */
    public static String require(String contextId) {
        if (contextId == null || !VALID.matcher(contextId).matches()) {
            throw MirrorException.configuration("CONTEXT_INVALID", "context identifier "
                    + (contextId == null ? "is missing" : "'" + printable(contextId) + "' is invalid")
                    + ": use 1 to 100 letters, digits and '_' (for example Cust12345); it becomes part of the metadata table name");
        }
        return contextId;
    }

    /** The metadata table of a context: {@code <context>_mirroring}. */
    public static String metadataTable(String contextId) {
        return require(contextId) + "_mirroring";
    }

    private static String printable(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
