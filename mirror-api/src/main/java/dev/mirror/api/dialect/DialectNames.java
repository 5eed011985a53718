package dev.mirror.api.dialect;

/**
 * A target's identifier rules: how a source name becomes a target name, and how a target name is quoted in SQL.
 * Obtained through {@link TargetDialect#names()}; called by core (DDL, loads, hooks' sessions) from several threads
 * at once, so implementations are stateless or thread-safe.
 */
public interface DialectNames {
    /**
     * Maps a source identifier to one the target can hold, deterministically (the same input always gives the same
     * output): unchanged when it fits, otherwise for example truncated plus a short hash.
     *
     * @param sourceName never null
     * @throws dev.mirror.api.MirrorException (CONFIGURATION category, code {@code IDENTIFIER_INVALID}) when no mapping
     *                                        can make it valid (for example a NUL character); core fails that table only
     */
    String targetName(String sourceName);

    /**
     * Quotes a target identifier for use in SQL ({@code [a]]b]}, {@code "a""b"}). Names are untrusted: every name
     * that goes into generated SQL passes through here.
     *
     * @param targetName never null; already mapped through {@link #targetName}
     * @throws dev.mirror.api.MirrorException (CONFIGURATION, {@code IDENTIFIER_INVALID}) when the target cannot hold it
     */
    String quote(String targetName);
}
