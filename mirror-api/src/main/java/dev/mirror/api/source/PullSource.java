package dev.mirror.api.source;

import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.MirrorProtocol;

/**
 * A source that core asks for changes, one cycle at a time ({@code mirror run}): Change Tracking, the sample. Created by
 * a {@link PullSourceProvider}; its context identifier is the configured one
 * ({@link dev.mirror.api.PluginContext#contextId()}, always present for a pull source).
 */
public non-sealed interface PullSource extends Source {
    /**
     * Runs one cycle against the protocol. Call {@link MirrorProtocol#schema} with every source table, then for each
     * accepted answer either {@link MirrorProtocol#repopulate} (the answer asks for it, or the stored LSN is older than
     * the source's change history) or {@link MirrorProtocol#apply} with the changes since the answered LSN, the last
     * batch carrying the new LSN. The caller (core's runner) calls {@link MirrorProtocol#complete} after this returns,
     * or {@link MirrorProtocol#fail} when it throws. Called on the runner's thread, never concurrently for the same
     * source.
     *
     * @throws MirrorException (category SOURCE) when the source as a whole cannot be read
     */
    void runCycle(MirrorProtocol protocol);
}
