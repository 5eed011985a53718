package com.example.mirror.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plugin guide (docs/writing-a-plugin.md) shows sources of this repository as listings, each introduced by its path
 * on a line of its own (`mirror-example-plugin/pom.xml`:) and followed by a fenced block: every such listing must equal
 * the file it names, so the guide cannot drift from code that builds and passes. A Java block that no path introduces
 * is refused too, so that no Java listing escapes the check (configuration snippets are YAML, XML or text).
 */
class GuideListingsTest {
    /** A path line, a blank line, then a fenced block: group 1 the path, 2 the block's language, 3 its text. */
    private static final Pattern LISTING = Pattern.compile("`(mirror-[a-z0-9-]+/[^`\\s]+)`:\\n\\n```(\\w*)\\n(.*?)```",
            Pattern.DOTALL);
    private static final Pattern CODE_BLOCK = Pattern.compile("```(java)\\n(.*?)```", Pattern.DOTALL);

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent(); // the build runs in mirror-example-plugin/

    private static String guide() throws Exception {
        return Files.readString(ROOT.resolve("docs/writing-a-plugin.md"));
    }

    @Test
    void everyListingOfTheGuideEqualsItsSource() throws Exception {
        Matcher m = LISTING.matcher(guide());
        List<String> listed = new ArrayList<>();
        while (m.find()) {
            Path file = ROOT.resolve(m.group(1));
            assertThat(file).as("the file the guide lists as %s", m.group(1)).isRegularFile();
            assertThat(m.group(3).strip()).as("the guide's listing of %s", m.group(1))
                    .isEqualTo(Files.readString(file).strip());
            listed.add(m.group(1));
        }
        // The plugins the guide walks through: each file a third party writes is shown.
        assertThat(listed).as("listings found in the guide").contains(
                "mirror-example-plugin/pom.xml",
                "mirror-example-plugin/src/main/resources/META-INF/services/dev.mirror.api.hook.LifecycleHookProvider",
                "mirror-example-plugin/src/main/java/com/example/mirror/report/CycleReportHookProvider.java",
                "mirror-example-plugin/src/main/java/com/example/mirror/report/CycleReportHook.java",
                "mirror-example-plugin/src/test/java/com/example/mirror/report/CycleReportConformanceTest.java",
                "mirror-example-plugin/src/main/resources/META-INF/services/dev.mirror.api.source.PullSourceProvider",
                "mirror-example-plugin/src/main/java/com/example/mirror/csv/CsvSourceProvider.java",
                "mirror-example-plugin/src/main/java/com/example/mirror/csv/CsvDirectorySource.java",
                "mirror-example-plugin/src/test/java/com/example/mirror/csv/CsvSourceConformanceTest.java",
                "mirror-example-dialect/pom.xml",
                "mirror-example-dialect/src/main/resources/META-INF/services/dev.mirror.api.dialect.TargetDialectProvider",
                "mirror-example-dialect/src/main/java/com/example/mirror/hsqldb/HsqlDialectProvider.java",
                "mirror-example-dialect/src/main/java/com/example/mirror/hsqldb/HsqlDialect.java",
                "mirror-example-dialect/src/main/java/com/example/mirror/hsqldb/HsqlStageSql.java",
                "mirror-example-dialect/src/test/java/com/example/mirror/hsqldb/HsqlDialectConformanceTest.java");
    }

    @Test
    void everyCodeBlockOfTheGuideIsACheckedListing() throws Exception {
        String guide = guide();
        Matcher code = CODE_BLOCK.matcher(guide);
        while (code.find()) {
            String before = guide.substring(0, code.start());
            String introducer = before.substring(before.lastIndexOf("\n\n", before.length() - 3) + 2).strip();
            assertThat(introducer).as("the line before the %s block at offset %d (%s...): a code listing must be introduced "
                            + "by its path, e.g. `mirror-example-plugin/pom.xml`:", code.group(1), code.start(),
                            code.group(2).lines().findFirst().orElse(""))
                    .matches("`mirror-[a-z0-9-]+/[^`\\s]+`:");
        }
    }
}
