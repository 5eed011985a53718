package dev.mirror.testkit.hook;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.config.PluginConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link PluginConfig} over a plain map, for plugin tests: it records problems the way core does
 * (with their path, never thrown) and tracks which keys were read, so a test can assert that a valid
 * configuration yields no problems and no unknown keys. Reading {@link #raw()} counts as reading every
 * key (a plugin doing its own binding). Secrets are never printed by {@link #toString()}.
 */
public final class MapPluginConfig implements PluginConfig {
    private final String path;
    private final Map<String, Object> values;
    private final List<String> problems;
    private final Set<String> read = Collections.synchronizedSet(new TreeSet<>());
    private final List<MapPluginConfig> nested = Collections.synchronizedList(new ArrayList<>());

    /** A root configuration at {@code path} (for a hook, e.g. {@code hooks[0]}). */
    public MapPluginConfig(String path, Map<String, ?> values) {
        this(path, values, Collections.synchronizedList(new ArrayList<>()));
    }

    private MapPluginConfig(String path, Map<String, ?> values, List<String> problems) {
        this.path = requireNonNull(path, "path is null");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(values, "values is null")));
        this.problems = problems;
    }

    /**
     * A {@link dev.mirror.api.PluginContext} over this configuration, as core hands it to a provider's {@code create}:
     * no context identifier, the system clock.
     */
    public dev.mirror.api.PluginContext context() {
        return dev.mirror.api.PluginContext.of(this, Optional.empty());
    }

    /** Like {@link #context()} with a configured context identifier (what a pull source gets), e.g. {@code "Cust1"}. */
    public dev.mirror.api.PluginContext context(String contextId) {
        return dev.mirror.api.PluginContext.of(this, Optional.of(dev.mirror.api.ContextId.of(contextId)));
    }

    /** Every problem recorded so far, as {@code path.key: message}, in the order recorded. */
    public List<String> problems() {
        synchronized (problems) {
            return List.copyOf(problems);
        }
    }

    /** Keys present in this subtree or any subtree handed out that the plugin never read, with their path. */
    public List<String> unknownKeys() {
        List<String> unknown = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                unknown.add(at(key));
            }
        }
        synchronized (nested) {
            for (MapPluginConfig child : nested) {
                unknown.addAll(child.unknownKeys());
            }
        }
        return unknown;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Optional<String> string(String key) {
        Object v = get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof List) {
            problem(key, "expected a single value, got " + kind(v));
            return Optional.empty();
        }
        return Optional.of(v.toString());
    }

    @Override
    public String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    @Override
    public String requiredString(String key) {
        Optional<String> v = string(key);
        if (v.isEmpty() && get(key) == null) {
            problem(key, "is required");
        }
        return v.orElse("");
    }

    @Override
    public Optional<String> secret(String key) {
        return string(key);
    }

    @Override
    public int integer(String key, int defaultValue) {
        long v = longValue(key, defaultValue);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            problem(key, "is out of range for an integer: " + v);
            return defaultValue;
        }
        return (int) v;
    }

    @Override
    public long longValue(String key, long defaultValue) {
        Object v = get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            problem(key, "expected an integer, got '" + v + "'");
            return defaultValue;
        }
    }

    @Override
    public boolean bool(String key, boolean defaultValue) {
        Object v = get(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        problem(key, "expected true or false, got '" + v + "'");
        return defaultValue;
    }

    @Override
    public List<String> strings(String key) {
        Object v = get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> list) {
            List<String> r = new ArrayList<>();
            for (Object o : list) {
                if (o == null || o instanceof Map || o instanceof List) {
                    problem(key, "expected a list of strings, got an element that is " + kind(o));
                } else {
                    r.add(o.toString());
                }
            }
            return r;
        }
        if (v instanceof Map) {
            problem(key, "expected a list of strings, got " + kind(v));
            return List.of();
        }
        return List.of(v.toString());
    }

    @Override
    public Optional<PluginConfig> child(String key) {
        Object v = get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Map<?, ?> map)) {
            problem(key, "expected a map, got " + kind(v));
            return Optional.empty();
        }
        return Optional.of(nest(at(key), map));
    }

    @Override
    public List<PluginConfig> children(String key) {
        Object v = get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            problem(key, "expected a list of maps, got " + kind(v));
            return List.of();
        }
        List<PluginConfig> r = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Map<?, ?> map) {
                r.add(nest(at(key) + "[" + i + "]", map));
            } else {
                problem(key, "expected a list of maps, element " + i + " is " + kind(list.get(i)));
            }
        }
        return r;
    }

    @Override
    public Map<String, Object> raw() {
        read.addAll(values.keySet());
        return values;
    }

    @Override
    public void problem(String key, String message) {
        problems.add(at(key) + ": " + message);
    }

    @Override
    public String toString() {
        return "MapPluginConfig[" + path + ", keys=" + values.keySet() + "]";
    }

    private Object get(String key) {
        read.add(key);
        return values.get(key);
    }

    private MapPluginConfig nest(String childPath, Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        MapPluginConfig child = new MapPluginConfig(childPath, copy, problems);
        nested.add(child);
        return child;
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String kind(Object v) {
        if (v == null) {
            return "empty";
        }
        if (v instanceof Map) {
            return "a map";
        }
        if (v instanceof List) {
            return "a list";
        }
        return "'" + v + "'";
    }
}
