package dev.mirror.sample;

import dev.mirror.api.config.PluginConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A PluginConfig over a map that collects problems (as core does) instead of throwing. */
final class FakeConfig implements PluginConfig {
    final Map<String, Object> values;
    final Map<String, String> problems = new LinkedHashMap<>();

    FakeConfig(Map<String, Object> values) {
        this.values = values;
    }

    @Override public String path() { return "source"; }
    @Override public Optional<String> string(String key) { return Optional.ofNullable(values.get(key)).map(Object::toString); }
    @Override public String string(String key, String d) { return string(key).orElse(d); }
    @Override public String requiredString(String key) { return string(key, ""); }
    @Override public Optional<String> secret(String key) { return string(key); }
    @Override public int integer(String key, int d) {
        Object v = values.get(key);
        if (v == null) {
            return d;
        }
        try {
            return Integer.parseInt(v.toString());
        } catch (NumberFormatException e) {
            problem(key, "not an integer");
            return d;
        }
    }
    @Override public long longValue(String key, long d) { return integer(key, (int) d); }
    @Override public boolean bool(String key, boolean d) { return values.containsKey(key) ? Boolean.parseBoolean(values.get(key).toString()) : d; }
    @Override public List<String> strings(String key) { return string(key).map(List::of).orElse(List.of()); }
    @Override public Optional<PluginConfig> child(String key) { return Optional.empty(); }
    @Override public List<PluginConfig> children(String key) { return List.of(); }
    @Override public Map<String, Object> raw() { return values; }
    @Override public void problem(String key, String message) { problems.put(key, message); }
}
