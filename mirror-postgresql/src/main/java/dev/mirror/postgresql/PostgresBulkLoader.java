package dev.mirror.postgresql;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.dialect.BulkLoader;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.BulkProgress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * The bulk path: {@code COPY "table" ("c1", …) FROM STDIN}, streamed, in the configured {@link CopyFormat}: binary by
 * default ({@link CopyBinaryEncoder}; measured faster than text in BENCHMARKS.md, benchmark 1's population variant), or
 * text ({@code copyFormat: text}: every value through the server's own input functions).
 */
final class PostgresBulkLoader implements BulkLoader {
    /** How often progress is reported, in rows. */
    static final int PROGRESS_EVERY = 10_000;

    private final DialectNames names;
    private final int chunkChars;
    private final Supplier<CopyFormat> format;

    /**
     * @param chunkChars how many characters (text) or bytes (binary) of COPY data are buffered before they are sent
     * @param format     the format to load with (the provider's setting)
     */
    PostgresBulkLoader(DialectNames names, int chunkChars, Supplier<CopyFormat> format) {
        this.names = requireNonNull(names, "names is null");
        this.chunkChars = chunkChars;
        this.format = requireNonNull(format, "format is null");
    }

    String copySql(String table, TableSchema schema) {
        StringBuilder b = new StringBuilder("COPY ").append(names.quote(table)).append(" (");
        for (int i = 0; i < schema.columnCount(); i++) {
            b.append(i == 0 ? "" : ", ").append(names.quote(names.targetName(schema.columns().get(i).name())));
        }
        return b.append(") FROM STDIN").toString();
    }

    @Override
    public long bulkLoad(Connection connection, String table, TableSchema schema, Iterator<Row> rows, BulkProgress progress)
            throws SQLException {
        long n = 0;
        try (CopyRows copy = CopyRows.open(connection, copySql(table, schema), format.get(), table, schema.columns(), names, 0,
                chunkChars)) {
            while (rows.hasNext()) {
                Row row = rows.next();
                n++;
                copy.row(row, n);
                if (n % PROGRESS_EVERY == 0) {
                    progress.rows(n);
                }
            }
            copy.finish();
        }
        if (n % PROGRESS_EVERY != 0) {
            progress.rows(n);
        }
        return n;
    }
}
