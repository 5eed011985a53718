package dev.mirror.superoffice.sim;

import dev.mirror.api.MirrorException;
import dev.mirror.api.source.ProtocolSessions;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An in-memory {@link ProtocolSessions}: one {@link InMemoryProtocol} per context. A stand-in for
 * {@code dev.mirror.testkit.source.InMemoryMirror} until that module exists.
 */
public final class InMemorySessions implements ProtocolSessions {
    private final ConcurrentMap<String, InMemoryProtocol> contexts = new ConcurrentHashMap<>();

    @Override
    public InMemoryProtocol forContext(String contextId) {
        if (contextId == null || !contextId.matches("[A-Za-z0-9_]+")) {
            throw MirrorException.configuration("CONTEXT_ID", "context identifier must be letters, digits and _");
        }
        return contexts.computeIfAbsent(contextId, InMemoryProtocol::new);
    }

    /** The protocol of a context, or null when no call named it yet. */
    public InMemoryProtocol existing(String contextId) {
        return contexts.get(contextId);
    }
}
