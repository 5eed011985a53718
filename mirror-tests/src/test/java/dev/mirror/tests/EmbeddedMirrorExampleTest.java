package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.Mirror;
import dev.mirror.core.internal.lock.TargetLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example runs (H2, the sample source, a few cycles) and is what the README shows. */
class EmbeddedMirrorExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/dev/mirror/tests/EmbeddedMirrorExample.java");

    @TempDir
    Path dir;

    @Test
    void theExampleMirrorsForACoupleOfCyclesAndReleasesTheLock() throws Exception {
        List<CycleReport> cycles = EmbeddedMirrorExample.mirrorFor(dir, Duration.ofMillis(3500));
        assertThat(cycles.size()).as("a cycle every second for 3.5 s").isGreaterThanOrEqualTo(2);
        assertThat(cycles.subList(0, cycles.size() - 1)).allSatisfy(c -> assertThat(c.failures()).isEmpty());
        assertThat(cycles.get(cycles.size() - 1).failures()).as("a cycle that close() cut short: its other tables wait for the next run")
                .allSatisfy(t -> assertThat(t.error()).contains("the run is stopping"));
        assertThat(cycles.get(0).tables()).anySatisfy(t -> assertThat(t.table()).isEqualTo("contact"));
        Map<String, Object> config = Map.of("context", "Shop", "source", Map.of("type", "sample"),
                "target", Map.of("url", "jdbc:h2:file:" + dir.resolve("shop")));
        try (Mirror m = TestMirrors.build(config)) {
            assertThat(m.status()).filteredOn(r -> r.table().equals("contact")).singleElement()
                    .satisfies(r -> assertThat(r.lsn()).isPositive());
            TargetLock lock = new TargetLock(m.target(), dev.mirror.api.ContextId.of("Shop"), "test", "test", 1, Duration.ofMinutes(1), Clock.systemUTC());
            assertThat(lock.holder()).as("closing the runner released the run lock").isEmpty();
        }
    }

    @Test
    void theReadmeShowsTheExampleAsCompiled() throws Exception {
        String source = Files.readString(SOURCE);
        String body = source.substring(source.indexOf("// README:embedding:start\n") + "// README:embedding:start\n".length(),
                source.indexOf("        // README:embedding:end"));
        String snippet = body.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip()).collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme).as("README.md shows EmbeddedMirrorExample's code between its README markers").contains(snippet);
    }
}
