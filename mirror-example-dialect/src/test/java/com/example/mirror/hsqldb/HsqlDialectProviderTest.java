package com.example.mirror.hsqldb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.SpiVersion;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.dialect.TargetDialectProvider;
import dev.mirror.testkit.hook.MapPluginConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class HsqlDialectProviderTest {

    @Test
    void foundThroughServiceLoader() {
        List<TargetDialectProvider> found = new ArrayList<>();
        ServiceLoader.load(TargetDialectProvider.class).forEach(found::add);
        assertThat(found).filteredOn(p -> p.name().equals("hsqldb")).singleElement().isInstanceOf(HsqlDialectProvider.class);
    }

    @Test
    void acceptsHsqldbUrlsOnlyAndStatesItsSpiVersion() {
        HsqlDialectProvider p = new HsqlDialectProvider();
        assertThat(p.accepts("jdbc:hsqldb:mem:x")).isTrue();
        assertThat(p.accepts("JDBC:HSQLDB:file:/var/mirror/db")).isTrue();
        assertThat(p.accepts("jdbc:hsqldb:hsql://localhost/mirror")).isTrue();
        assertThat(p.accepts("jdbc:h2:mem:x")).isFalse();
        assertThat(p.accepts(null)).isFalse();
        assertThat(p.defaultJdbcUrl()).isEmpty();
        assertThat(p.spiVersion()).isEqualTo(SpiVersion.VERSION);
    }

    @Test
    void createsWithDefaultsAndReportsABadBatchSize() {
        MapPluginConfig ok = new MapPluginConfig("target", Map.of("batchSize", 50));
        TargetDialect d = new HsqlDialectProvider().create(ok.context());
        assertThat(d.name()).isEqualTo("hsqldb");
        assertThat(ok.problems()).isEmpty();
        MapPluginConfig bad = new MapPluginConfig("target", Map.of("batchSize", 0));
        assertThat(new HsqlDialectProvider().create(bad.context())).isNotNull();
        assertThat(bad.problems()).singleElement().satisfies(m -> assertThat(m).startsWith("target.batchSize:"));
    }
}
