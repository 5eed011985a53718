package dev.mirror.core;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.mirror.api.source.PushSource;
import dev.mirror.api.source.Source;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.config.MirrorSettings;
import dev.mirror.core.config.RunSettings;
import dev.mirror.core.internal.hooks.HookDispatcher;
import dev.mirror.core.plugins.PluginRegistry;
import dev.mirror.core.ContextPolicy;
import dev.mirror.core.internal.protocol.CoreProtocolSessions;
import dev.mirror.core.internal.database.RetryPolicy;
import dev.mirror.core.internal.database.TargetConnections;
import java.util.List;
import java.util.Optional;

/**
 * Guice wiring of one mirror: the plugins created (and validated) from the configuration are bound as instances,
 * the runtime services are built from them. Guice stays inside core: plugins never see it.
 */
final class MirrorModule extends AbstractModule {
    /** What configuration binding produced: settings and the created plugins. */
    record Configured(MirrorSettings settings, RunSettings run, TargetDialect dialect, String defaultUrl, Source source,
                      List<HookDispatcher.NamedHook> hooks, PluginRegistry registry, Redactor redactor, ProgressListener progress) {
        Configured {
            requireNonNull(settings, "settings is null");
            requireNonNull(run, "run is null");
            requireNonNull(dialect, "dialect is null");
            requireNonNull(source, "source is null");
            requireNonNull(hooks, "hooks is null");
            requireNonNull(registry, "registry is null");
            requireNonNull(redactor, "redactor is null");
            requireNonNull(progress, "progress is null");
        }
    }

    private final Configured configured;

    MirrorModule(Configured configured) {
        this.configured = requireNonNull(configured, "configured is null");
    }

    @Override
    protected void configure() {
        bind(MirrorSettings.class).toInstance(configured.settings());
        bind(RunSettings.class).toInstance(configured.run());
        bind(TargetDialect.class).toInstance(configured.dialect());
        bind(Source.class).toInstance(configured.source());
        bind(PluginRegistry.class).toInstance(configured.registry());
        bind(Redactor.class).toInstance(configured.redactor());
        bind(ProgressListener.class).toInstance(configured.progress());
    }

    @Provides
    @Singleton
    Blocklist blocklist(MirrorSettings s) {
        return Blocklist.of(s.useDefaultBlocklist(), s.blocklistAdditions());
    }

    @Provides
    @Singleton
    RetryPolicy retry(MirrorSettings s) {
        return new RetryPolicy(s.retryAttempts(), s.retryBackoffMillis(), Math.max(s.retryBackoffMillis(), 5_000));
    }

    @Provides
    @Singleton
    HookDispatcher hooks(Redactor redactor) {
        return new HookDispatcher(configured.hooks(), redactor);
    }

    @Provides
    @Singleton
    TargetConnections targets(TargetDialect dialect, MirrorSettings s, Redactor redactor, RetryPolicy retry) {
        return new TargetConnections(dialect, s.targetSettings(), configured.defaultUrl(), redactor, retry);
    }

    @Provides
    @Singleton
    CoreProtocolSessions sessions(TargetConnections targets, Blocklist blocklist, HookDispatcher hooks, Redactor redactor,
                                  ProgressListener progress, MirrorSettings s, Source source) {
        ContextPolicy policy = ContextPolicy.of(s.contextId(), source instanceof PushSource push ? push.allowedContexts() : Optional.empty(),
                targets.routesPerContext());
        // Each table at work holds one target connection: more workers than pooled connections would only wait.
        int workers = Math.min(configured.run().workers(), s.targetSettings().poolSize());
        return new CoreProtocolSessions(targets, blocklist, hooks, redactor, progress, policy, workers, s.options());
    }
}
