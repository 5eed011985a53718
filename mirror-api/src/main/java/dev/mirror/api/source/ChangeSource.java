package dev.mirror.api.source;

import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.MirrorProtocol;

/**
 * A source of row changes. A <em>pull</em> source (Change Tracking, the sample) implements
 * {@link #runCycle}; a <em>push</em> source (the SuperOffice endpoint) implements {@link #serve} and
 * returns true from {@link #isPush()}. Neither knows any target: everything goes through
 * {@link MirrorProtocol}.
 */
public interface ChangeSource extends AutoCloseable {
    /** Whether this source listens for pushed calls instead of running cycles when asked. */
    default boolean isPush() {
        return false;
    }

    /**
     * Pull sources: run one cycle against the protocol. Call {@link MirrorProtocol#schema} with every source
     * table, then for each accepted answer either {@link MirrorProtocol#repopulate} (answer asks for it, or
     * the stored LSN is older than the source's change history) or {@link MirrorProtocol#apply} with the
     * changes since the answered LSN, the last batch carrying the new LSN. The caller (core's runner)
     * calls {@link MirrorProtocol#complete} after this returns, or {@link MirrorProtocol#fail} when it throws.
     * Called on the runner's thread, never concurrently for the same source.
     *
     * @throws MirrorException (category SOURCE) when the source as a whole cannot be read
     */
    default void runCycle(MirrorProtocol protocol) {
        throw new MirrorException("UNSUPPORTED", dev.mirror.api.ErrorCategory.CONFIGURATION,
                getClass().getSimpleName() + " is a push source; use 'mirror serve' instead of a pull cycle");
    }

    /**
     * Push sources: start listening and return once ready; calls are turned into protocol steps through
     * {@code sessions}. Runs until {@link #close()}.
     */
    default void serve(ProtocolSessions sessions) {
        throw new MirrorException("UNSUPPORTED", dev.mirror.api.ErrorCategory.CONFIGURATION,
                getClass().getSimpleName() + " is a pull source; use 'mirror run'");
    }

    /**
     * Push sources: the context identifiers this source accepts calls for, as its configuration declares them (by
     * convention the source key {@code allowedContexts}, which core's messages name), or empty when the source
     * declares no restriction. Core reads it once, on the main thread, after the provider's {@code create} returned,
     * and enforces it for every caller: a context not in the set is refused by
     * {@link ProtocolSessions#forContext} (so the source answers it in-band, before anything is written), and a push
     * source that lets more than one context push into a target that does not route per context ({@code {ctx}} in
     * the target URL) is refused before it serves. The source itself need not check the set. Never null; a present
     * set is never empty. Pull sources keep the default.
     */
    default java.util.Optional<java.util.Set<String>> allowedContexts() {
        return java.util.Optional.empty();
    }

    /** Optional access to the source's current data, used by {@code mirror verify}. */
    default java.util.Optional<SnapshotReader> snapshotReader() {
        return java.util.Optional.empty();
    }

    /** Releases connections and stops listeners. */
    @Override
    void close();
}
