package dev.mirror.api.source;

/** What core tells a source when creating it. */
public interface SourceContext {
    /** The configured context identifier (pull sources); push sources learn it per call. */
    String contextId();

    /** Masks a secret so it can be shown: {@code "****"}. Sources never log a secret unmasked. */
    default String mask(String secret) {
        return secret == null ? "null" : "****";
    }
}
