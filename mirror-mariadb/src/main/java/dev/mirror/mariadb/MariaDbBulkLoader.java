package dev.mirror.mariadb;

import dev.mirror.api.dialect.BulkLoader;
import dev.mirror.api.dialect.BulkProgress;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.TableSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;

/**
 * The bulk path (the {@code bulk()} concern): {@code LOAD DATA LOCAL INFILE} with the file streamed from memory
 * ({@link LoadDataStream}), in the caller's transaction. InnoDB's LOAD DATA is transactional, so core commits the rows
 * together with the table's LSN, and a rollback removes them. The stages of the incremental apply are filled the same
 * way ({@link MariaDbStageWriter}). Stateless; thread-safe.
 */
final class MariaDbBulkLoader implements BulkLoader {
    /** How often progress is reported, in rows. */
    static final int PROGRESS_EVERY = 10_000;
    /** The file name the statement names; the driver checks that the server asks for this one and sends the stream. */
    static final String FILE = "mirror.tsv";

    private final DialectNames names;
    private final int chunkBytes;
    private final boolean rawBinary;

    MariaDbBulkLoader(DialectNames names, int chunkBytes, boolean rawBinary) {
        this.names = names;
        this.chunkBytes = chunkBytes;
        this.rawBinary = rawBinary;
    }

    LoadDataEncoder encoder(String table, List<Column> columns) {
        return new LoadDataEncoder(table, columns, rawBinary);
    }

    /** The target names of {@code schema}'s columns, in order (unquoted: {@link #loadSql} quotes them). */
    List<String> targets(TableSchema schema) {
        return schema.columns().stream().map(c -> names.targetName(c.name())).toList();
    }

    int chunkBytes() {
        return chunkBytes;
    }

    /**
     * {@code LOAD DATA LOCAL INFILE 'mirror.tsv' [REPLACE] INTO TABLE `t` CHARACTER SET utf8mb4 FIELDS TERMINATED BY X'09'
     * ESCAPED BY X'5c' LINES TERMINATED BY X'0a' (`a`, @mirror_v1, ...extra) SET `b` = UNHEX(@mirror_v1)}. The separators
     * are hex literals so that the statement means the same whatever {@code sql_mode} says about backslashes.
     *
     * @param table   the quoted table
     * @param targets the target column names, positional against the encoder's columns
     * @param extra   further quoted columns the rows carry after the encoder's (the stage's sequence and operation)
     */
    String loadSql(String table, List<String> targets, LoadDataEncoder encoder, boolean replace, List<String> extra) {
        StringBuilder b = new StringBuilder("LOAD DATA LOCAL INFILE '").append(FILE).append("' ")
                .append(replace ? "REPLACE " : "").append("INTO TABLE ").append(table).append(" CHARACTER SET ")
                .append(encoder.characterSet())
                .append(" FIELDS TERMINATED BY X'09' ESCAPED BY X'5c' LINES TERMINATED BY X'0a' (");
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < targets.size(); i++) {
            b.append(i == 0 ? "" : ", ");
            String via = encoder.viaVariable(i, "@mirror_v" + i);
            if (via != null) {
                b.append("@mirror_v").append(i);
                set.append(set.length() == 0 ? " SET " : ", ").append(names.quote(targets.get(i))).append(" = ").append(via);
            } else {
                b.append(names.quote(targets.get(i)));
            }
        }
        for (String e : extra) {
            b.append(", ").append(e);
        }
        return b.append(')').append(set).toString();
    }

    @Override
    public long bulkLoad(Connection connection, String table, TableSchema schema, Iterator<Row> rows, BulkProgress progress)
            throws SQLException {
        LoadDataEncoder encoder = encoder(table, schema.columns());
        List<String> targets = targets(schema);
        long[] n = {0};
        LoadDataStream stream = new LoadDataStream(sink -> {
            if (!rows.hasNext()) {
                return false;
            }
            Row row = rows.next();
            encoder.appendRow(sink, row, ++n[0]);
            sink.put('\n');
            if (n[0] % PROGRESS_EVERY == 0) {
                progress.rows(n[0]);
            }
            return true;
        }, chunkBytes);
        long loaded = stream.execute(connection, loadSql(names.quote(table), targets, encoder, false, List.of()),
                "loading table '" + table + "'", true);
        if (loaded % PROGRESS_EVERY != 0) {
            progress.rows(loaded);
        }
        return loaded;
    }
}
