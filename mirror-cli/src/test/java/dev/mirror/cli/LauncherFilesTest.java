package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The launcher every distribution unpacks from {@code mirror-cli-<version>-launcher.zip}: the Windows script does what
 * the Unix one does, and the assembly gives the .bat CRLF line endings.
 */
class LauncherFilesTest {
    static final Path DIST = Path.of("src", "main", "dist");

    @Test
    void theWindowsLauncherMatchesTheUnixOne() throws Exception {
        String sh = Files.readString(DIST.resolve("bin/mirror"));
        String bat = Files.readString(DIST.resolve("bin/mirror.bat"));
        for (String both : new String[] {"dev.mirror.cli.MirrorCli", "-Dmirror.home=", "JAVA_OPTS", "JAVA_HOME", "lib", "exit"}) {
            assertThat(sh).as("bin/mirror: " + both).contains(both);
            assertThat(bat).as("bin/mirror.bat: " + both).contains(both);
        }
        assertThat(bat).contains("\"%MIRROR_HOME%\\lib\\*\"").contains("%*").contains("exit /b 70").contains("exit /b %ERRORLEVEL%");
        assertThat(Files.readString(Path.of("src", "assembly", "launcher.xml")))
                .as("the .bat is assembled with CRLF line endings").contains("<lineEnding>dos</lineEnding>");
    }

}
