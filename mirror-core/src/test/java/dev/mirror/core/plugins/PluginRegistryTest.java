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
        assertThat(registry.source("fakesource")).isInstanceOf(TestProviders.FakeSource.class);
        assertThat(registry.targetForUrl("jdbc:fake:x")).isPresent();
        assertThat(registry.targetForUrl("jdbc:other:x")).isEmpty();
        assertThat(registry.hooks()).extracting(Discovered::name).contains("dup", "noop");
    }

    @Test
    void aMissingNameListsWhatExists() {
        assertThatThrownBy(() -> registry.target("oracle")).isInstanceOf(MirrorException.class)
                .hasMessageContaining("no target dialect named 'oracle'").hasMessageContaining("available: fake")
                .satisfies(e -> assertThat(((MirrorException) e).code()).isEqualTo("PLUGIN_NOT_FOUND"));
        assertThatThrownBy(() -> registry.hook("nope")).hasMessageContaining("available: dup, noop");
    }

    @Test
    void aDuplicateNameIsAnErrorNamingBothClasses() {
        assertThatThrownBy(() -> registry.hook("dup")).isInstanceOf(MirrorException.class)
                .hasMessageContaining("named 'dup'").hasMessageContaining("DupHookA").hasMessageContaining("DupHookB")
                .satisfies(e -> assertThat(((MirrorException) e).code()).isEqualTo("PLUGIN_DUPLICATE"));
    }
}
