package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mirror admin}, the {@code enable-change-tracking} alias and the source's status details, through a test source
 * ({@link AdminTestSourceProvider}) offering commands and details: the CLI knows no plugin class.
 */
class AdminCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path config(String source, String extra) throws Exception {
        Path config = dir.resolve(source + ".yaml");
        Files.writeString(config, """
                context: Adm
                source:
                  type: %s
                  advance: false
                %s
                target:
                  dialect: h2
                  url: jdbc:h2:file:%s/mirror
                """.formatted(source, extra, dir.resolve("db").toAbsolutePath().toString().replace('\\', '/')));
        return config;
    }

    @Test
    void withoutACommandListsTheSourcesCommandsWithTheirDescriptions() throws Exception {
        Cli.Result r = Cli.run("admin", "--config", config("admin-test", "").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("admin commands of the source 'admin-test'")
                .containsPattern("greet\\s+yes\\s+greets twice \\(greet\\)")
                .containsPattern("enable-change-tracking\\s+yes\\s+greets twice")
                .containsPattern("explode\\s+no\\s+prints a line, then fails");
    }

    @Test
    void aSourceWithoutCommandsSaysSo() throws Exception {
        Cli.Result r = Cli.run("admin", "--config", config("sample", "").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("the source 'sample' offers no admin commands");
        Cli.Result dryAlone = Cli.run("admin", "--dry-run", "--config", config("sample", "").toString());
        assertThat(dryAlone.code()).as(dryAlone.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(dryAlone.err()).contains("--dry-run needs a COMMAND");
    }

    @Test
    void runsACommandPrintingItsLinesThenItsSummary() throws Exception {
        Path config = config("admin-test", "");
        Cli.Result dry = Cli.run("admin", "greet", "--dry-run", "--config", config.toString());
        assertThat(dry.code()).as(dry.toString()).isZero();
        assertThat(dry.out()).containsSubsequence("would say hello", "would say world", "dry run: 2 greetings");
        Cli.Result real = Cli.run("admin", "greet", "--config", config.toString());
        assertThat(real.code()).as(real.toString()).isZero();
        assertThat(real.out()).containsSubsequence("say hello", "say world", "done: 2 greetings").doesNotContain("would");
    }

    @Test
    void anUnknownCommandIsAConfigurationErrorListingTheAvailableOnes() throws Exception {
        Cli.Result r = Cli.run("admin", "grete", "--config", config("admin-test", "").toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(r.err()).contains("the source 'admin-test' has no admin command 'grete'")
                .contains("its commands are: greet, enable-change-tracking, explode");
    }

    @Test
    void aDryRunOfACommandWithoutOneIsRefusedAndAFailingCommandExitsWithItsCategory() throws Exception {
        Path config = config("admin-test", "");
        Cli.Result refused = Cli.run("admin", "explode", "--dry-run", "--config", config.toString());
        assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(refused.err()).contains("'explode'").contains("has no dry run: run it without --dry-run");
        assertThat(refused.out()).doesNotContain("lighting the fuse");

        Cli.Result failed = Cli.run("admin", "explode", "--config", config.toString());
        assertThat(failed.code()).as(failed.toString()).isEqualTo(ExitCodes.SOURCE);
        assertThat(failed.out()).contains("lighting the fuse");
        assertThat(failed.err()).contains("[BOOM]").contains("the fuse burnt down: nothing was changed");
    }

    @Test
    void enableChangeTrackingRunsTheSourcesCommandOfThatNameOrSaysTheSourceHasNone() throws Exception {
        Cli.Result alias = Cli.run("enable-change-tracking", "--dry-run", "--config", config("admin-test", "").toString());
        assertThat(alias.code()).as(alias.toString()).isZero();
        assertThat(alias.out()).containsSubsequence("would say hello", "dry run: 2 greetings");

        Cli.Result none = Cli.run("enable-change-tracking", "--config", config("sample", "").toString());
        assertThat(none.code()).as(none.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(none.err()).contains("this configuration's source 'sample' has none").contains("mirror admin --config FILE");
    }

    @Test
    void statusShowsTheSourcesDetailsInTextAndJson() throws Exception {
        Path config = config("admin-test", "");
        assertThat(Cli.run("run", "--once", "--config", config.toString()).code()).isZero();

        Cli.Result text = Cli.run("status", "--config", config.toString());
        assertThat(text.code()).as(text.toString()).isZero();
        assertThat(text.out()).contains("shown context: Adm").containsPattern("last change \\(UTC\\)\\s+next\\s+mode")
                .containsPattern("contact\\s+7000\\s.*\\s7001\\s+mirror");

        JsonNode s = JSON.readTree(Cli.run("status", "--json", "--config", config.toString()).out());
        assertThat(s.get("sourceDetails").get("shownContext").asText()).isEqualTo("Adm");
        assertThat(s.has("sourceDetailsError")).isFalse();
        for (JsonNode t : s.get("tables")) {
            assertThat(t.get("details").get("nextLsn").asLong()).as(t.toString()).isEqualTo(t.get("lsn").asLong() + 1);
        }
    }

    @Test
    void failingDetailsAreShownMaskedAndTheStatusStillWorks() throws Exception {
        Path config = config("admin-test", "  failDetails: true\n  password: topsecret-42");
        assertThat(Cli.run("run", "--once", "--config", config.toString()).code()).isZero();

        Cli.Result text = Cli.run("status", "--config", config.toString());
        assertThat(text.code()).as(text.toString()).isZero();
        assertThat(text.out()).contains("the source's status details are unavailable:").contains("the details service refused login")
                .containsPattern("contact\\s+7000\\s").doesNotContain("topsecret-42");

        Cli.Result json = Cli.run("status", "--json", "--config", config.toString());
        JsonNode s = JSON.readTree(json.out());
        assertThat(s.get("sourceDetailsError").asText()).contains("the details service refused login");
        assertThat(json.out()).doesNotContain("topsecret-42");
        assertThat(s.get("tables").get(0).has("details")).isFalse();
    }
}
