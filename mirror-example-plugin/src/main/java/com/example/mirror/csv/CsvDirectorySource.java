package com.example.mirror.csv;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.MirrorProtocol;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.SnapshotReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A pull source over a directory of CSV files: each {@code name.csv} is the table {@code name}. The file has no change
 * history, so a changed file is sent again whole: a table's LSN is its file's modification time in microseconds, and a
 * table whose stored LSN differs from it (or that the mirror asks to repopulate) is repopulated; an unchanged file sends
 * nothing. See {@link CsvFile} for the file format.
 *
 * <p>File systems keep modification times in coarse ticks (milliseconds or worse), so a file rewritten in the tick
 * this source read it keeps its time and the second write would be missed. As Git does with its index, a file changed
 * less than {@link #SETTLE} ago is loaded with an LSN just below its time: the next cycle loads it once more, and only
 * a file that has settled is taken as unchanged.
 */
public final class CsvDirectorySource implements PullSource {
    /** How long after its last change a file is trusted not to change again within the same time tick. */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private final Path directory;
    private final Clock clock;

    /** A source over {@code directory}, reading the time from {@code clock} (the plugin context's). */
    public CsvDirectorySource(Path directory, Clock clock) {
        this.directory = requireNonNull(directory, "directory is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Announces every file's table, then repopulates each accepted table whose file changed since its stored LSN. A file
     * with a bad header fails the whole cycle (leaving it out would make the mirror drop its table); a bad row fails
     * only its table, while it is being read.
     */
    @Override
    public void runCycle(MirrorProtocol protocol) {
        Map<String, CsvFile> files = readHeaders();
        List<TableSchema> schemas = files.values().stream().map(CsvFile::schema).toList();
        List<TableAnswer> accepted = protocol.schema(schemas).stream().filter(TableAnswer::accepted).toList();
        // core loads several tables at once on its own workers; each call only reads its own file
        protocol.forEachTable(accepted, answer -> {
            CsvFile file = files.get(answer.table());
            long lsn = file.lsn();
            if (answer.needsRepopulation() || answer.lsn() != lsn) {
                long settled = clock.instant().minus(SETTLE).toEpochMilli() * 1000;
                protocol.repopulate(answer.table(), file.rows(), lsn < settled ? lsn : lsn - 1);
            }
        });
    }

    @Override
    public Optional<SnapshotReader> snapshotReader() {
        return Optional.of(new CsvSnapshot(this::readHeaders));
    }

    /** Nothing to release: every file is opened and closed within one step. */
    @Override
    public void close() {
    }

    /** The CSV files of the directory by table name, in name order. */
    private Map<String, CsvFile> readHeaders() {
        List<Path> paths;
        try (Stream<Path> list = Files.list(directory)) {
            paths = list.filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw MirrorException.source("CSV_DIRECTORY_UNREADABLE", true, "cannot list the CSV directory " + directory
                    + ": " + e.getMessage() + "; check that it exists and is readable", e);
        }
        // table names compare case-insensitively in the mirror: Orders.csv and orders.csv would be one table
        Map<String, CsvFile> files = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Path p : paths) {
            CsvFile file = CsvFile.open(p);
            CsvFile before = files.put(file.schema().name(), file);
            if (before != null) {
                throw CsvFile.invalid(p, 0, "names the same table as " + before.path().getFileName()
                        + " (table names ignore case): rename or remove one of them");
            }
        }
        return files;
    }
}
