package dev.mirror.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.MirrorProtocol;
import dev.mirror.api.source.PullSource;
import dev.mirror.core.config.ConfigLoader;
import dev.mirror.core.config.ConfigProblems;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link MirrorBuilder#source} and {@link MirrorBuilder#dialect}: a mirror built from given instances (kits, embedders). */
class BuilderInstancesTest {
    private final AtomicInteger closed = new AtomicInteger();
    private final PullSource source = new PullSource() {
        @Override
        public void runCycle(MirrorProtocol protocol) {
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    };

    private static Map<String, Object> tree(String yaml) {
        return new ConfigLoader(k -> null).parse(yaml, "t.yaml", new ConfigProblems());
    }

    private MirrorBuilder builder(String yaml) {
        return Mirror.builder().config(tree(yaml), "t.yaml").pluginDirectory(false);
    }

    @Test
    void theGivenSourceAndDialectAreTheMirrorsOwn() {
        FakeDialect dialect = new FakeDialect();
        try (Mirror m = builder("context: Kit1\ntarget: {url: \"jdbc:h2:mem:builder_instances\"}\n")
                .source(source).dialect(dialect).build()) {
            assertThat(m.source()).isSameAs(source);
            assertThat(m.pullSource()).isSameAs(source);
            assertThat(m.targetDialect()).isSameAs(dialect);
            assertThat(m.targetUrlTemplate()).isEqualTo("jdbc:h2:mem:builder_instances");
            assertThat(m.settings().sourceType()).as("no source.type is needed").isNull();
            assertThatThrownBy(m::pushSource).hasMessageContaining("BuilderInstancesTest");
        }
        assertThat(closed.get()).as("closing the mirror closes the given source").isEqualTo(1);
    }

    @Test
    void aGivenSourceWithASourceTypeIsRefusedAndClosed() {
        assertThatThrownBy(() -> builder("context: Kit1\nsource: {type: fakesource}\ntarget: {dialect: fake}\n").source(source).build())
                .isInstanceOfSatisfying(MirrorException.class, e -> assertThat(e.code()).isEqualTo("CONFIG_INVALID"))
                .hasMessageContaining("source.type").hasMessageContaining("source instance");
        assertThat(closed.get()).as("a failed build closes the given source").isEqualTo(1);
    }

    @Test
    void aGivenDialectNeedsATargetUrlAndNoTargetDialect() {
        assertThatThrownBy(() -> builder("context: Kit1\ntarget: {dialect: fake}\n").source(source).dialect(new FakeDialect()).build())
                .hasMessageContaining("target.dialect: must not be set")
                .hasMessageContaining("target.url: is required when the builder is given a dialect instance");
    }

    @Test
    void aPullSourceInstanceStillNeedsAContext() {
        assertThatThrownBy(() -> builder("target: {dialect: fake}\n").source(source).build())
                .hasMessageContaining("context: is required for the pull source");
    }

    @Test
    void withoutAnInstanceTheSourceSectionIsStillRequired() {
        assertThatThrownBy(() -> builder("context: Kit1\ntarget: {dialect: fake}\n").build()).hasMessageContaining("source");
    }

    @Test
    void aCycleThroughAViewReportsTheSourcesFailureToTheView() {
        PullSource failing = new PullSource() {
            @Override
            public void runCycle(MirrorProtocol protocol) {
                throw new IllegalStateException("source broke");
            }

            @Override
            public void close() {
            }
        };
        java.util.List<Throwable> failed = new java.util.ArrayList<>();
        try (Mirror m = builder("context: Kit1\ntarget: {url: \"jdbc:h2:mem:builder_view\"}\n").source(source)
                .dialect(new FakeDialect()).build()) {
            assertThatThrownBy(() -> m.runCycle(failing, core -> (MirrorProtocol) java.lang.reflect.Proxy.newProxyInstance(
                    MirrorProtocol.class.getClassLoader(), new Class<?>[] {MirrorProtocol.class}, (proxy, method, args) -> {
                        if (method.getName().equals("fail")) {
                            failed.add((Throwable) args[0]);
                        }
                        return method.invoke(core, args);
                    }))).hasMessage("source broke");
            assertThat(failed).as("fail went through the view").singleElement().extracting(Throwable::getMessage)
                    .isEqualTo("source broke");
            assertThatThrownBy(() -> m.runCycle(failing, core -> null)).hasMessageContaining("the view returned null");
        }
    }

    @Test
    void nullInstancesAreRefusedAtOnce() {
        assertThatThrownBy(() -> Mirror.builder().source(null)).hasMessageContaining("source is null");
        assertThatThrownBy(() -> Mirror.builder().dialect(null)).hasMessageContaining("dialect is null");
    }
}
