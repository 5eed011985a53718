package com.example.mirror.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.ErrorCategory;
import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.testkit.hook.MapPluginConfig;
import dev.mirror.testkit.source.KitMirror;
import dev.mirror.testkit.source.ProtocolCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the kit does not cover: the file format's errors, settling, and the provider's configuration. */
class CsvDirectorySourceTest {
    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");
    @TempDir
    Path dir;

    private final CsvDirectorySource source() {
        return new CsvDirectorySource(dir, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A real mirror (core on H2 in memory) of a fresh source over {@link #dir}. */
    private KitMirror mirror() {
        return KitMirror.start(source(), "C1", List.of());
    }

    private void write(String file, String content, Instant modified) throws IOException {
        Files.setLastModifiedTime(Files.writeString(dir.resolve(file), content), FileTime.from(modified));
    }

    @Test
    void aHeaderWithoutKeyFailsTheCycleNamingFileAndFix() throws IOException {
        write("t.csv", "id int,name nvarchar(5)\n1,a\n", NOW.minusSeconds(60));
        try (KitMirror mirror = mirror()) {
            assertThatThrownBy(mirror::cycle)
                    .isInstanceOfSatisfying(MirrorException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.SOURCE))
                    .hasMessageContaining("t.csv:1").hasMessageContaining("mark the key columns with 'key'");
        }
    }

    @Test
    void anUnsupportedTypeIsRefusedInTheHeader() throws IOException {
        write("t.csv", "id int key,data varbinary(10)\n", NOW.minusSeconds(60));
        try (KitMirror mirror = mirror()) {
            assertThatThrownBy(mirror::cycle).hasMessageContaining("column data").hasMessageContaining("varbinary has no CSV form");
        }
    }

    @Test
    void aBadValueFailsOnlyItsTableWithLineAndColumn() throws IOException {
        write("good.csv", "id int key\n1\n", NOW.minusSeconds(60));
        write("bad.csv", "id int key,at date\n1,2024-01-01\n2,yesterday\n", NOW.minusSeconds(60));
        try (KitMirror mirror = mirror()) {
            CycleReport report = mirror.cycle();
            assertThat(report.failures()).hasSize(1);
            assertThat(report.failures().toString()).contains("bad.csv:3").contains("column at")
                    .contains("'yesterday' is not a date value");
            assertThat(mirror.rows("good")).containsExactly(List.of("1"));
        }
    }

    @Test
    void twoFilesNamingOneTableAreRefused() throws IOException {
        write("Orders.csv", "id int key\n", NOW.minusSeconds(60));
        write("orders.csv", "id int key\n", NOW.minusSeconds(60));
        try (KitMirror mirror = mirror()) {
            assertThatThrownBy(mirror::cycle).hasMessageContaining("same table as");
        }
    }

    @Test
    void aFreshFileIsLoadedAgainUntilItSettles() throws IOException {
        write("t.csv", "id int key\n1\n", NOW.minusMillis(500));
        try (KitMirror mirror = mirror()) {
            mirror.cycle();
            mirror.cycle();
            assertThat(mirror.calls()).as("a file changed less than SETTLE ago is loaded in each cycle")
                    .filteredOn(c -> c.kind() == ProtocolCall.Kind.REPOPULATE).hasSize(2);
            Instant settled = NOW.minus(CsvDirectorySource.SETTLE).minusSeconds(1);
            Files.setLastModifiedTime(dir.resolve("t.csv"), FileTime.from(settled));
            mirror.cycle();
            mirror.clearCalls();
            mirror.cycle();
            assertThat(mirror.calls()).as("a settled, unchanged file sends nothing").allMatch(c -> c.rows() == 0)
                    .noneMatch(c -> c.kind() == ProtocolCall.Kind.REPOPULATE);
            assertThat(mirror.lsn("t")).isEqualTo(settled.toEpochMilli() * 1000);
        }
    }

    @Test
    void theProviderRecordsAMissingDirectory() {
        MapPluginConfig config = new MapPluginConfig("source", Map.of("directory", dir.resolve("nope").toString()));
        new CsvSourceProvider().create(config.context("C1")).close();
        assertThat(config.problems()).singleElement().asString().contains("is not a directory");
    }
}
