package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * mirror-bom lists every published module at the reactor's version, and nothing that would drag the project's build
 * into an importing pom; the README's "Assembling your own distribution" excerpt is the example module's pom.
 */
class BomTest {
    private static final Path ROOT = Path.of("..");
    /** Reactor modules that are not published: tests, benchmarks, examples, and the BOM itself. */
    private static final Set<String> UNPUBLISHED = Set.of("mirror-tests", "mirror-bench", "mirror-example-plugin", "mirror-example-dialect", "mirror-bom",
            "mirror-custom-distribution");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");

    @Test
    void theBomManagesEveryPublishedModuleAtTheReactorsVersion() throws Exception {
        String parent = withoutComments(Files.readString(ROOT.resolve("pom.xml")));
        Set<String> published = new TreeSet<>();
        for (String module : all(MODULE, parent)) {
            String artifact = ownArtifactId(withoutComments(Files.readString(ROOT.resolve(module).resolve("pom.xml"))));
            if (!UNPUBLISHED.contains(artifact)) {
                published.add(artifact);
            }
        }
        String bom = withoutComments(Files.readString(ROOT.resolve("mirror-bom/pom.xml")));
        String managed = bom.substring(bom.indexOf("<dependencyManagement>"));
        assertThat(new TreeSet<>(all(ARTIFACT, managed))).as("mirror-bom's dependencyManagement").isEqualTo(published);
        assertThat(version(bom)).as("mirror-bom's version").isEqualTo(version(parent.substring(parent.indexOf("<artifactId>mirror-parent"))));
        String outsideManagement = bom.substring(0, bom.indexOf("<dependencyManagement>"))
                + bom.substring(bom.indexOf("</dependencyManagement>"));
        assertThat(outsideManagement).as("importing the BOM brings versions only").doesNotContain("<parent>")
                .doesNotContain("<build>").doesNotContain("<properties>").doesNotContain("<dependencies>");
    }

    @Test
    void theReadmeShowsTheExamplesPom() throws Exception {
        String example = Files.readString(ROOT.resolve("examples/custom-distribution/pom.xml"));
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("## Assembling your own distribution");
        String section = readme.substring(readme.indexOf("## Assembling your own distribution"));
        for (String artifact : List.of("mirror-bom", "mirror-cli", "mirror-sqlserver-source", "mirror-mariadb")) {
            String line = example.lines().filter(l -> l.contains("<artifactId>" + artifact + "</artifactId>")).findFirst().orElseThrow().trim();
            assertThat(section).as("the README's pom excerpt, as in examples/custom-distribution/pom.xml").contains(line);
        }
    }

    /** The usage comment of mirror-bom shows a dependencyManagement of its own: read the elements only. */
    private static String withoutComments(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", "");
    }

    private static String ownArtifactId(String pom) {
        String withoutParent = pom.replaceAll("(?s)<parent>.*?</parent>", "");
        Matcher m = ARTIFACT.matcher(withoutParent);
        assertThat(m.find()).as(pom).isTrue();
        return m.group(1);
    }

    private static String version(String pom) {
        Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(pom.replaceAll("(?s)<parent>.*?</parent>", ""));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static List<String> all(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
