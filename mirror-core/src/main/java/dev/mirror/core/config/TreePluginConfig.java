package dev.mirror.core.config;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.config.PluginConfig;
import dev.mirror.core.Redactor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PluginConfig} over a configuration subtree. Problems go to a shared {@link ConfigProblems}; keys read are
 * remembered so that {@link #reportUnknownKeys} can name the keys nobody understood (typos); secrets are handed to
 * the {@link Redactor}.
 */
public final class TreePluginConfig implements PluginConfig {
    private final String path;
    private final Map<String, Object> tree;
    private final ConfigProblems problems;
    private final Redactor redactor;
    private final Set<String> read = ConcurrentHashMap.newKeySet();
    private final Set<String> ignored;
    private final List<TreePluginConfig> children = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param ignored keys that belong to core (e.g. {@code type}, {@code url}) and are never reported as unknown
     */
    public TreePluginConfig(String path, Map<String, Object> tree, ConfigProblems problems, Redactor redactor, Set<String> ignored) {
        this.path = requireNonNull(path, "path is null");
        this.tree = tree == null ? Map.of() : tree;
        this.problems = requireNonNull(problems, "problems is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
        this.ignored = Set.copyOf(ignored);
    }

    @Override
    public String path() {
        return path;
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private Object value(String key) {
        read.add(key);
        return tree.get(key);
    }

    @Override
    public Optional<String> string(String key) {
        Object v = value(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof List) {
            problems.add(at(key), "expected a single value, found " + (v instanceof Map ? "a mapping" : "a list"));
            return Optional.empty();
        }
        return Optional.of(String.valueOf(v));
    }

    @Override
    public String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    @Override
    public String requiredString(String key) {
        Optional<String> v = string(key);
        if (v.isPresent() && !v.get().isBlank()) {
            return v.get();
        }
        if (!tree.containsKey(key)) {
            problems.add(at(key), "is required");
        } else if (tree.get(key) == null || v.isPresent()) {
            // "key:" with nothing after it reads as null: present but empty, which every plugin would otherwise take
            // for a real value (an empty application id, a file named "")
            problems.add(at(key), "is empty; give it a value (it is required)");
        }
        // else: a mapping or list where one value belongs, already reported by string()
        return "";
    }

    @Override
    public boolean has(String key) {
        return tree.containsKey(key);
    }

    @Override
    public Optional<String> secret(String key) {
        Optional<String> v = string(key);
        v.ifPresent(redactor::addSecret);
        return v;
    }

    @Override
    public int integer(String key, int defaultValue) {
        long v = longValue(key, defaultValue);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            problems.add(at(key), "is out of range: " + v);
            return defaultValue;
        }
        return (int) v;
    }

    @Override
    public long longValue(String key, long defaultValue) {
        Object v = value(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n && !(v instanceof Double || v instanceof Float)) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v).trim().replace("_", ""));
        } catch (NumberFormatException e) {
            problems.add(at(key), "expected a whole number, found '" + redactor.redact(String.valueOf(v)) + "'");
            return defaultValue;
        }
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        Object v = value(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(v).trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("true") || s.equals("yes") || s.equals("on")) {
            return true;
        }
        if (s.equals("false") || s.equals("no") || s.equals("off")) {
            return false;
        }
        problems.add(at(key), "expected true or false, found '" + s + "'");
        return defaultValue;
    }

    @Override
    public List<String> strings(String key) {
        Object v = value(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            List<String> r = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                Object o = l.get(i);
                if (o instanceof Map || o instanceof List) {
                    problems.add(at(key) + "[" + i + "]", "expected a single value");
                } else if (o == null || String.valueOf(o).isBlank()) {
                    problems.add(at(key) + "[" + i + "]", "is empty; give it a value or remove it from the list");
                } else {
                    r.add(String.valueOf(o));
                }
            }
            return r;
        }
        if (v instanceof Map) {
            problems.add(at(key), "expected a list, found a mapping");
            return List.of();
        }
        if (String.valueOf(v).isBlank()) {
            problems.add(at(key), "is empty; give a value or a list of values, or remove the key");
            return List.of();
        }
        return List.of(String.valueOf(v));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<PluginConfig> child(String key) {
        Object v = value(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Map)) {
            problems.add(at(key), "expected a mapping of keys");
            return Optional.empty();
        }
        TreePluginConfig c = new TreePluginConfig(at(key), (Map<String, Object>) v, problems, redactor, Set.of());
        children.add(c);
        return Optional.of(c);
    }

    /**
     * A subtree that another component validates (the command-line tool's {@code run} section): the key counts as
     * known here and its own keys are not reported as unknown by this tree.
     */
    @SuppressWarnings("unchecked")
    public Optional<PluginConfig> foreignChild(String key) {
        Object v = value(key);
        if (!(v instanceof Map)) {
            if (v != null) {
                problems.add(at(key), "expected a mapping of keys");
            }
            return Optional.empty();
        }
        Map<String, Object> tree = (Map<String, Object>) v;
        return Optional.of(new TreePluginConfig(at(key), tree, problems, redactor, tree.keySet()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<PluginConfig> children(String key) {
        Object v = value(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            problems.add(at(key), "expected a list");
            return List.of();
        }
        List<PluginConfig> r = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i) instanceof Map<?, ?> m) {
                TreePluginConfig c = new TreePluginConfig(at(key) + "[" + i + "]", (Map<String, Object>) m, problems, redactor, Set.of());
                children.add(c);
                r.add(c);
            } else {
                problems.add(at(key) + "[" + i + "]", "expected a mapping of keys");
            }
        }
        return r;
    }

    @Override
    public Map<String, Object> raw() {
        read.addAll(tree.keySet());
        return Collections.unmodifiableMap(new LinkedHashMap<>(tree));
    }

    @Override
    public void problem(String key, String message) {
        problems.add(at(key), message);
    }

    /** Reports keys present in the file that the plugin never read, with the ones it did read. */
    public void reportUnknownKeys() {
        Set<String> known = new TreeSet<>(read);
        known.addAll(ignored);
        for (String k : tree.keySet()) {
            if (!known.contains(k)) {
                problems.add(at(k), "unknown key" + (known.isEmpty() ? "" : "; known keys here: " + String.join(", ", known)));
            }
        }
        synchronized (children) {
            children.forEach(TreePluginConfig::reportUnknownKeys);
        }
    }
}
