package dev.mirror.mariadb;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.model.TableSchema;
import dev.mirror.dialect.support.StageWriter;
import dev.mirror.dialect.support.StagedChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;

/**
 * Fills a stage of {@link MariaDbStageSql} through the bulk path: one {@code LOAD DATA LOCAL INFILE} streamed from
 * memory ({@link LoadDataStream}), each line the row's values, then its position in the batch and its operation. The
 * apply's stage, keyed like the mirror table, is loaded with {@code REPLACE} so that it keeps the last change per key;
 * its row count then legitimately differs from the changes sent, so only core's stage (every change kept) has its
 * count checked. Both check LOAD DATA's warnings (a value MariaDB changed on the way in). Called by
 * {@link dev.mirror.dialect.support.StagedApply} on core's thread and transaction; stateless.
 */
final class MariaDbStageWriter implements StageWriter {
    private final MariaDbBulkLoader loader;
    private final MariaDbStageSql sql;

    /** @param sql the stage SQL whose stages this writer fills (it tells the keyed stage apart) */
    MariaDbStageWriter(MariaDbBulkLoader loader, MariaDbStageSql sql) {
        this.loader = requireNonNull(loader, "loader is null");
        this.sql = requireNonNull(sql, "sql is null");
    }

    @Override
    public void write(Connection connection, String table, TableSchema schema, StagedChanges stage,
                      Iterator<StagedChange> changes) throws SQLException {
        LoadDataEncoder encoder = loader.encoder(table, schema.columns());
        boolean keyed = sql.keyedByTableKey(stage);
        LoadDataStream stream = new LoadDataStream(sink -> {
            if (!changes.hasNext()) {
                return false;
            }
            StagedChange change = changes.next();
            encoder.appendRow(sink, change.row(), change.seq());
            sink.put('\t');
            sink.putAscii(Long.toString(change.seq()));
            sink.put('\t');
            sink.put(change.operation().code());
            sink.put('\n');
            return true;
        }, loader.chunkBytes());
        stream.execute(connection, loadSql(table, schema, stage, encoder, keyed),
                "staging changes of table '" + table + "'", !keyed);
    }

    String loadSql(String table, TableSchema schema, StagedChanges stage, LoadDataEncoder encoder, boolean keyed) {
        return loader.loadSql(stage.table(), loader.targets(schema), encoder, keyed, List.of(stage.seq(), stage.op()));
    }
}
