package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.TableReport;
import dev.mirror.core.Blocklist;
import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import dev.mirror.sample.SampleDataSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stop request (SIGTERM in 'mirror run') stops between batches: the batch in flight commits, the rest waits for the next run. */
class StopBetweenBatchesTest {
    @TempDir
    Path dir;

    @Test
    void theBatchInFlightCommitsAndTheOthersAreRetriedNextRun() throws Exception {
        Map<String, Object> config = new java.util.LinkedHashMap<>(TestMirrors.sampleToTarget("Stop", "h2", TestMirrors.h2Url(dir),
                Map.of("advance", false, "steps", 1), Map.of()));
        // One table at a time, so exactly one table is in flight when the stop comes (with run.workers > 1 every worker's
        // table in flight commits too; that is covered by the workers' own tests).
        config.put("run", Map.of("workers", 1));
        AtomicReference<Mirror> self = new AtomicReference<>();
        ProgressListener stopDuringFirstLoad = new ProgressListener() {
            @Override
            public void populationStarted(String table) {
                self.get().protocol().requestStop();
            }
        };
        try (Mirror m = Mirror.builder().config(config, "test").pluginDirectory(false).progress(stopDuringFirstLoad).build()) {
            self.set(m);
            CycleReport r = m.runCycle();
            List<TableReport> loaded = r.tables().stream().filter(TableReport::repopulated).toList();
            assertThat(loaded).as("only the table in flight was loaded").hasSize(1);
            assertThat(loaded.get(0).failed()).isFalse();
            assertThat(r.failures()).isNotEmpty().allSatisfy(t -> assertThat(t.error()).contains("stopping"));
            assertThat(m.status()).filteredOn(row -> row.table().equals(loaded.get(0).table())).singleElement()
                    .satisfies(row -> assertThat(row.lsn()).isEqualTo(SampleDataSet.lsn(1)));
        }
        try (Mirror m = TestMirrors.build(config)) {
            CycleReport r = m.runCycle();
            assertThat(r.failures()).isEmpty();
            SampleToH2EndToEndTest.assertMirrorEqualsSource(m, new SampleDataSet(1, SampleDataSet.Selection.CORE), 1,
                    Blocklist.of(true, List.of()), r);
        }
    }
}
