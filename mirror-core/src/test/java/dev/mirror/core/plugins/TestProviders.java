package dev.mirror.core.plugins;

import dev.mirror.api.ContextId;
import dev.mirror.api.PluginContext;
import dev.mirror.api.SpiVersion;
import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.api.hook.LifecycleHookProvider;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.PullSourceProvider;
import dev.mirror.api.source.PushSource;
import dev.mirror.api.source.PushSourceProvider;
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
        public String spiVersion() {
            return SpiVersion.VERSION;
        }

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
        public TargetDialect create(PluginContext context) {
            PluginConfig config = context.config();
            int batch = config.integer("batchSize", 1000);
            if (batch < 1) {
                config.problem("batchSize", "must be at least 1");
            }
            return new FakeDialect();
        }
    }

    public static final class FakeSource implements PullSourceProvider {
        @Override
        public String spiVersion() {
            return SpiVersion.VERSION;
        }

        @Override
        public String name() {
            return "fakesource";
        }

        @Override
        public PullSource create(PluginContext context) {
            PluginConfig config = context.config();
            config.string("greeting", "hi");
            config.secret("password");
            return new PullSource() {
                @Override
                public void runCycle(dev.mirror.api.protocol.MirrorProtocol protocol) {
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** A push source declaring {@code allowed} as its allowed contexts (when given); counts its serve calls. */
    public static final class FakePushSource implements PushSourceProvider {
        public static final java.util.concurrent.atomic.AtomicInteger SERVED = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String spiVersion() {
            return SpiVersion.VERSION;
        }

        @Override
        public String name() {
            return "fakepush";
        }

        @Override
        public PushSource create(PluginContext context) {
            PluginConfig config = context.config();
            Optional<java.util.Set<ContextId>> allowed = Optional.empty();
            if (config.has("allowed")) {
                java.util.Set<ContextId> ids = new java.util.LinkedHashSet<>();
                for (String c : config.strings("allowed")) {
                    try {
                        ids.add(ContextId.of(c));
                    } catch (dev.mirror.api.MirrorException e) {
                        config.problem("allowed", e.getMessage());
                    }
                }
                allowed = Optional.of(ids);
            }
            Optional<java.util.Set<ContextId>> declared = allowed;
            return new PushSource() {
                @Override
                public Optional<java.util.Set<ContextId>> allowedContexts() {
                    return declared;
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
        public String spiVersion() {
            return SpiVersion.VERSION;
        }

        @Override
        public String name() {
            return "dup";
        }

        @Override
        public LifecycleHook create(PluginContext context) {
            return new LifecycleHook() { };
        }
    }

    public static final class DupHookB implements LifecycleHookProvider {
        @Override
        public String spiVersion() {
            return SpiVersion.VERSION;
        }

        @Override
        public String name() {
            return "dup";
        }

        @Override
        public LifecycleHook create(PluginContext context) {
            return new LifecycleHook() { };
        }
    }

    public static final class NoopHook implements LifecycleHookProvider {
        @Override
        public String spiVersion() {
            return SpiVersion.VERSION;
        }

        @Override
        public String name() {
            return "noop";
        }

        @Override
        public LifecycleHook create(PluginContext context) {
            context.config().requiredString("label");
            return new LifecycleHook() { };
        }
    }

    /** A pull and a push source that both claim the name "twin": selecting it is a duplicate error. */
    public static final class TwinPull implements PullSourceProvider {
        @Override
        public String spiVersion() {
            return SpiVersion.VERSION;
        }

        @Override
        public String name() {
            return "twin";
        }

        @Override
        public PullSource create(PluginContext context) {
            throw new AssertionError("a duplicate is never created");
        }
    }

    public static final class TwinPush implements PushSourceProvider {
        @Override
        public String spiVersion() {
            return SpiVersion.VERSION;
        }

        @Override
        public String name() {
            return "twin";
        }

        @Override
        public PushSource create(PluginContext context) {
            throw new AssertionError("a duplicate is never created");
        }
    }

    /** A hook that states no SPI version, as every plugin built for SPI 1.x that did not override spiVersion(). */
    public static final class UnstatedHook implements LifecycleHookProvider {
        @Override
        public String name() {
            return "unstated";
        }

        @Override
        public LifecycleHook create(PluginContext context) {
            throw new AssertionError("an incompatible plugin is never created");
        }
    }

    /** A hook built against SPI 1.1. */
    public static final class OldHook implements LifecycleHookProvider {
        @Override
        public String spiVersion() {
            return "1.1";
        }

        @Override
        public String name() {
            return "old";
        }

        @Override
        public LifecycleHook create(PluginContext context) {
            throw new AssertionError("an incompatible plugin is never created");
        }
    }
}
