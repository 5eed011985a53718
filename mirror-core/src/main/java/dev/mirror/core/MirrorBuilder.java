package dev.mirror.core;

import dev.mirror.api.ContextId;
import dev.mirror.api.MirrorException;
import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.api.PluginContext;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.Source;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.dialect.TargetDialectProvider;
import dev.mirror.core.config.ConfigLoader;
import dev.mirror.core.config.ConfigProblems;
import dev.mirror.core.config.MirrorSettings;
import dev.mirror.core.config.RunSettings;
import dev.mirror.core.config.TreePluginConfig;
import dev.mirror.core.internal.hooks.HookDispatcher;
import dev.mirror.core.plugins.PluginRegistry;
import dev.mirror.core.ContextPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a {@link Mirror} from a configuration tree: binds core's keys, finds the plugins by name, lets each read and
 * validate its subtree, then reports every problem at once (with its path) before anything connects.
 */
public final class MirrorBuilder {
    private Map<String, Object> tree;
    private String sourceName = "configuration";
    private ClassLoader classLoader = MirrorBuilder.class.getClassLoader();
    private ProgressListener progress = ProgressListener.NONE;
    private boolean pluginDirectory = true;
    private final List<HookDispatcher.NamedHook> codeHooks = new ArrayList<>();
    private String defaultDialect;
    private java.time.Clock clock = java.time.Clock.systemUTC();
    private Source sourceInstance;
    private TargetDialect dialectInstance;

    MirrorBuilder() {
    }

    /** Reads a YAML or JSON file (environment variables substituted). */
    public MirrorBuilder configFile(Path file) {
        ConfigProblems problems = new ConfigProblems();
        this.tree = ConfigLoader.system().load(file, problems);
        this.sourceName = file.toString();
        problems.throwIfAny(sourceName);
        return this;
    }

    /** Uses an already parsed tree (maps, lists, scalars). */
    public MirrorBuilder config(Map<String, Object> configTree, String name) {
        this.tree = configTree;
        this.sourceName = name;
        return this;
    }

    public MirrorBuilder classLoader(ClassLoader loader) {
        this.classLoader = loader;
        return this;
    }

    /** Whether to add the jars of {@code plugins.directory} to the class loader (default true). */
    public MirrorBuilder pluginDirectory(boolean enabled) {
        this.pluginDirectory = enabled;
        return this;
    }

    public MirrorBuilder progress(ProgressListener listener) {
        this.progress = listener;
        return this;
    }

    /**
     * The target dialect to use when the configuration names neither {@code target.dialect} nor {@code target.url}: a
     * default of the front end's (the command-line tool's distribution supplies its own), not of core. Without it, the
     * one discovered dialect that offers an embedded default URL is used; several such dialects are a configuration
     * error listing them.
     */
    public MirrorBuilder defaultDialect(String name) {
        this.defaultDialect = name == null || name.isBlank() ? null : name.trim();
        return this;
    }

    /** The clock handed to every plugin ({@link PluginContext#clock()}); the system clock (UTC) by default. */
    public MirrorBuilder clock(java.time.Clock pluginClock) {
        this.clock = java.util.Objects.requireNonNull(pluginClock, "clock is null");
        return this;
    }

    /**
     * Adds a lifecycle hook written in code (not named in the configuration), called after the configured hooks for
     * every context: an embedding application or a front end (the command-line tool's status page) sees every cycle
     * this way, pulled or pushed. Like any hook, it must not throw (a failure is logged and ignored).
     */
    public MirrorBuilder hook(String name, LifecycleHook hook) {
        codeHooks.add(new HookDispatcher.NamedHook(name, hook));
        return this;
    }

    /**
     * Uses this source instead of creating one from {@code source.type}: for conformance kits and embedding applications
     * that construct their source themselves. The configuration must then name no {@code source.type} (a configuration
     * problem otherwise, since it would be ignored). The mirror owns the instance from {@link #build()} on: closing the
     * mirror closes it (and a failed build closes it too).
     */
    public MirrorBuilder source(Source source) {
        this.sourceInstance = java.util.Objects.requireNonNull(source, "source is null");
        return this;
    }

    /**
     * Uses this target dialect instead of finding one by {@code target.dialect} or by the URL: for conformance kits and
     * embedding applications that hold a dialect instance. The configuration must then give {@code target.url} (no
     * embedded default applies) and name no {@code target.dialect}; both are configuration problems otherwise.
     */
    public MirrorBuilder dialect(TargetDialect dialect) {
        this.dialectInstance = java.util.Objects.requireNonNull(dialect, "dialect is null");
        return this;
    }

    /** Validates the whole configuration and wires the mirror; throws one CONFIG_INVALID error listing every problem. */
    public Mirror build() {
        if (tree == null) {
            throw MirrorException.configuration("CONFIG_MISSING", "no configuration given");
        }
        Redactor redactor = new Redactor();
        ConfigProblems problems = new ConfigProblems();
        TreePluginConfig root = new TreePluginConfig("", tree, problems, redactor, Set.of());
        MirrorSettings settings = MirrorSettings.bind(root, sourceInstance == null);
        RunSettings run = RunSettings.bind(settings.run().raw(), problems);
        redactor.addSecret(run.http().token()); // a secret like a password: masked in every log line and message
        PluginRegistry registry = pluginDirectory ? PluginRegistry.load(settings.pluginsDirectory(), classLoader)
                : new PluginRegistry(classLoader);

        Optional<ContextId> context = Optional.ofNullable(settings.contextId());
        TargetDialectProvider targetProvider = dialectInstance != null ? null : targetProvider(settings, registry, problems);
        TargetDialect dialect = dialectInstance != null ? givenDialect(settings, problems) : targetProvider == null ? null
                : targetProvider.create(PluginContext.of(settings.target(), context, clock));
        Source source = sourceInstance != null ? givenSource(settings, problems) : source(settings, registry, problems, context);
        List<HookDispatcher.NamedHook> hooks = new ArrayList<>();
        for (PluginConfig h : settings.hooks()) {
            String name = h.string("name", "");
            if (name.isBlank()) {
                continue;
            }
            try {
                LifecycleHook hook = registry.hook(name).create(PluginContext.of(h, context, clock));
                hooks.add(new HookDispatcher.NamedHook(name, hook));
            } catch (MirrorException e) {
                problems.add(h.path() + ".name", e.getMessage());
            }
        }
        hooks.addAll(codeHooks);
        if (source instanceof PullSource && settings.contextId() == null && !root.has("context")) {
            problems.add("context", "is required for the pull source '" + (settings.sourceType() != null ? settings.sourceType() : source.getClass().getName())
                    + "': the context identifier of the source database (letters, digits and _), e.g. context: Cust12345");
        }
        if (source != null) {
            ContextPolicy.validate(settings.contextId(), source, problems);
        }
        root.reportUnknownKeys();
        if (!problems.isEmpty() && source != null) {
            source.close();
        }
        problems.throwIfAny(sourceName);
        String defaultUrl = targetProvider == null ? null : targetProvider.defaultJdbcUrl().orElse(null);
        return Mirror.wire(new MirrorModule.Configured(settings, run, dialect, defaultUrl, source, hooks, registry, redactor, progress));
    }

    private TargetDialect givenDialect(MirrorSettings s, ConfigProblems problems) {
        if (s.targetSettings().dialect() != null) {
            problems.add("target.dialect", "must not be set when the builder is given a dialect instance (it would be ignored); remove it");
        }
        if (s.targetSettings().url() == null) {
            problems.add("target.url", "is required when the builder is given a dialect instance: no embedded default URL applies");
        }
        return dialectInstance;
    }

    private Source givenSource(MirrorSettings s, ConfigProblems problems) {
        if (s.sourceType() != null && !s.sourceType().isBlank()) {
            problems.add("source.type", "must not be set when the builder is given a source instance (it would be ignored); remove it");
        }
        return sourceInstance;
    }

    private TargetDialectProvider targetProvider(MirrorSettings s, PluginRegistry registry, ConfigProblems problems) {
        MirrorSettings.TargetSettings t = s.targetSettings();
        try {
            if (t.dialect() != null) {
                return registry.target(t.dialect());
            }
            if (t.url() != null) {
                return registry.targetForUrl(t.url()).orElseThrow(() -> MirrorException.configuration("TARGET_UNKNOWN",
                        "no single target dialect accepts this URL; set target.dialect to one of: "
                                + String.join(", ", registry.targets().stream().map(d -> d.name()).sorted().toList())));
            }
            if (defaultDialect != null) {
                return registry.target(defaultDialect);
            }
            return registry.defaultTarget();
        } catch (MirrorException e) {
            problems.add(t.dialect() != null ? "target.dialect" : "target", e.getMessage());
            return null;
        }
    }

    private Source source(MirrorSettings s, PluginRegistry registry, ConfigProblems problems,
                          Optional<ContextId> context) {
        if (s.sourceType() == null || s.sourceType().isBlank()) {
            return null;
        }
        try {
            return registry.source(s.sourceType()).create(PluginContext.of(s.source(), context, clock));
        } catch (MirrorException e) {
            problems.add("source.type", e.getMessage());
            return null;
        }
    }
}
