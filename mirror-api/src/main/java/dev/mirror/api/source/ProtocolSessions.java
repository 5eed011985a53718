package dev.mirror.api.source;

import dev.mirror.api.ContextId;
import dev.mirror.api.protocol.MirrorProtocol;

/**
 * Given to push sources: the protocol for a context identifier, created on first use (its target is
 * resolved from the configuration's target template or a resolve-connection hook). Thread-safe.
 */
public interface ProtocolSessions {
    /**
     * The protocol instance for {@code contextId}. A push source parses the identifier from the call with {@link ContextId#of}, which refuses a malformed one
     * (CONFIGURATION {@code CONTEXT_INVALID}); it answers that in-band like the errors below.
     *
     * @throws dev.mirror.api.MirrorException (CONFIGURATION) when no target can be resolved for it, or the context may
     *                                        not push to this mirror ({@code CONTEXT_NOT_ALLOWED}: not among the
     *                                        source's {@link PushSource#allowedContexts}; {@code TENANTS_NOT_ISOLATED}:
     *                                        several tenants would share one target). A push source answers it
     *                                        in-band; nothing has been written for that context.
     */
    MirrorProtocol forContext(ContextId contextId);
}
