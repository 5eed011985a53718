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

    /** Optional access to the source's current data, used by {@code mirror verify}. */
    default java.util.Optional<SnapshotReader> snapshotReader() {
        return java.util.Optional.empty();
    }

    /** Releases connections and stops listeners. */
    @Override
    void close();
}
