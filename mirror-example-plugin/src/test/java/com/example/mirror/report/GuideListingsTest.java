package com.example.mirror.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plugin guide (docs/writing-a-plugin.md) shows this module's sources as listings, each introduced by its path: every
 * such listing must equal the compiled source it names, so the guide cannot drift from code that builds and passes.
 */
class GuideListingsTest {
    private static final Pattern LISTING = Pattern.compile("`(mirror-example-plugin/[^`]+\\.java)`:\\n\\n```java\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void everyListingOfTheGuideEqualsItsSource() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent(); // the build runs in mirror-example-plugin/
        String guide = Files.readString(root.resolve("docs/writing-a-plugin.md"));
        Matcher m = LISTING.matcher(guide);
        int listings = 0;
        while (m.find()) {
            listings++;
            String source = Files.readString(root.resolve(m.group(1)));
            assertThat(m.group(2).strip()).as("the guide's listing of %s", m.group(1)).isEqualTo(source.strip());
        }
        assertThat(listings).as("listings found in the guide").isGreaterThanOrEqualTo(4);
    }
}
