package dev.mirror.core.plugins;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.hook.LifecycleHookProvider;
import dev.mirror.api.source.ChangeSourceProvider;
import dev.mirror.api.target.TargetDialectProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the three kinds of plugin through {@link ServiceLoader} on a class loader (the application's, plus every
 * jar of a plugins directory) and selects them by name. A missing name, or a name two plugins claim, is a
 * CONFIGURATION error that lists what is available.
 */
public final class PluginRegistry {
    private final List<Discovered<TargetDialectProvider>> targets;
    private final List<Discovered<ChangeSourceProvider>> sources;
    private final List<Discovered<LifecycleHookProvider>> hooks;

    public PluginRegistry(ClassLoader loader) {
        requireNonNull(loader, "loader is null");
        this.targets = discover(loader, TargetDialectProvider.class, "target", TargetDialectProvider::name);
        this.sources = discover(loader, ChangeSourceProvider.class, "source", ChangeSourceProvider::name);
        this.hooks = discover(loader, LifecycleHookProvider.class, "hook", LifecycleHookProvider::name);
    }

    /** A class loader over the application's classes and every {@code *.jar} in {@code directory} (if it exists). */
    public static ClassLoader withPluginDirectory(Path directory, ClassLoader parent) {
        if (directory == null || !Files.isDirectory(directory)) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                urls.add(p.toUri().toURL());
            }
        } catch (java.io.IOException e) {
            throw MirrorException.configuration("PLUGINS_UNREADABLE", "cannot list the plugins directory " + directory + ": " + e.getMessage());
        }
        return urls.isEmpty() ? parent : new URLClassLoader("mirror-plugins", urls.toArray(URL[]::new), parent);
    }

    public List<Discovered<TargetDialectProvider>> targets() {
        return targets;
    }

    public List<Discovered<ChangeSourceProvider>> sources() {
        return sources;
    }

    public List<Discovered<LifecycleHookProvider>> hooks() {
        return hooks;
    }

    public TargetDialectProvider target(String name) {
        return select(targets, name, "target dialect", "target.dialect");
    }

    public ChangeSourceProvider source(String name) {
        return select(sources, name, "change source", "source.type");
    }

    public LifecycleHookProvider hook(String name) {
        return select(hooks, name, "hook", "hooks[].name");
    }

    /** The target dialect that accepts a JDBC URL, when exactly one does. */
    public java.util.Optional<TargetDialectProvider> targetForUrl(String url) {
        List<Discovered<TargetDialectProvider>> matches = targets.stream().filter(d -> d.provider().accepts(url)).toList();
        return matches.size() == 1 ? java.util.Optional.of(matches.get(0).provider()) : java.util.Optional.empty();
    }

    private static <T> T select(List<Discovered<T>> found, String name, String kind, String key) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        List<Discovered<T>> matches = found.stream().filter(d -> d.name().equals(wanted)).toList();
        if (matches.size() == 1) {
            return matches.get(0).provider();
        }
        if (matches.isEmpty()) {
            throw MirrorException.configuration("PLUGIN_NOT_FOUND", "no " + kind + " named '" + name + "' (" + key + "); available: "
                    + (found.isEmpty() ? "none" : String.join(", ", found.stream().map(Discovered::name).distinct().sorted().toList()))
                    + ". Put the plugin's jar in the plugins directory or fix the name.");
        }
        throw MirrorException.configuration("PLUGIN_DUPLICATE", "two or more " + kind + " plugins are named '" + name + "': "
                + String.join(", ", matches.stream().map(d -> d.provider().getClass().getName() + " in " + d.location()).toList())
                + ". Remove one of the jars.");
    }

    private static <T> List<Discovered<T>> discover(ClassLoader loader, Class<T> type, String kind, Function<T, String> name) {
        List<Discovered<T>> r = new ArrayList<>();
        ServiceLoader<T> sl = ServiceLoader.load(type, loader);
        for (ServiceLoader.Provider<T> p : sl.stream().toList()) {
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
            r.add(new Discovered<>(kind, name.apply(provider).toLowerCase(Locale.ROOT), provider, location(c), version));
        }
        return List.copyOf(r);
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
