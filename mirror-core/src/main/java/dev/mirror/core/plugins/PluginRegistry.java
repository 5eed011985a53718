package dev.mirror.core.plugins;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.hook.LifecycleHookProvider;
import dev.mirror.api.source.PullSourceProvider;
import dev.mirror.api.source.PushSourceProvider;
import dev.mirror.api.dialect.TargetDialectProvider;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Finds the four kinds of plugin (target dialects, pull sources, push sources, hooks) through {@link ServiceLoader} on the application's class loader and on one class
 * loader per plugin of a plugins directory (see {@link PluginClassLoaders}), and selects them by name. A missing name,
 * a name two plugins claim, or a selected plugin built for an incompatible SPI version ({@link SpiCompatibility}) is a
 * CONFIGURATION error that says what is available or what to do. Source names are unique across pull and push
 * sources: {@code source.type} names one source, whichever its kind.
 */
public final class PluginRegistry {
    private final List<Discovered<TargetDialectProvider>> targets;
    private final List<Discovered<PullSourceProvider>> pullSources;
    private final List<Discovered<PushSourceProvider>> pushSources;
    private final List<Discovered<LifecycleHookProvider>> hooks;

    /** The plugins on the application's class loader only. */
    public PluginRegistry(ClassLoader loader) {
        this(loader, List.of());
    }

    private PluginRegistry(ClassLoader loader, List<ClassLoader> isolated) {
        requireNonNull(loader, "loader is null");
        this.targets = discover(loader, isolated, TargetDialectProvider.class, "target", TargetDialectProvider::name,
                TargetDialectProvider::spiVersion);
        this.pullSources = discover(loader, isolated, PullSourceProvider.class, "pull source", PullSourceProvider::name,
                PullSourceProvider::spiVersion);
        this.pushSources = discover(loader, isolated, PushSourceProvider.class, "push source", PushSourceProvider::name,
                PushSourceProvider::spiVersion);
        this.hooks = discover(loader, isolated, LifecycleHookProvider.class, "hook", LifecycleHookProvider::name,
                LifecycleHookProvider::spiVersion);
    }

    /**
     * The plugins on the application's class loader plus those of {@code directory} (when it exists), each jar (or each
     * subdirectory of jars) in a class loader of its own whose parent is {@code parent}.
     */
    public static PluginRegistry load(Path directory, ClassLoader parent) {
        return new PluginRegistry(parent, PluginClassLoaders.of(directory, parent));
    }

    public List<Discovered<TargetDialectProvider>> targets() {
        return targets;
    }

    public List<Discovered<PullSourceProvider>> pullSources() {
        return pullSources;
    }

    public List<Discovered<PushSourceProvider>> pushSources() {
        return pushSources;
    }

    /** Every source, pull ones first (kind {@code "pull source"} or {@code "push source"}). */
    public List<Discovered<?>> sources() {
        List<Discovered<?>> all = new ArrayList<>(pullSources);
        all.addAll(pushSources);
        return List.copyOf(all);
    }

    public List<Discovered<LifecycleHookProvider>> hooks() {
        return hooks;
    }

    public TargetDialectProvider target(String name) {
        return select(targets, name, "target dialect", "target.dialect");
    }

    /**
     * The pull or push source named {@code name} ({@code source.type}); a name claimed by a pull and a push source is a
     * {@code PLUGIN_DUPLICATE} error like any other duplicate.
     */
    public SourcePlugin source(String name) {
        List<Discovered<?>> all = sources();
        Object provider = PluginRegistry.<Object>select(all, name, "source", "source.type");
        return provider instanceof PushSourceProvider push ? SourcePlugin.push(push)
                : SourcePlugin.pull((PullSourceProvider) provider);
    }

    public LifecycleHookProvider hook(String name) {
        return select(hooks, name, "hook", "hooks[].name");
    }

    /** The target dialect that accepts a JDBC URL, when exactly one does. */
    public java.util.Optional<TargetDialectProvider> targetForUrl(String url) {
        List<Discovered<TargetDialectProvider>> matches = targets.stream().filter(d -> d.provider().accepts(url)).toList();
        return matches.size() == 1 ? java.util.Optional.of(matches.get(0).provider()) : java.util.Optional.empty();
    }

    /**
     * The target dialect to use when the configuration names neither a dialect nor a URL: the one dialect offering an
     * embedded default URL ({@link TargetDialectProvider#defaultJdbcUrl()}).
     *
     * @throws MirrorException CONFIGURATION {@code TARGET_UNKNOWN} when none or several offer one, listing them
     */
    public TargetDialectProvider defaultTarget() {
        List<Discovered<TargetDialectProvider>> embedded = targets.stream()
                .filter(d -> d.provider().defaultJdbcUrl().isPresent()).toList();
        if (embedded.size() == 1) {
            SpiCompatibility.require(embedded.get(0));
            return embedded.get(0).provider();
        }
        String available = targets.isEmpty() ? "none" : String.join(", ", targets.stream().map(Discovered::name).sorted().toList());
        if (embedded.isEmpty()) {
            throw MirrorException.configuration("TARGET_UNKNOWN", "no target is configured and no target dialect offers an "
                    + "embedded default; set target.dialect (available: " + available + ") and target.url");
        }
        throw MirrorException.configuration("TARGET_UNKNOWN", "no target is configured and several target dialects offer an "
                + "embedded default (" + String.join(", ", embedded.stream().map(Discovered::name).sorted().toList())
                + "); set target.dialect to one of them");
    }

    private static <T> T select(List<? extends Discovered<? extends T>> found, String name, String kind, String key) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        List<? extends Discovered<? extends T>> matches = found.stream().filter(d -> d.name().equals(wanted)).toList();
        if (matches.size() == 1) {
            SpiCompatibility.require(matches.get(0));
            return matches.get(0).provider();
        }
        if (matches.isEmpty()) {
            throw MirrorException.configuration("PLUGIN_NOT_FOUND", "no " + kind + " named '" + name + "' (" + key + "); available: "
                    + (found.isEmpty() ? "none" : String.join(", ", found.stream().map(Discovered::name).distinct().sorted().toList()))
                    + ". Put the plugin's jar in the plugins directory or fix the name.");
        }
        throw MirrorException.configuration("PLUGIN_DUPLICATE", "two or more " + kind + " plugins are named '" + name + "': "
                + String.join(", ", matches.stream().map(d -> d.provider().getClass().getName() + " (" + d.kind() + ") in " + d.location()).toList())
                + ". Remove one of the jars.");
    }

    private static <T> List<Discovered<T>> discover(ClassLoader app, List<ClassLoader> isolated, Class<T> type, String kind,
                                                    Function<T, String> name, Function<T, String> spiVersion) {
        List<Discovered<T>> r = new ArrayList<>();
        found(ServiceLoader.load(type, app), p -> true, kind, name, spiVersion, r);
        for (ClassLoader plugin : isolated) {
            // A plugin's loader also sees the application's providers through its parent: keep only its own.
            found(ServiceLoader.load(type, plugin), p -> p.type().getClassLoader() == plugin, kind, name, spiVersion, r);
        }
        return List.copyOf(r);
    }

    private static <T> void found(ServiceLoader<T> sl, java.util.function.Predicate<ServiceLoader.Provider<T>> own, String kind,
                                  Function<T, String> name, Function<T, String> spiVersion, List<Discovered<T>> into) {
        for (ServiceLoader.Provider<T> p : sl.stream().filter(own).toList()) {
            T provider;
            try {
                provider = p.get();
            } catch (java.util.ServiceConfigurationError e) {
                throw MirrorException.configuration("PLUGIN_BROKEN", "a " + kind + " plugin could not be loaded: " + e.getMessage()
                        + ". Check that its jar matches this mirror version.");
            }
            Class<?> c = provider.getClass();
            Package pkg = c.getPackage();
            String version = pkg == null || pkg.getImplementationVersion() == null ? "unknown" : pkg.getImplementationVersion();
            String spi = String.valueOf(spiVersion.apply(provider));
            into.add(new Discovered<>(kind, name.apply(provider).toLowerCase(Locale.ROOT), provider, location(c), version, spi));
        }
    }

    private static String location(Class<?> c) {
        CodeSource cs = c.getProtectionDomain() == null ? null : c.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "unknown";
        }
        try {
            return Path.of(cs.getLocation().toURI()).getFileName().toString();
        } catch (Exception e) {
            return cs.getLocation().toString();
        }
    }

}
