package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The CLI end to end on the embedded H2 target, plus the commands that need no server. */
class H2CliTest extends AbstractCliTest {
    @Override
    String targetYaml() {
        return "  dialect: h2\n  url: jdbc:h2:file:" + dir.resolve("db").toAbsolutePath().toString().replace('\\', '/') + "/mirror";
    }

    @Test
    void demoPrintsPerCycleTablesAndVerifies() throws Exception {
        Path demoDir = dir.resolve("demo");
        Files.createDirectories(demoDir);
        Files.writeString(demoDir.resolve("keep.txt"), "not the demo's");
        Cli.Result r = cli("demo", "--dir", demoDir.toString(), "--cycles", "8");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Cycle 1 of 8").contains("Cycle 8 of 8")
                .containsPattern("PROGRESS contact\\s+[0-9,]+ rows")
                .containsPattern("contact\\s+created\\s+\\d+\\s+0\\s+0\\s+1000")
                .containsPattern("project\\s+recreated.*nvarchar.*datetime")
                .containsPattern("text\\s+dropped")
                .containsPattern("credentials\\s+blocked")
                .contains("total: ")
                .contains("verify: the mirror equals the source")
                .contains("jdbc:h2:file:" + demoDir.toAbsolutePath())
                .contains("org.h2.tools.Shell").contains("\"Demo_mirroring\"");
        assertThat(demoDir.resolve("demo.mv.db")).exists();
        assertThat(demoDir.resolve("keep.txt")).exists();
        Cli.Result again = cli("demo", "--dir", demoDir.toString(), "--cycles", "1");
        assertThat(again.code()).as(again.toString()).isZero();
        assertThat(again.out()).contains("removed the previous demo mirror").containsPattern("contact\\s+created");
    }

    @Test
    void validateListsEveryProblem() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
                context: "bad context!"
                source:
                  type: sample
                  scale: 0
                  tables: some
                target:
                  dialect: h2
                  poolSize: 0
                run:
                  every: soon
                  pause:
                    from: "25:00"
                    to: "06:00"
                  color: blue
                surprise: 1
                """);
        Cli.Result r = cli("validate", "--config", bad.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(r.out()).contains("configuration: INVALID")
                .contains("context:").contains("source.scale:").contains("source.tables:").contains("target.poolSize:")
                .contains("run.every:").contains("run.pause.from:").contains("run.color: unknown key")
                .contains("surprise: unknown key");
    }

    @Test
    void validateConnectsToSourceAndTarget() {
        Cli.Result r = cli("validate", "--config", config.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("configuration: OK").contains("target: OK (h2").contains("source: OK (sample");
    }

    @Test
    void validateReportsAnUnreachableTarget() throws Exception {
        Path cfg = dir.resolve("down.yaml");
        Files.writeString(cfg, """
                context: Cli
                source:
                  type: sample
                target:
                  url: jdbc:postgresql://127.0.0.1:1/nowhere?password=hunter22
                retry:
                  attempts: 1
                """);
        Cli.Result r = cli("validate", "--config", cfg.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.TARGET);
        assertThat(r.out()).contains("target: FAILED").doesNotContain("hunter22");
    }

    @Test
    void pluginsListsProvidersAndWhatTheConfigurationEnables() {
        Cli.Result r = cli("plugins", "--config", config.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        // kind, name, jar, version, SPI version (the in-tree plugins state the current one), enabled
        String spi = dev.mirror.api.SpiVersion.VERSION.replace(".", "\\.");
        assertThat(r.out()).containsPattern("source\\s+sample\\s+\\S+\\s+\\S+\\s+" + spi + "\\s+yes")
                .containsPattern("target\\s+h2\\s+\\S+\\s+\\S+\\s+" + spi + "\\s+yes")
                .containsPattern("target\\s+postgresql\\s+\\S+\\s+\\S+\\s+" + spi + "\\s+no")
                .containsPattern("source\\s+sqlserver").containsPattern("hook\\s+indexes");
    }

    @Test
    void usageErrorsAndMissingFilesHaveTheirExitCodes() {
        assertThat(cli("run").code()).isEqualTo(ExitCodes.USAGE);
        Cli.Result missing = cli("run", "--config", dir.resolve("nope.yaml").toString(), "--once");
        assertThat(missing.code()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(missing.err()).contains("does not exist");
        Cli.Result help = cli("--help");
        assertThat(help.out()).contains("Exit codes:").contains("7   another run holds the lock");
    }

    @Test
    void runOutsideAndInsideThePauseWindow() throws Exception {
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        Files.writeString(config, Files.readString(config) + "  pause:\n    from: \"" + now.minusHours(1).withNano(0).withSecond(0)
                + "\"\n    to: \"" + now.plusHours(1).withNano(0).withSecond(0) + "\"\n    zone: UTC\n");
        Cli.Result r = cli("run", "--config", config.toString(), "--once");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("paused (run.pause").doesNotContain("created");
    }
}
