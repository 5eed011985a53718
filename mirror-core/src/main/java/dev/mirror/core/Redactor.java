package dev.mirror.core;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Pattern;

/**
 * Masks secrets in text before it is logged or reported: every value read as a secret from the configuration,
 * plus password-like parameters inside JDBC URLs and connection strings, whatever their origin (driver messages
 * sometimes echo the URL).
 */
public final class Redactor {
    public static final String MASK = "****";
    private static final Pattern URL_SECRET = Pattern.compile(
            "(?i)((?:password|pwd|secret|token|accesstoken|privatekey)\\s*[=:]\\s*)([^;&\\s,'\"]+)");

    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    /** Registers values that must never appear (ignores null and values shorter than 3 characters). */
    public void addSecrets(Collection<String> values) {
        for (String v : values) {
            if (v != null && v.length() >= 3) {
                secrets.add(v);
            }
        }
    }

    public void addSecret(String value) {
        addSecrets(value == null ? List.of() : List.of(value));
    }

    /** The text with every known secret and every {@code password=...} parameter masked. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String r = text;
        for (String s : secrets) {
            r = r.replace(s, MASK);
        }
        return URL_SECRET.matcher(r).replaceAll("$1" + MASK);
    }

    /** The message of a throwable and its causes, redacted. */
    public String describe(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
            if (b.indexOf(m) < 0) {
                b.append(b.length() == 0 ? "" : "; caused by: ").append(m);
            }
        }
        return redact(b.toString());
    }
}
