package dev.mirror.sqlserver.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.dialect.TargetDialectProvider;
import dev.mirror.api.source.PullSourceProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The source is found by its name, and this module brings no target dialect (that is mirror-sqlserver). */
class ServiceLoadingTest {
    @Test
    void changeTrackingSourceIsFoundByName() {
        assertThat(ServiceLoader.load(PullSourceProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(PullSourceProvider::name)).containsExactly("sqlserver");
    }

    /** The test class path also holds mirror-h2 (the source kit's target), so only dialects from this module count. */
    @Test
    void theSourceModuleOffersNoTargetDialect() {
        assertThat(ServiceLoader.load(TargetDialectProvider.class).stream().map(ServiceLoader.Provider::type)
                .map(Class::getName)).noneMatch(n -> n.startsWith("dev.mirror.sqlserver."));
    }
}
