package com.example.mirror.csv;

import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.source.SnapshotReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The files' current contents for {@code mirror verify}. Rows must come in key order, and a CSV file has none, so a
 * table is read and sorted in memory: fine for the small files this source is meant for.
 */
final class CsvSnapshot implements SnapshotReader {
    private final Supplier<Map<String, CsvFile>> files;

    CsvSnapshot(Supplier<Map<String, CsvFile>> files) {
        this.files = files;
    }

    @Override
    public List<TableSchema> tables() {
        return files.get().values().stream().map(CsvFile::schema).toList();
    }

    @Override
    public ChangeCursor rows(TableSchema table) {
        CsvFile file = files.get().get(table.name());
        if (file == null) {
            throw new IllegalArgumentException("no CSV file for table " + table.name() + " any more");
        }
        List<RowChange> rows = new ArrayList<>();
        try (ChangeCursor all = file.rows()) {
            all.forEachRemaining(rows::add);
        }
        int[] key = table.keyIndexes();
        rows.sort(Comparator.comparing(RowChange::row, (a, b) -> compareKeys(a, b, key)));
        return ChangeCursor.of(rows);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareKeys(Row a, Row b, int[] key) {
        for (int k : key) {
            int c = ((Comparable) a.get(k)).compareTo(b.get(k)); // key cells are never null (checked when read)
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
