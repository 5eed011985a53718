package dev.mirror.api.source;

import dev.mirror.api.admin.Diagnostics;
import java.util.Optional;

/**
 * What every source shares, whichever kind it is: a source is either a {@link PullSource} (core asks it to run a cycle)
 * or a {@link PushSource} (it listens and pushes changes when its caller sends them). The interface is sealed: a source
 * implements exactly one of the two, so a source that can do neither does not compile. Neither kind knows any target:
 * everything goes through {@link dev.mirror.api.protocol.MirrorProtocol}.
 */
public sealed interface Source extends AutoCloseable permits PullSource, PushSource {
    /**
     * Access to the source's current data, used by {@code mirror verify}; empty when the source cannot be read that way
     * (then verify says so). Called on the main thread, after {@code create}. Never null.
     */
    default Optional<SnapshotReader> snapshotReader() {
        return Optional.empty();
    }

    /**
     * The source's status details and admin commands ({@code mirror status}, the status page, {@code mirror admin});
     * empty when it offers none. Called on the main thread after {@code create}, and again by the status page on a
     * web-server thread; cheap (returns an object, connects to nothing). Never null. Added in SPI 2.1.
     */
    default Optional<Diagnostics> diagnostics() {
        return Optional.empty();
    }

    /**
     * Releases connections and stops listeners. Called once by core when the mirror closes (also after a configuration
     * error, so that a source created before the error does not leak); must not throw.
     */
    @Override
    void close();
}
