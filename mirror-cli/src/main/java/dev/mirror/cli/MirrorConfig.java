package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.core.Mirror;
import dev.mirror.core.MirrorBuilder;
import dev.mirror.core.ProgressListener;
import dev.mirror.core.config.ConfigLoader;
import dev.mirror.core.config.ConfigProblems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A configuration file as the command-line tool reads it and hands to {@link dev.mirror.core.MirrorBuilder} (which
 * binds every section, {@code run} included). Problems of reading the file and of binding it are reported together in
 * one CONFIG_INVALID error, each with its path.
 */
final class MirrorConfig {
    private final Path file;
    private final Map<String, Object> tree;
    private final List<String> pending;

    private MirrorConfig(Path file, Map<String, Object> tree, List<String> pending) {
        this.file = file;
        this.tree = tree;
        this.pending = List.copyOf(pending);
    }

    /** Reads and checks the file; build problems are reported by {@link #build}. */
    static MirrorConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw MirrorException.configuration("CONFIG_MISSING", "the configuration file " + file.toAbsolutePath()
                    + " does not exist; pass an existing file with --config (see the examples in conf/)");
        }
        ConfigProblems problems = new ConfigProblems();
        Map<String, Object> tree = ConfigLoader.system().load(file, problems);
        Map<String, Object> copy = new LinkedHashMap<>(tree == null ? Map.of() : tree);
        return new MirrorConfig(file, copy, problems.all());
    }

    Path file() {
        return file;
    }

    /** Builds the mirror, or throws one CONFIG_INVALID error listing every problem of the file. */
    Mirror build(ProgressListener progress) {
        return build(progress, Map.of());
    }

    /** Builds the mirror with hooks written in code (the status page's board, the metrics of a push source). */
    Mirror build(ProgressListener progress, Map<String, LifecycleHook> codeHooks) {
        List<String> problems = new ArrayList<>(pending);
        try {
            MirrorBuilder builder = Mirror.builder().config(tree, file.toString()).progress(progress)
                    // the distribution's choice (the full one: H2), not this front end's nor core's: they name no plugin
                    .defaultDialect(DistributionDefaults.targetDialect());
            codeHooks.forEach(builder::hook);
            Mirror m = builder.build();
            if (problems.isEmpty()) {
                return m;
            }
            m.close();
        } catch (MirrorException e) {
            if (!e.code().equals("CONFIG_INVALID")) {
                throw e;
            }
            e.getMessage().lines().filter(l -> l.startsWith("  - ")).forEach(l -> problems.add(l.substring(4)));
        }
        StringBuilder b = new StringBuilder("the configuration in ").append(file).append(" has ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems").append(" (fix them and run again):");
        problems.stream().distinct().forEach(p -> b.append("\n  - ").append(p));
        throw MirrorException.configuration("CONFIG_INVALID", b.toString());
    }
}
