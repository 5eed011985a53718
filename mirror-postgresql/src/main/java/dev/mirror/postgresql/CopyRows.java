package dev.mirror.postgresql;

import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One COPY of rows into a table, in text or binary format: the population writes plain rows, the stage writes rows
 * followed by their position and operation. Callers close it (which cancels a COPY that did not {@link #finish()}).
 */
abstract class CopyRows implements AutoCloseable {
    private static final DialectTypes MAPPING = new PostgresColumnTypes();
    private static final PostgresCatalog CATALOG = new PostgresCatalog();

    /** Writes one row (its number for error messages). */
    abstract void row(Row row, long rowNumber) throws SQLException;

    /** Writes one staged change: the row, then its position in the batch (bigint) and operation code (text). */
    abstract void stagedRow(Row row, long seq, char operation) throws SQLException;

    /** The format this COPY runs in (binary may have fallen back to text, see {@link #open}). */
    abstract CopyFormat format();

    /** Ends the COPY; returns the server's row count. */
    abstract long finish() throws SQLException;

    @Override
    public abstract void close();

    /**
     * Starts {@code copySql} ({@code COPY … (columns) FROM STDIN}, without options) in {@code format}. Binary is used only
     * when every column has a binary form and {@code table} (the mirror table; a stage is created from it) has, for each
     * column, the type the mapping gives: a binary field must match the column's type exactly (timestamp and timestamptz, say, have the same width
     * but not the same meaning), whereas text goes through the column's own input function; so a table whose types
     * differ (altered by hand, say) is loaded as text.
     *
     * @param names       maps the columns to the table's column names
     * @param extraFields fields each row carries after the columns (the stage's position and operation)
     */
    static CopyRows open(Connection connection, String copySql, CopyFormat format, String table, List<Column> columns,
                         DialectNames names, int extraFields, int chunk) throws SQLException {
        // The encoder first: once the COPY has started, a failure must not leave the connection in COPY mode.
        if (format == CopyFormat.BINARY && binaryFits(connection, columns, names, table)) {
            CopyBinaryEncoder encoder = new CopyBinaryEncoder(table, columns);
            return new Binary(CopyBinaryStream.start(connection, copySql + " (FORMAT binary)", chunk), encoder, extraFields);
        }
        CopyTextEncoder encoder = new CopyTextEncoder(table, columns);
        return new Text(CopyStream.start(connection, copySql, chunk), encoder);
    }

    private static boolean binaryFits(Connection connection, List<Column> columns, DialectNames names, String table)
            throws SQLException {
        if (columns.stream().anyMatch(c -> CopyBinaryEncoder.wire(c.type()).isEmpty())) {
            return false;
        }
        Optional<List<TargetColumn>> actual = CATALOG.describeTable(connection, table);
        if (actual.isEmpty()) {
            return false;
        }
        Map<String, String> types = new HashMap<>();
        actual.get().forEach(c -> types.put(c.name(), c.nativeType()));
        for (Column c : columns) {
            if (!MAPPING.columnType(c.type()).equals(types.get(names.targetName(c.name())))) {
                return false;
            }
        }
        return true;
    }

    private static final class Text extends CopyRows {
        private final CopyStream copy;
        private final CopyTextEncoder encoder;

        Text(CopyStream copy, CopyTextEncoder encoder) {
            this.copy = copy;
            this.encoder = encoder;
        }

        @Override
        CopyFormat format() {
            return CopyFormat.TEXT;
        }

        @Override
        void row(Row row, long rowNumber) throws SQLException {
            encoder.appendRow(copy.row(), row, rowNumber);
            copy.endRow();
        }

        @Override
        void stagedRow(Row row, long seq, char operation) throws SQLException {
            StringBuilder b = copy.row();
            encoder.appendRow(b, row, seq);
            b.append('\t').append(seq).append('\t').append(operation);
            copy.endRow();
        }

        @Override
        long finish() throws SQLException {
            return copy.finish();
        }

        @Override
        public void close() {
            copy.close();
        }
    }

    private static final class Binary extends CopyRows {
        private final CopyBinaryStream copy;
        private final CopyBinaryEncoder encoder;
        private final int fields;

        Binary(CopyBinaryStream copy, CopyBinaryEncoder encoder, int extraFields) {
            this.copy = copy;
            this.encoder = encoder;
            this.fields = encoder.columnCount() + extraFields;
        }

        @Override
        CopyFormat format() {
            return CopyFormat.BINARY;
        }

        @Override
        void row(Row row, long rowNumber) throws SQLException {
            copy.startRow(fields);
            encoder.writeValues(copy, row, rowNumber);
            copy.endRow();
        }

        @Override
        void stagedRow(Row row, long seq, char operation) throws SQLException {
            copy.startRow(fields);
            encoder.writeValues(copy, row, seq);
            copy.int8Field(seq);
            copy.bytesField(String.valueOf(operation).getBytes(StandardCharsets.UTF_8));
            copy.endRow();
        }

        @Override
        long finish() throws SQLException {
            return copy.finish();
        }

        @Override
        public void close() {
            copy.close();
        }
    }
}
