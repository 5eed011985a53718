package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.ContextId;
import dev.mirror.core.Mirror;
import dev.mirror.core.config.ConfigLoader;
import dev.mirror.core.config.ConfigProblems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the full distribution ships besides the jars and the launcher (mirror-cli's LauncherFilesTest): every example in
 * {@code conf/} is valid (core's loader and builder, every problem at once; push examples pass the tenant-isolation
 * check that {@code mirror serve} makes), the sample example passes {@code mirror validate} end to end, the
 * distribution's default target is H2, and the SuperOffice endpoint's parser (Woodstox) is on its class path.
 */
class DistributionFilesTest {
    static final Path DIST = Path.of("src", "main", "dist");
    static final Map<String, String> ENV = Map.of("MIRROR_SOURCE_PASSWORD", "source-secret", "MIRROR_TARGET_PASSWORD",
            "target-secret", "MIRROR_TLS_PASSWORD", "tls-secret", "MIRROR_HTTP_TOKEN", "0123456789abcdef0123456789abcdef");

    @TempDir
    Path dir;

    @Test
    void thereIsAnExampleForEverySource() throws Exception {
        try (Stream<Path> files = Files.list(DIST.resolve("conf"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")))
                    .containsExactlyInAnyOrder("sample.yaml", "sqlserver.yaml", "superoffice-one-tenant.yaml",
                            "superoffice-tenants.yaml");
        }
    }

    @Test
    void everyExampleIsValid() {
        for (String name : new String[] {"sample.yaml", "sqlserver.yaml", "superoffice-one-tenant.yaml", "superoffice-tenants.yaml"}) {
            try (Mirror m = build(name)) {
                assertThat(m.settings().sourceType()).as(name).isIn("sample", "sqlserver", "superoffice");
                assertThat(m.runSettings().metricsPort()).as(name + ": the status page is configured").isEqualTo(9464);
                if (m.isPush()) {
                    m.tenants().requireIsolation(); // what 'mirror serve' and 'mirror validate' refuse
                }
            }
        }
        try (Mirror one = build("superoffice-one-tenant.yaml")) {
            assertThat(one.tenants().allowed()).contains(Set.of(ContextId.of("Cust12345")));
            assertThat(one.runSettings().http().token()).isNotNull();
            assertThat(one.redactor().redact("token " + ENV.get("MIRROR_HTTP_TOKEN"))).doesNotContain(ENV.get("MIRROR_HTTP_TOKEN"));
        }
        try (Mirror many = build("superoffice-tenants.yaml")) {
            assertThat(many.tenants().allowed()).contains(Set.of(ContextId.of("Cust12345"), ContextId.of("Cust67890")));
            assertThat(many.tenants().routesPerContext()).isTrue();
            assertThat(many.settings().contextId()).isNull();
        }
    }

    @Test
    void theSampleExamplePassesMirrorValidate() throws Exception {
        Path copy = dir.resolve("sample.yaml");
        Files.writeString(copy, Files.readString(DIST.resolve("conf/sample.yaml"))
                .replace("./mirror-data/demo", dir.resolve("demo").toString().replace('\\', '/')));
        Cli.Result r = Cli.run("validate", "--config", copy.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("configuration: OK").contains("source: OK (sample");
    }

    @Test
    void theFullDistributionChoosesH2AsTheDefaultTarget() throws Exception {
        // this module's jar (lib/mirror-distribution-*.jar) carries the choice; the front end names no plugin
        assertThat(DistributionDefaults.targetDialect(getClass().getClassLoader())).isEqualTo("h2");
        Path noTarget = dir.resolve("no-target.yaml");
        Files.writeString(noTarget, "context: Demo\nsource:\n  type: sample\n");
        Cli.Result r = Cli.run("plugins", "--config", noTarget.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().lines().filter(l -> l.trim().startsWith("target") && l.trim().endsWith("yes")))
                .as(r.out()).singleElement().satisfies(l -> assertThat(l).contains(" h2 "));
    }

    @Test
    void theSuperOfficeEndpointsXmlParserShipsWithIt() throws Exception {
        // lib/ holds this module's runtime class path: Woodstox comes with mirror-superoffice (its SafeXml names it by class)
        Class<?> woodstox = Class.forName("com.ctc.wstx.stax.WstxInputFactory");
        assertThat(woodstox.getProtectionDomain().getCodeSource().getLocation().getPath()).contains("woodstox-core");
        assertThat(Class.forName("org.codehaus.stax2.XMLInputFactory2").getProtectionDomain().getCodeSource().getLocation()
                .getPath()).contains("stax2-api");
    }

    private static Mirror build(String name) {
        ConfigProblems problems = new ConfigProblems();
        Map<String, Object> tree = new ConfigLoader(ENV::get).load(DIST.resolve("conf").resolve(name), problems);
        assertThat(problems.all()).as(name).isEmpty();
        return Mirror.builder().config(tree, name).pluginDirectory(false).build();
    }
}
