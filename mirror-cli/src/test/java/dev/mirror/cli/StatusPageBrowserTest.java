package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in a real browser: a mirror of the sample into H2 runs a few cycles, headless Chromium loads the
 * page ({@code --dump-dom} after the page's own refresh ran, and {@code --screenshot}), and the DOM must hold the
 * tables of the context, the last cycles and both charts with a point per cycle. The screenshot is saved as
 * {@code target/status-page.png}. Without Chromium the test is skipped with the reason ({@code .ci/run} installs
 * Debian's {@code chromium}).
 */
class StatusPageBrowserTest {
    static final Path SCREENSHOT = Path.of("target", "status-page.png");

    @TempDir
    Path dir;

    @Test
    void thePageShowsTablesCyclesAndChartsInChromium() throws Exception {
        Optional<Path> chromium = chromium();
        if (chromium.isEmpty()) {
            String reason = "no chromium on PATH (install Debian's chromium: apt-get install chromium; .ci/run does)";
            System.out.println("SKIPPED StatusPageBrowserTest: " + reason);
            Assumptions.abort(reason);
        }
        Path config = dir.resolve("mirror.yaml");
        Files.writeString(config, """
                context: Shop
                source:
                  type: sample
                target:
                  url: jdbc:h2:file:%s
                run:
                  every: 1s
                  lockTtl: 30s
                  http: {port: 0}
                """.formatted(dir.resolve("shop").toString().replace('\\', '/')));
        Cli.Running run = Cli.start("run", "--config", config.toString());
        try {
            run.awaitOut("status page: http://127.0.0.1:");
            String base = "http://127.0.0.1:" + StatusPageTest.port(run);
            StatusPageTest.await(base + "/status.json", j -> j.path("cycles").size() >= 5);

            // --virtual-time-budget lets the page's timer fire, so the DOM is the one its refresh swapped in
            String dom = chromium(chromium.get(), "--virtual-time-budget=8000", "--dump-dom", base + "/");
            assertThat(dom).contains("id=\"content\"").contains("context Shop");
            assertThat(dom).as("the page's script refreshed the content").contains("updated ");
            assertThat(count(dom, "<tr><td class=\"name\">")).as("table rows of context Shop").isGreaterThanOrEqualTo(8);
            assertThat(dom).contains(">contact<").contains(">person<");
            assertThat(dom).containsPattern("<table id=\"cycles\">.*<tbody><tr");
            for (String chart : List.of("chart-rows", "chart-duration")) {
                Matcher m = Pattern.compile("<svg id=\"" + chart + "\"[^>]*>.*?<polyline class=\"line\" points=\"([^\"]+)\"",
                        Pattern.DOTALL).matcher(dom);
                assertThat(m.find()).as(chart + " has a line").isTrue();
                assertThat(m.group(1).split(" ").length).as(chart + " points").isGreaterThanOrEqualTo(5);
            }

            Files.createDirectories(SCREENSHOT.getParent());
            Files.deleteIfExists(SCREENSHOT);
            chromium(chromium.get(), "--window-size=1280,1400", "--hide-scrollbars",
                    "--screenshot=" + SCREENSHOT.toAbsolutePath(), base + "/");
            assertThat(SCREENSHOT).exists();
            byte[] png = Files.readAllBytes(SCREENSHOT);
            assertThat(png.length).isGreaterThan(10_000);
            assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
            System.out.println("status page screenshot: " + SCREENSHOT.toAbsolutePath());
        } finally {
            run.stop();
            run.await();
        }
    }

    /** Runs headless Chromium with the flags this machine needs (no network, root, no GPU) and a fresh profile. */
    private String chromium(Path binary, String... args) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("chromium-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 90 s: " + cmd);
        }
        String stdout = Files.readString(out);
        assertThat(p.exitValue()).as("chromium exit; stderr:\n" + Files.readString(dir.resolve("chromium.err"))).isZero();
        return stdout;
    }

    static Optional<Path> chromium() {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dirName, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
