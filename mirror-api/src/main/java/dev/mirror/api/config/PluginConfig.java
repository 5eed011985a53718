package dev.mirror.api.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's configuration subtree, bound and validated by core. Reading a key that is missing or of the
 * wrong kind does not throw: the problem is recorded (with its path in the file, e.g.
 * {@code target.batchSize}) and core reports <em>all</em> problems at once after the provider's
 * {@code create} returns. Keys the plugin never read are reported as unknown, with the known ones listed.
 *
 * <p>Values read through {@link #secret(String)} are masked in every log line and report.
 */
public interface PluginConfig {
    /** The path of this subtree in the configuration file, e.g. {@code target} or {@code hooks[0]}. */
    String path();

    /** A string value, or empty when absent. */
    Optional<String> string(String key);

    /** A string value, or {@code defaultValue} when absent. */
    String string(String key, String defaultValue);

    /**
     * A required string; when absent, or present with an empty or blank value ({@code applicationId:} with nothing
     * after it), a problem is recorded and {@code ""} returned.
     */
    String requiredString(String key);

    /** A secret (password, private key, token): masked in logs; empty when absent. */
    Optional<String> secret(String key);

    /** An integer, or {@code defaultValue}; a non-integer value is recorded as a problem. */
    int integer(String key, int defaultValue);

    /** A long, or {@code defaultValue}; a non-integer value is recorded as a problem. */
    long longValue(String key, long defaultValue);

    /** A boolean, or {@code defaultValue}. */
    boolean bool(String key, boolean defaultValue);

    /**
     * A list of strings (a YAML list, or a single string as a one-element list); empty when absent. An empty or blank
     * element is recorded as a problem and left out.
     */
    List<String> strings(String key);

    /** A nested subtree, or empty when absent. */
    Optional<PluginConfig> child(String key);

    /** Nested subtrees of a list key ({@code indexes: [ {...}, {...} ]}); empty when absent. */
    List<PluginConfig> children(String key);

    /**
     * Whether {@code key} is present in this subtree, even with an empty value: lets a plugin tell {@code key: []}
     * or {@code key:} (a problem) from a key left out (its default). Does not count as reading the key.
     */
    default boolean has(String key) {
        return raw().containsKey(key);
    }

    /** The raw subtree (maps, lists, strings, numbers, booleans), for plugins with their own binding. */
    Map<String, Object> raw();

    /** Records a plugin-specific problem for {@code key}; reported with the others. */
    void problem(String key, String message);
}
