package dev.mirror.core.internal.protocol;

import dev.mirror.core.ContextPolicy;
import static java.util.Objects.requireNonNull;

import dev.mirror.api.protocol.MirrorProtocol;
import dev.mirror.api.source.ProtocolSessions;
import dev.mirror.core.Blocklist;
import dev.mirror.api.ContextId;
import dev.mirror.core.ProgressListener;
import dev.mirror.core.Redactor;
import dev.mirror.core.internal.hooks.CoreHookContext;
import dev.mirror.core.internal.hooks.CoreTargetSession;
import dev.mirror.core.internal.hooks.HookDispatcher;
import dev.mirror.core.internal.database.TargetConnections;
import dev.mirror.core.internal.database.TargetDatabase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link CoreProtocol} per context identifier, created on first use against the context's target. A context the
 * {@link ContextPolicy} does not admit is refused before its target is resolved (no pool, no database file, nothing
 * written).
 */
public final class CoreProtocolSessions implements ProtocolSessions {
    private final TargetConnections targets;
    private final Blocklist blocklist;
    private final HookDispatcher hooks;
    private final Redactor redactor;
    private final ProgressListener progress;
    private final ContextPolicy policy;
    private final int workers;
    private final dev.mirror.core.config.TableOptionsSettings options;
    private final Map<ContextId, CoreProtocol> protocols = new ConcurrentHashMap<>();

    /** Sessions that admit every context ({@link ContextPolicy#unrestricted()}). */
    public CoreProtocolSessions(TargetConnections targets, Blocklist blocklist, HookDispatcher hooks, Redactor redactor,
                                ProgressListener progress) {
        this(targets, blocklist, hooks, redactor, progress, ContextPolicy.unrestricted());
    }

    public CoreProtocolSessions(TargetConnections targets, Blocklist blocklist, HookDispatcher hooks, Redactor redactor,
                                ProgressListener progress, ContextPolicy policy) {
        this(targets, blocklist, hooks, redactor, progress, policy, 1, dev.mirror.core.config.TableOptionsSettings.NONE);
    }

    /**
     * @param workers tables a pull cycle processes at once ({@code run.workers}, at most the target's pool size)
     * @param options the table options every context's tables are mirrored with
     */
    public CoreProtocolSessions(TargetConnections targets, Blocklist blocklist, HookDispatcher hooks, Redactor redactor,
                                ProgressListener progress, ContextPolicy policy, int workers,
                                dev.mirror.core.config.TableOptionsSettings options) {
        this.workers = workers;
        this.targets = requireNonNull(targets, "targets is null");
        this.blocklist = requireNonNull(blocklist, "blocklist is null");
        this.hooks = requireNonNull(hooks, "hooks is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.options = requireNonNull(options, "options is null");
    }

    @Override
    public CoreProtocol forContext(ContextId contextId) {
        java.util.Objects.requireNonNull(contextId, "contextId is null");
        policy.admit(contextId);
        return protocols.computeIfAbsent(contextId, ctx -> {
            TargetDatabase db = targets.forContext(ctx);
            return new CoreProtocol(ctx, db, blocklist, hooks, new CoreHookContext(ctx, new CoreTargetSession(db)), redactor, progress,
                    workers, options);
        });
    }

    /** Which contexts these sessions admit. */
    public ContextPolicy policy() {
        return policy;
    }

    /** For callers that only need the SPI view. */
    public MirrorProtocol protocol(ContextId contextId) {
        return forContext(contextId);
    }
}
