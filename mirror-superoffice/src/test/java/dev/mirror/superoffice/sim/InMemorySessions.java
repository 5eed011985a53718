package dev.mirror.superoffice.sim;

import dev.mirror.api.ContextId;
import dev.mirror.api.source.ProtocolSessions;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An in-memory {@link ProtocolSessions}: one {@link InMemoryProtocol} per context, for the endpoint's wire-level tests
 * (they inspect the completions and per-table concurrency it records). The only fake protocol left in the project:
 * {@code InMemoryProtocolMatchesCoreTest} proves it ends every scripted SOAP cycle where core ends; the mirror's
 * contents are proven on core by {@code SuperOfficePushKitTest}.
 */
public final class InMemorySessions implements ProtocolSessions {
    private final ConcurrentMap<String, InMemoryProtocol> contexts = new ConcurrentHashMap<>();

    @Override
    public InMemoryProtocol forContext(ContextId contextId) {
        return contexts.computeIfAbsent(contextId.value(), c -> new InMemoryProtocol(contextId));
    }

    /** The protocol of a context, or null when no call named it yet. */
    public InMemoryProtocol existing(String contextId) {
        return contexts.get(contextId);
    }
}
