package dev.mirror.api.source;

import dev.mirror.api.ContextId;
import java.util.Optional;
import java.util.Set;

/**
 * A source that listens and pushes changes when its caller sends them ({@code mirror serve}): the SuperOffice endpoint.
 * Created by a {@link PushSourceProvider}; it learns the context of every call from the call itself and turns it into
 * protocol steps through {@link ProtocolSessions#forContext}.
 */
public non-sealed interface PushSource extends Source {
    /**
     * Starts listening and returns once ready; calls are turned into protocol steps through {@code sessions}. Runs until
     * {@link #close()}. Called once, on the main thread, after core checked that the tenants it may serve are kept
     * apart.
     *
     * @throws dev.mirror.api.MirrorException (CONFIGURATION) when it cannot listen (port taken, bad certificate)
     */
    void serve(ProtocolSessions sessions);

    /**
     * The contexts this source accepts calls for, as its configuration declares them (by convention the source key
     * {@code allowedContexts}, which core's messages name), or empty when the source declares no restriction. Core reads
     * it once, on the main thread, after the provider's {@code create} returned, and enforces it for every caller: a
     * context not in the set is refused by {@link ProtocolSessions#forContext} (so the source answers it in-band, before
     * anything is written), and a push source that lets more than one context push into a target that does not route
     * per context ({@code {ctx}} in the target URL) is refused before it serves. The source itself need not check the
     * set. Never null; a present set is never empty. Parse the configured strings with {@link ContextId#of} and record a
     * bad one as a configuration problem.
     */
    default Optional<Set<ContextId>> allowedContexts() {
        return Optional.empty();
    }
}
