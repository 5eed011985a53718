package dev.mirror.core.config;

import dev.mirror.api.ContextId;
import dev.mirror.api.MirrorException;
import dev.mirror.api.config.PluginConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The top-level configuration as core binds it. Plugin subtrees stay {@link PluginConfig}s: each plugin reads its
 * own keys.
 *
 * @param contextId     {@code context}: the context identifier (pull sources); may be null for push sources, and is null when
 *                      the configured one is invalid (a problem recorded at binding)
 * @param source        {@code source}: the source's subtree; {@code type} names the source plugin (null when the builder was given a source instance)
 * @param sourceType    {@code source.type} (null when the builder was given a source instance)
 * @param target        {@code target}: connection keys read by core plus the dialect's own keys
 * @param targetSettings core's reading of the target subtree
 * @param useDefaultBlocklist {@code blocklist.useDefault} (default true)
 * @param blocklistAdditions  {@code blocklist.add}
 * @param hooks         {@code hooks}: one subtree per enabled hook, each with {@code name}
 * @param pluginsDirectory {@code plugins.directory} (default {@code plugins})
 * @param retryAttempts {@code retry.attempts} (default 4)
 * @param retryBackoffMillis {@code retry.initialBackoffMillis} (default 200)
 * @param run           {@code run}: the runner's keys, bound by {@link RunSettings} (may be empty)
 * @param options       {@code options}: per-table mode and column options, bound by {@link TableOptionsSettings}
 */
public record MirrorSettings(ContextId contextId, PluginConfig source, String sourceType, PluginConfig target,
                             TargetSettings targetSettings, boolean useDefaultBlocklist, List<String> blocklistAdditions,
                             List<PluginConfig> hooks, Path pluginsDirectory, int retryAttempts, long retryBackoffMillis,
                             PluginConfig run, TableOptionsSettings options) {

    /**
     * Core's reading of {@code target}.
     *
     * @param dialect  {@code target.dialect}, or null to infer it from the URL
     * @param url      {@code target.url} (may contain {@code {ctx}}), or null for the dialect's embedded default
     * @param user     {@code target.user}, may be null
     * @param password {@code target.password} (secret), may be null
     * @param poolSize {@code target.poolSize} (default 4)
     * @param connectTimeoutSeconds {@code target.connectTimeoutSeconds} (default 15): how long to wait for a connection
     */
    public record TargetSettings(String dialect, String url, String user, String password, int poolSize, int connectTimeoutSeconds) {
        @Override
        public String toString() {
            return "TargetSettings[dialect=" + dialect + ", url=" + url + ", user=" + user + ", password="
                    + (password == null ? "none" : "****") + ", poolSize=" + poolSize + ", connectTimeoutSeconds="
                    + connectTimeoutSeconds + "]";
        }
    }

    /** Binds the top level; every problem goes to {@code problems}. */
    public static MirrorSettings bind(TreePluginConfig root) {
        return bind(root, true);
    }

    /**
     * Binds the top level; {@code sourceRequired} false when the builder was given a source instance, so the
     * configuration needs no {@code source} section (and one without {@code type} is no problem).
     */
    public static MirrorSettings bind(TreePluginConfig root, boolean sourceRequired) {
        ContextId context = null;
        String configured = root.string("context").orElse(null);
        if (configured != null) {
            try {
                context = ContextId.of(configured);
            } catch (MirrorException e) {
                root.problem("context", e.getMessage());
            }
        }
        PluginConfig source = root.child("source").orElse(null);
        String sourceType = null;
        if (!sourceRequired) {
            sourceType = source == null ? null : source.string("type").filter(v -> !v.isBlank()).orElse(null);
        } else if (source == null) {
            root.problem("source", "is required: a mapping with 'type' (for example type: sample)");
        } else {
            sourceType = source.requiredString("type");
        }
        PluginConfig target = root.child("target").orElseGet(() -> new TreePluginConfig("target", java.util.Map.of(),
                new ConfigProblems(), new dev.mirror.core.Redactor(), java.util.Set.of()));
        TargetSettings ts = new TargetSettings(target.string("dialect").filter(v -> !v.isBlank()).orElse(null),
                target.string("url").filter(v -> !v.isBlank()).orElse(null),
                target.string("user").orElse(null), target.secret("password").orElse(null), target.integer("poolSize", 4),
                target.integer("connectTimeoutSeconds", 15));
        for (String key : List.of("url", "dialect")) {
            // "url:" with nothing after it would silently fall back to the embedded default target
            if (target.has(key) && target.string(key).map(String::isBlank).orElse(true)) {
                target.problem(key, "is empty; give a value, or remove the key to use the default");
            }
        }
        if (ts.connectTimeoutSeconds() < 1) {
            target.problem("connectTimeoutSeconds", "must be at least 1");
        }
        if (ts.poolSize() < 1 || ts.poolSize() > 64) {
            target.problem("poolSize", "must be between 1 and 64");
        }
        boolean useDefault = true;
        List<String> additions = List.of();
        var blocklist = root.child("blocklist");
        if (blocklist.isPresent()) {
            useDefault = blocklist.get().bool("useDefault", true);
            additions = blocklist.get().strings("add");
        }
        List<PluginConfig> hooks = root.children("hooks");
        for (PluginConfig h : hooks) {
            h.requiredString("name");
        }
        Path plugins = Path.of(root.child("plugins").map(p -> p.string("directory", "plugins")).orElse("plugins"));
        int attempts = 4;
        long backoff = 200;
        var retry = root.child("retry");
        if (retry.isPresent()) {
            attempts = retry.get().integer("attempts", 4);
            backoff = retry.get().longValue("initialBackoffMillis", 200);
            if (attempts < 1) {
                retry.get().problem("attempts", "must be at least 1");
                attempts = 1;
            }
        }
        PluginConfig run = root.foreignChild("run").orElseGet(() -> new TreePluginConfig("run", java.util.Map.of(),
                new ConfigProblems(), new dev.mirror.core.Redactor(), java.util.Set.of()));
        TableOptionsSettings options = TableOptionsSettings.bind(root.child("options"));
        return new MirrorSettings(context, source, sourceType, target, ts, useDefault, additions, hooks, plugins, attempts,
                Math.max(0, backoff), run, options);
    }
}
