package dev.mirror.core.plugins;

import dev.mirror.api.MirrorException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One class loader per plugin in a plugins directory: each {@code *.jar} directly in it is a plugin, and each
 * subdirectory is a plugin whose jars (the plugin and its libraries) share one loader. Every loader's parent is the
 * application's class loader, which holds the API, so plugins see the API and their own classes, and two plugins may
 * carry different versions of the same library without one shadowing the other.
 */
final class PluginClassLoaders {
    private PluginClassLoaders() {
    }

    /** The plugins' loaders, in file-name order; empty when the directory is null or does not exist. */
    static List<ClassLoader> of(Path directory, ClassLoader parent) {
        if (directory == null || !Files.isDirectory(directory)) {
            return List.of();
        }
        List<ClassLoader> loaders = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path p : entries.sorted().toList()) {
                if (isJar(p)) {
                    loaders.add(loader(p.getFileName().toString(), List.of(p), parent));
                } else if (Files.isDirectory(p)) {
                    List<Path> jars;
                    try (Stream<Path> inner = Files.list(p)) {
                        jars = inner.filter(PluginClassLoaders::isJar).sorted().toList();
                    }
                    if (!jars.isEmpty()) {
                        loaders.add(loader(p.getFileName().toString() + "/", jars, parent));
                    }
                }
            }
        } catch (IOException e) {
            throw MirrorException.configuration("PLUGINS_UNREADABLE", "cannot list the plugins directory " + directory + ": "
                    + e.getMessage());
        }
        return List.copyOf(loaders);
    }

    private static boolean isJar(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar");
    }

    private static ClassLoader loader(String name, List<Path> jars, ClassLoader parent) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw MirrorException.configuration("PLUGINS_UNREADABLE", "plugin jar " + jars.get(i) + ": " + e.getMessage());
            }
        }
        return new URLClassLoader("mirror-plugin:" + name, urls, parent);
    }
}
