package dev.mirror.core.config;

import dev.mirror.api.MirrorException;
import java.util.ArrayList;
import java.util.List;

/** Collects every configuration problem (with its path in the file) so they are reported at once. */
public final class ConfigProblems {
    private final List<String> problems = new ArrayList<>();

    public synchronized void add(String path, String message) {
        problems.add((path == null || path.isEmpty() ? "(root)" : path) + ": " + message);
    }

    public synchronized List<String> all() {
        return List.copyOf(problems);
    }

    public synchronized boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws one CONFIGURATION error listing every problem, when there is any. */
    public void throwIfAny(String source) {
        List<String> all = all();
        if (!all.isEmpty()) {
            StringBuilder b = new StringBuilder("the configuration").append(source == null ? "" : " in " + source)
                    .append(" has ").append(all.size()).append(all.size() == 1 ? " problem" : " problems")
                    .append(" (fix them and run again):");
            for (String p : all) {
                b.append("\n  - ").append(p);
            }
            throw MirrorException.configuration("CONFIG_INVALID", b.toString());
        }
    }
}
