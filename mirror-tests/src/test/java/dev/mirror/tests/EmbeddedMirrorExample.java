package dev.mirror.tests;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.Mirror;
import dev.mirror.core.run.MirrorRunner;
import dev.mirror.core.run.RunListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The README's "Embedding a mirror" example, compiled and run by {@link EmbeddedMirrorExampleTest}; the test also
 * checks that the README shows exactly the lines between the {@code README} markers.
 */
public final class EmbeddedMirrorExample {
    private EmbeddedMirrorExample() {
    }

    /** Mirrors the sample source into an H2 file under {@code dir}, a cycle every second, for {@code howLong}. */
    static List<CycleReport> mirrorFor(Path dir, Duration howLong) throws InterruptedException {
        List<CycleReport> cycles = new CopyOnWriteArrayList<>();
        // README:embedding:start
        Map<String, Object> config = Map.of(
                "context", "Shop",
                "source", Map.of("type", "sample"),
                "target", Map.of("url", "jdbc:h2:file:" + dir.resolve("shop")),
                "run", Map.of("every", "1s"));
        try (Mirror mirror = Mirror.builder().config(config, "my application").build();
             MirrorRunner runner = MirrorRunner.start(mirror, new RunListener() {
                 @Override
                 public void cycleFinished(CycleReport report) {
                     cycles.add(report); // or log it, or turn it into metrics
                 }
             })) {
            Thread.sleep(howLong.toMillis()); // the application does its own work meanwhile
        } // the runner closes first: it stops between batches, waits for the run to end and releases the run lock
        // README:embedding:end
        return cycles;
    }
}
