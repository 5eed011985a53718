package dev.mirror.core.plugins;

import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.api.hook.LifecycleHookProvider;
import dev.mirror.api.source.ChangeSource;
import dev.mirror.api.source.ChangeSourceProvider;
import dev.mirror.api.source.SourceContext;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.dialect.TargetDialectProvider;
import dev.mirror.core.FakeDialect;
import java.util.Optional;

/** Providers registered in the test resources' META-INF/services, for lookup and configuration tests. */
public final class TestProviders {
    private TestProviders() {
    }

    public static final class FakeTarget implements TargetDialectProvider {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public boolean accepts(String jdbcUrl) {
            return jdbcUrl.startsWith("jdbc:fake:");
        }

        @Override
        public Optional<String> defaultJdbcUrl() {
            return Optional.of("jdbc:fake:default");
        }

        @Override
        public TargetDialect create(PluginConfig config) {
            int batch = config.integer("batchSize", 1000);
            if (batch < 1) {
                config.problem("batchSize", "must be at least 1");
            }
            return new FakeDialect();
        }
    }

    public static final class FakeSource implements ChangeSourceProvider {
        @Override
        public String name() {
            return "fakesource";
        }

        @Override
        public ChangeSource create(PluginConfig config, SourceContext context) {
            config.string("greeting", "hi");
            config.secret("password");
            return () -> { };
        }
    }

    /** A push source declaring {@code allowed} as its allowed contexts (when given); counts its serve calls. */
    public static final class FakePushSource implements ChangeSourceProvider {
        public static final java.util.concurrent.atomic.AtomicInteger SERVED = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String name() {
            return "fakepush";
        }

        @Override
        public ChangeSource create(PluginConfig config, SourceContext context) {
            Optional<java.util.Set<String>> allowed = config.has("allowed")
                    ? Optional.of(new java.util.LinkedHashSet<>(config.strings("allowed"))) : Optional.empty();
            return new ChangeSource() {
                @Override
                public boolean isPush() {
                    return true;
                }

                @Override
                public Optional<java.util.Set<String>> allowedContexts() {
                    return allowed;
                }

                @Override
                public void serve(dev.mirror.api.source.ProtocolSessions sessions) {
                    SERVED.incrementAndGet();
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** Two hook providers claim the name "dup". */
    public static final class DupHookA implements LifecycleHookProvider {
        @Override
        public String name() {
            return "dup";
        }

        @Override
        public LifecycleHook create(PluginConfig config) {
            return new LifecycleHook() { };
        }
    }

    public static final class DupHookB implements LifecycleHookProvider {
        @Override
        public String name() {
            return "dup";
        }

        @Override
        public LifecycleHook create(PluginConfig config) {
            return new LifecycleHook() { };
        }
    }

    public static final class NoopHook implements LifecycleHookProvider {
        @Override
        public String name() {
            return "noop";
        }

        @Override
        public LifecycleHook create(PluginConfig config) {
            config.requiredString("label");
            return new LifecycleHook() { };
        }
    }
}
