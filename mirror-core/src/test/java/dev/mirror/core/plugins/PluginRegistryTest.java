package dev.mirror.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {
    private final PluginRegistry registry = new PluginRegistry(getClass().getClassLoader());

    @Test
    void findsProvidersThroughServiceLoaderByName() {
        assertThat(registry.target("fake")).isInstanceOf(TestProviders.FakeTarget.class);
        assertThat(registry.target("FAKE")).isInstanceOf(TestProviders.FakeTarget.class);
        assertThat(registry.source("fakesource").provider()).isInstanceOf(TestProviders.FakeSource.class);
        assertThat(registry.source("fakesource").isPush()).isFalse();
        assertThat(registry.source("FakePush").provider()).isInstanceOf(TestProviders.FakePushSource.class);
        assertThat(registry.source("fakepush").isPush()).isTrue();
        assertThat(registry.sources()).extracting(Discovered::kind).contains("pull source", "push source");
        assertThat(registry.targetForUrl("jdbc:fake:x")).isPresent();
        assertThat(registry.targetForUrl("jdbc:other:x")).isEmpty();
        assertThat(registry.hooks()).extracting(Discovered::name).contains("dup", "noop");
    }

    @Test
    void aMissingNameListsWhatExists() {
        assertThatThrownBy(() -> registry.target("oracle")).isInstanceOf(MirrorException.class)
                .hasMessageContaining("no target dialect named 'oracle'").hasMessageContaining("available: fake")
                .satisfies(e -> assertThat(((MirrorException) e).code()).isEqualTo("PLUGIN_NOT_FOUND"));
        assertThatThrownBy(() -> registry.hook("nope")).hasMessageContaining("available: dup, noop, old, unstated");
        assertThatThrownBy(() -> registry.source("nope")).as("pull and push sources are listed together")
                .hasMessageContaining("no source named 'nope' (source.type); available: fakepush, fakesource, twin");
    }

    @Test
    void aDuplicateNameIsAnErrorNamingBothClasses() {
        assertThatThrownBy(() -> registry.hook("dup")).isInstanceOf(MirrorException.class)
                .hasMessageContaining("named 'dup'").hasMessageContaining("DupHookA").hasMessageContaining("DupHookB")
                .satisfies(e -> assertThat(((MirrorException) e).code()).isEqualTo("PLUGIN_DUPLICATE"));
    }

    @Test
    void aSourceNameIsUniqueAcrossPullAndPushSources() {
        assertThatThrownBy(() -> registry.source("twin")).isInstanceOfSatisfying(MirrorException.class,
                        e -> assertThat(e.code()).isEqualTo("PLUGIN_DUPLICATE"))
                .hasMessageContaining("named 'twin'").hasMessageContaining("TwinPull (pull source)")
                .hasMessageContaining("TwinPush (push source)").hasMessageContaining("Remove one of the jars");
    }

    @Test
    void aPluginBuiltForSpi1IsRefusedNamingPluginJarAndVersions() {
        assertThatThrownBy(() -> registry.hook("old")).isInstanceOfSatisfying(MirrorException.class,
                        e -> assertThat(e.code()).isEqualTo("PLUGIN_SPI_INCOMPATIBLE"))
                .hasMessageContaining("the hook plugin 'old' (" + TestProviders.OldHook.class.getName() + " in ")
                .hasMessageContaining("was built for mirror SPI 1.1, but this mirror provides SPI 2.1")
                .hasMessageContaining("(it runs plugins built for 2.0 to 2.1): use a build of the plugin for this mirror version");
        assertThatThrownBy(() -> registry.hook("unstated")).as("a provider that does not override spiVersion() is a 1.0 plugin")
                .hasMessageContaining("the hook plugin 'unstated'").hasMessageContaining("was built for mirror SPI 1.0");
    }

    @Test
    void theDefaultTargetIsTheOneDialectWithAnEmbeddedDefault() {
        assertThat(registry.defaultTarget()).isInstanceOf(TestProviders.FakeTarget.class);
    }
}
