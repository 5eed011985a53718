package dev.mirror.core;

import static java.util.Objects.requireNonNull;

import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.ContextId;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.PushSource;
import dev.mirror.api.source.Source;
import dev.mirror.api.source.SnapshotReader;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.config.MirrorSettings;
import dev.mirror.core.config.RunSettings;
import dev.mirror.core.internal.hooks.HookDispatcher;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.core.plugins.PluginRegistry;
import dev.mirror.core.internal.protocol.CoreProtocol;
import dev.mirror.core.internal.protocol.CoreProtocolSessions;
import dev.mirror.core.internal.database.TargetConnections;
import dev.mirror.core.internal.database.RowCounts;
import dev.mirror.core.internal.database.TargetDatabase;
import dev.mirror.core.verify.MirrorVerifier;
import dev.mirror.core.verify.TableComparator;
import dev.mirror.core.verify.VerificationReport;
import java.util.List;
import java.util.Map;

/**
 * One configured mirror: a source, a target and hooks, wired by Guice from a validated configuration (see
 * {@link MirrorBuilder}). The command-line tool and embedding applications use this class; plugins never do. To run
 * cycles on a schedule, holding the run lock, hand it to a {@link dev.mirror.core.run.MirrorRunner}.
 */
public final class Mirror implements AutoCloseable {
    private final MirrorSettings settings;
    private final RunSettings runSettings;
    private final Source source;
    private final CoreProtocolSessions sessions;
    private final TargetConnections targets;
    private final PluginRegistry registry;
    private final HookDispatcher hooks;
    private final Redactor redactor;

    @Inject
    Mirror(MirrorSettings settings, RunSettings runSettings, Source source, CoreProtocolSessions sessions, TargetConnections targets,
           PluginRegistry registry, HookDispatcher hooks, Redactor redactor) {
        this.settings = requireNonNull(settings, "settings is null");
        this.runSettings = requireNonNull(runSettings, "runSettings is null");
        this.source = requireNonNull(source, "source is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.targets = requireNonNull(targets, "targets is null");
        this.registry = requireNonNull(registry, "registry is null");
        this.hooks = requireNonNull(hooks, "hooks is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
    }

    static Mirror wire(MirrorModule.Configured configured) {
        Injector injector = Guice.createInjector(new MirrorModule(configured));
        return injector.getInstance(Mirror.class);
    }

    public static MirrorBuilder builder() {
        return new MirrorBuilder();
    }

    /** The configured context identifier (required for pull sources). */
    public ContextId contextId() {
        if (settings.contextId() == null) {
            throw MirrorException.configuration("CONTEXT_MISSING", "'context' is required: the context identifier of the source database");
        }
        return settings.contextId();
    }

    /**
     * Runs one pull cycle: the source drives the protocol; returns the cycle report. This takes no run lock and does
     * not wait out an unreachable target: callers other than tests and single-user tools should use
     * {@link dev.mirror.core.run.MirrorRunner}, which does both.
     */
    public CycleReport runCycle() {
        return runCycle(pullSource(), java.util.function.UnaryOperator.identity());
    }

    /**
     * Runs one cycle of {@code pull} (this mirror's source or another instance of it, such as a restarted process) on the
     * protocol of the configured context as {@code view} presents it: a decorator that observes the steps (the
     * conformance kits record them) and passes them on. The cycle's {@code complete} or {@code fail} also goes through
     * the view. Like {@link #runCycle()}, no run lock is taken.
     */
    public CycleReport runCycle(PullSource pull, java.util.function.UnaryOperator<dev.mirror.api.protocol.MirrorProtocol> view) {
        requireNonNull(pull, "pull is null");
        dev.mirror.api.protocol.MirrorProtocol protocol = requireNonNull(view.apply(protocol()), "the view returned null");
        try {
            pull.runCycle(protocol);
        } catch (RuntimeException e) {
            protocol.fail(e);
            throw e;
        }
        return protocol.complete(Map.of());
    }

    /**
     * Connects once to the target of the configured context, directly rather than through the pool, so that a target
     * that is down, refuses the login or lacks the database fails at once with the driver's message.
     */
    public void checkTarget() {
        checkTarget(contextId());
    }

    /**
     * Like {@link #checkTarget()} for the target of any admitted context (a push source's tenant): one direct
     * connection, the driver's message on failure (free of secrets).
     *
     * @throws MirrorException CONFIGURATION {@code CONTEXT_NOT_ALLOWED} for a context the policy does not admit
     */
    public void checkTarget(ContextId contextId) {
        sessions.policy().admit(contextId);
        targets.probe(contextId);
    }

    /**
     * Starts a push source (returns once it listens). Refuses, before listening, to let several tenants push into a
     * target that does not route per tenant (see {@link dev.mirror.core.ContextPolicy#requireIsolation}).
     */
    public void serve() {
        PushSource push = pushSource();
        sessions.policy().requireIsolation();
        push.serve(sessions);
    }

    /** Whether the source is a push source ({@code mirror serve}) rather than a pull source ({@code mirror run}). */
    public boolean isPush() {
        return source instanceof PushSource;
    }

    /**
     * The source as a pull source.
     *
     * @throws MirrorException CONFIGURATION {@code PUSH_SOURCE} when it is a push source, saying to serve it instead
     */
    public PullSource pullSource() {
        if (source instanceof PullSource pull) {
            return pull;
        }
        throw MirrorException.configuration("PUSH_SOURCE", "the source '" + sourceName()
                + "' is a push source: serve it (mirror serve) instead of running cycles");
    }

    /**
     * The source as a push source.
     *
     * @throws MirrorException CONFIGURATION {@code PULL_SOURCE} when it is a pull source, saying to run cycles instead
     */
    public PushSource pushSource() {
        if (source instanceof PushSource push) {
            return push;
        }
        throw MirrorException.configuration("PULL_SOURCE", "the source '" + sourceName()
                + "' is a pull source: run cycles (mirror run) instead of serving");
    }

    /** The protocol of the configured context. */
    public CoreProtocol protocol() {
        return sessions.forContext(contextId());
    }

    /** The protocol sessions (push sources, tests). */
    public CoreProtocolSessions sessions() {
        return sessions;
    }

    /** The target of the configured context. */
    public TargetDatabase target() {
        return targets.forContext(contextId());
    }

    /**
     * The target URL as configured, {@code {ctx}} not replaced (the dialect's default when not set). Not masked: it is
     * for connecting; show it only through {@link #redactor()}.
     */
    public String targetUrlTemplate() {
        return targets.template();
    }

    /**
     * The connection pool of the configured context's target, for applications that read the mirror they embed. Do not
     * write mirror tables through it: core owns them.
     */
    public javax.sql.DataSource targetDataSource() {
        return target().dataSource();
    }

    /** The target dialect (needs no context). */
    public TargetDialect targetDialect() {
        return targets.dialect();
    }

    /** The target URL of the configured context, secrets masked. */
    public String targetUrl() {
        return targetUrl(contextId());
    }

    /** The target URL of an admitted context, secrets masked. */
    public String targetUrl(ContextId contextId) {
        sessions.policy().admit(contextId);
        return redactor.redact(targets.url(contextId));
    }

    /** The metadata rows of the configured context (empty when the metadata table does not exist yet). */
    public List<MetadataRow> status() {
        return status(contextId());
    }

    /**
     * The metadata rows of an admitted context (a push source's tenant), empty when its metadata table does not exist
     * yet. Reads only: nothing is created in the target.
     *
     * @throws MirrorException CONFIGURATION {@code CONTEXT_NOT_ALLOWED} for a context the policy does not admit
     */
    public List<MetadataRow> status(ContextId contextId) {
        CoreProtocol p = sessions.forContext(contextId);
        TargetDatabase db = targets.forContext(contextId);
        return db.inTransaction("reading the metadata table", true, c -> {
            if (db.dialect().catalog().listTables(c).stream().noneMatch(t -> t.equalsIgnoreCase(p.metadata().targetName()))) {
                return List.of();
            }
            return List.copyOf(p.metadata().readAll(c).values());
        });
    }

    /**
     * Forces repopulation (LSN -1) of some tables, or all when {@code tables} is null. Returns rows changed. Takes no run
     * lock: {@link dev.mirror.core.run.MirrorRunner#resync} does.
     */
    public int resync(List<String> tables) {
        return protocol().resync(tables);
    }

    /** The name of the configured context's metadata table in the target. */
    public String metadataTableName() {
        return metadataTableName(contextId());
    }

    /** The name of an admitted context's metadata table in its target. */
    public String metadataTableName(ContextId contextId) {
        return sessions.forContext(contextId).metadata().targetName();
    }

    /** Which tenants may push, and whether the target routes per tenant. */
    public ContextPolicy tenants() {
        return sessions.policy();
    }

    /** The number of rows of each mirrored table of {@code rows} that exists in the target (one count per table). */
    public Map<String, Long> rowCounts(List<MetadataRow> rows) {
        return rowCounts(contextId(), rows);
    }

    /** Like {@link #rowCounts(List)} in the target of an admitted context. */
    public Map<String, Long> rowCounts(ContextId contextId, List<MetadataRow> rows) {
        sessions.policy().admit(contextId);
        return RowCounts.of(targets.forContext(contextId), rows);
    }

    /**
     * Compares the mirror with the source (row counts, then checksums, then the differing keys) for {@code tables}, or
     * every mirrored table when null.
     *
     * @throws MirrorException (CONFIGURATION, {@code VERIFY_UNSUPPORTED}) when the source offers no snapshot reader
     */
    public VerificationReport verify(List<String> tables) {
        SnapshotReader reader = source.snapshotReader().orElseThrow(() -> MirrorException.configuration(
                "VERIFY_UNSUPPORTED", "the source '" + sourceName() + "' cannot be read for verification "
                        + "(it offers no snapshot reader); verify works with pull sources such as sqlserver and sample"));
        Blocklist blocklist = Blocklist.of(settings.useDefaultBlocklist(), settings.blocklistAdditions());
        MirrorVerifier verifier = new MirrorVerifier(target(), protocol().metadata(), blocklist, TableComparator.defaults(), redactor);
        return verifier.verify(contextId(), reader, tables);
    }

    /** The configured {@code source.type}, or the class of a source instance given to the builder. */
    private String sourceName() {
        return settings.sourceType() != null ? settings.sourceType() : source.getClass().getName();
    }

    public Source source() {
        return source;
    }

    public PluginRegistry plugins() {
        return registry;
    }

    public HookDispatcher hooks() {
        return hooks;
    }

    public Redactor redactor() {
        return redactor;
    }

    public MirrorSettings settings() {
        return settings;
    }

    /** The {@code run} section: schedule, pause window, run lock and backoff (read by the runner). */
    public RunSettings runSettings() {
        return runSettings;
    }

    @Override
    public void close() {
        try {
            source.close();
        } finally {
            targets.close();
        }
    }
}
