package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.core.config.ConfigLoader;
import dev.mirror.core.config.ConfigProblems;
import dev.mirror.core.plugins.Discovered;
import dev.mirror.core.plugins.PluginRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists every discovered plugin and whether the configuration enables it. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"Lists every plugin found on the class path and in the plugins directory (plugins.directory, default",
            "plugins/ next to the distribution): kind, name, jar, version, and whether --config enables it."})
final class PluginsCommand extends BaseCommand {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "A configuration file: shows which plugins it enables.")
    Path configFile;

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        Set<String> enabled = new HashSet<>();
        Map<?, ?> target = null;
        Path directory = defaultDirectory();
        if (configFile != null) {
            ConfigProblems problems = new ConfigProblems();
            Map<String, Object> tree = ConfigLoader.system().load(configFile, problems);
            problems.throwIfAny(configFile.toString());
            if (tree.get("source") instanceof Map<?, ?> s && s.get("type") != null) {
                enabled.add("source:" + lower(s.get("type")));
            }
            target = tree.get("target") instanceof Map<?, ?> t ? t : Map.of();
            if (tree.get("hooks") instanceof List<?> hooks) {
                for (Object h : hooks) {
                    if (h instanceof Map<?, ?> m && m.get("name") != null) {
                        enabled.add("hook:" + lower(m.get("name")));
                    }
                }
            }
            if (tree.get("plugins") instanceof Map<?, ?> p && p.get("directory") != null) {
                directory = Path.of(String.valueOf(p.get("directory")));
            }
        }
        PluginRegistry registry = PluginRegistry.load(directory, getClass().getClassLoader());
        if (target != null) {
            enabledTarget(target, registry).ifPresent(name -> enabled.add("target:" + name));
        }
        List<Discovered<?>> all = new ArrayList<>();
        all.addAll(registry.targets());
        all.addAll(registry.sources());
        all.addAll(registry.hooks());
        TextTable t = new TextTable("kind", "name", "jar", "version", "spi",
                configFile == null ? "enabled" : "enabled by " + configFile.getFileName());
        List<String> incompatible = new ArrayList<>();
        for (Discovered<?> d : all) {
            String problem = d.spiProblem();
            if (problem != null) {
                incompatible.add(problem);
            }
            t.row(d.kind(), d.name(), d.location(), d.version(), d.spiVersion() + (problem == null ? "" : " (incompatible)"),
                    configFile == null ? "-" : enabled.contains(enabledKey(d)) ? "yes" : "no");
        }
        out().println("plugins directory: " + directory.toAbsolutePath().normalize()
                + (Files.isDirectory(directory) ? "" : " (does not exist)"));
        out().print(t.render("  "));
        incompatible.forEach(p -> out().println("incompatible: " + p));
        out().flush();
        return ExitCodes.OK;
    }

    /**
     * The target dialect a configuration's {@code target} section selects, as {@code mirror run} would pick it:
     * {@code target.dialect}, else the dialect accepting {@code target.url}, else the distribution's default, else the
     * one dialect offering an embedded default; empty when none is selected (then {@code run} reports why).
     */
    private static Optional<String> enabledTarget(Map<?, ?> target, PluginRegistry registry) {
        if (target.get("dialect") != null) {
            return Optional.of(lower(target.get("dialect")));
        }
        if (target.get("url") != null) {
            return registry.targetForUrl(String.valueOf(target.get("url"))).map(p -> lower(p.name()));
        }
        String byDistribution = DistributionDefaults.targetDialect();
        if (byDistribution != null) {
            return Optional.of(lower(byDistribution));
        }
        try {
            return Optional.of(lower(registry.defaultTarget().name()));
        } catch (MirrorException none) {
            return Optional.empty();
        }
    }

    /** The key {@link #call} collects the configuration's choices under: pull and push sources are both "source". */
    private static String enabledKey(Discovered<?> d) {
        return (d.kind().endsWith("source") ? "source" : d.kind()) + ":" + d.name();
    }

    /** {@code plugins/} next to the distribution ({@code -Dmirror.home}), else in the working directory. */
    static Path defaultDirectory() {
        String home = System.getProperty("mirror.home");
        return home == null ? Path.of("plugins") : Path.of(home, "plugins");
    }

    private static String lower(Object o) {
        return String.valueOf(o).trim().toLowerCase(Locale.ROOT);
    }
}
