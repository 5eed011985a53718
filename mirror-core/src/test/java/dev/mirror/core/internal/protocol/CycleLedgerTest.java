package dev.mirror.core.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.protocol.TableReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleLedgerTest {
    @Test
    void countsAddUpPerTableAndTheLastLsnWins() {
        CycleLedger l = new CycleLedger();
        l.schema("contact", SchemaAction.ALTERED, "column added", 10);
        l.applied("contact", new TableCounts(2, 1, 0), 10, false);
        l.applied("contact", new TableCounts(1, 0, 3), 11, false);
        l.applied("person", TableCounts.ZERO, 5, true);
        List<TableReport> r = l.reports();
        assertThat(r).extracting(TableReport::table).containsExactly("contact", "person");
        assertThat(r.get(0)).isEqualTo(new TableReport("contact", SchemaAction.ALTERED, "column added", new TableCounts(3, 1, 3), 11,
                false, null));
        assertThat(r.get(1).action()).as("no schema entry: unchanged").isEqualTo(SchemaAction.NONE);
        assertThat(r.get(1).repopulated()).isTrue();
    }

    @Test
    void aFailureAndHookWarningsShowInTheTablesReport() {
        CycleLedger l = new CycleLedger();
        l.schema("contact", SchemaAction.NONE, "unchanged", 10);
        l.warnings("contact", List.of());
        l.warnings("contact", List.of("hook indexes: index too wide"));
        l.failed("contact", "applying changes contact failed: boom");
        TableReport r = l.reports().get(0);
        assertThat(r.reason()).isEqualTo("unchanged; hook indexes: index too wide");
        assertThat(r.error()).isEqualTo("applying changes contact failed: boom");
        assertThat(r.failed()).isTrue();
        assertThat(r.lsn()).isEqualTo(10);
    }

    @Test
    void severalThreadsRecordingAtOnceLoseNothing() throws InterruptedException {
        CycleLedger l = new CycleLedger();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    l.applied("contact", new TableCounts(1, 0, 0), i, false);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(l.reports().get(0).counts().inserts()).isEqualTo(4000);
    }
}
