package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution's default target: read from its class path, absent in a bare front end, refused when ambiguous. */
class DistributionDefaultsTest {
    @TempDir
    Path dir;

    @Test
    void theFrontEndAloneNamesNoDefault() {
        // mirror-cli's own class path (tests included) carries no distribution.properties: core's rule applies
        assertThat(DistributionDefaults.targetDialect(getClass().getClassLoader())).isNull();
    }

    @Test
    void aDistributionNamesItsDefault() throws Exception {
        try (URLClassLoader loader = loader(jar("a", "target.default = postgresql\n"), jar("b", "# only a comment\n"))) {
            assertThat(DistributionDefaults.targetDialect(loader)).isEqualTo("postgresql");
        }
    }

    @Test
    void twoDifferentDefaultsAreRefusedWithBoth() throws Exception {
        try (URLClassLoader loader = loader(jar("a", "target.default=h2\n"), jar("b", "target.default=mariadb\n"))) {
            assertThatThrownBy(() -> DistributionDefaults.targetDialect(loader)).isInstanceOf(MirrorException.class)
                    .hasMessageContaining("h2").hasMessageContaining("mariadb").hasMessageContaining("-Dmirror.target.default");
        }
    }

    @Test
    void theSystemPropertyOverridesTheDistribution() {
        System.setProperty(DistributionDefaults.TARGET_PROPERTY, " mariadb ");
        try {
            assertThat(DistributionDefaults.targetDialect()).isEqualTo("mariadb");
        } finally {
            System.clearProperty(DistributionDefaults.TARGET_PROPERTY);
        }
        assertThat(DistributionDefaults.targetDialect()).isNull();
    }

    private Path jar(String name, String properties) throws Exception {
        Path root = dir.resolve(name);
        Path file = root.resolve(DistributionDefaults.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, properties);
        return root;
    }

    private static URLClassLoader loader(Path... roots) throws Exception {
        URL[] urls = new URL[roots.length];
        for (int i = 0; i < roots.length; i++) {
            urls[i] = roots[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }
}
