package dev.mirror.mariadb;

import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The set-wise apply of one batch (the {@code changes()} concern), all in core's transaction, nothing committed:
 * <ol>
 * <li>the batch is loaded into the temporary stage {@code __mirror_stage} keyed like the table, with {@code REPLACE}, so
 * that it holds the last change of every key ({@link StageTable});</li>
 * <li>one {@code DELETE m FROM t AS m JOIN stage AS s ON <key> WHERE s.op = 'D'} for the keys whose last change is a
 * delete;</li>
 * <li>one {@code INSERT INTO t (...) SELECT ... FROM stage WHERE op <> 'D' ON DUPLICATE KEY UPDATE c = VALUES(c), ...}
 * for the others. The key columns are part of the update list: with a case-insensitive collation a key whose case
 * changed in the source is the same key, and the mirror then shows the new spelling as SQL Server does;</li>
 * <li>the stage is dropped.</li>
 * </ol>
 * {@link #stageFor} stages for core's soft delete and history statements instead (every change kept).
 */
final class MariaDbChangeApplier {
    static final String STAGE = "__mirror_stage";
    static final String CORE_STAGE = "__mirror_core_stage";

    private final MariaDbNames names;
    private final MariaDbBulkLoader loader;
    private final MariaDbDdl ddl;

    MariaDbChangeApplier(MariaDbNames names, MariaDbBulkLoader loader, MariaDbDdl ddl) {
        this.names = names;
        this.loader = loader;
        this.ddl = ddl;
    }

    StageTable stage(String table, TableSchema schema) {
        return new StageTable(names, loader, ddl, STAGE, table, schema, true);
    }

    String delete(String table, StageTable s) {
        StringBuilder b = new StringBuilder("DELETE m FROM ").append(names.quote(table)).append(" AS m JOIN ")
                .append(s.name()).append(" AS s ON ");
        List<String> keys = s.keys();
        for (int i = 0; i < keys.size(); i++) {
            b.append(i == 0 ? "" : " AND ").append("m.").append(s.q(keys.get(i))).append(" = s.").append(s.q(keys.get(i)));
        }
        return b.append(" WHERE s.").append(s.op()).append(" = 'D'").toString();
    }

    String upsert(String table, StageTable s) {
        StringBuilder b = new StringBuilder("INSERT INTO ").append(names.quote(table)).append(" (").append(s.list(s.columns()))
                .append(") SELECT ").append(s.list(s.columns(), "s.")).append(" FROM ").append(s.name())
                .append(" AS s WHERE s.").append(s.op()).append(" <> 'D' ON DUPLICATE KEY UPDATE ");
        List<String> update = new ArrayList<>(s.columns());
        for (int i = 0; i < update.size(); i++) {
            String c = s.q(update.get(i));
            b.append(i == 0 ? "" : ", ").append(c).append(" = VALUES(").append(c).append(')');
        }
        return b.toString();
    }

    TableCounts apply(Connection connection, String table, TableSchema schema, Iterator<RowChange> changes)
            throws SQLException {
        if (!changes.hasNext()) {
            return TableCounts.ZERO;
        }
        StageTable s = stage(table, schema);
        long[] counts = s.fill(connection, changes);
        try (Statement st = connection.createStatement()) {
            if (counts[2] > 0) {
                st.executeUpdate(delete(table, s));
            }
            if (counts[0] + counts[1] > 0) {
                st.executeUpdate(upsert(table, s));
            }
            st.execute(s.drop());
        }
        return new TableCounts(counts[0], counts[1], counts[2]);
    }

    /** Stages every change for core ({@link dev.mirror.api.dialect.TargetDialect#withStagedChanges}) and runs its work. */
    TableCounts stageFor(Connection connection, String table, TableSchema schema, Iterator<RowChange> changes,
                         StagedChanges.Work work) throws SQLException {
        StageTable s = new StageTable(names, loader, ddl, CORE_STAGE, table, schema, false);
        long[] counts = s.fill(connection, changes);
        if (counts[0] + counts[1] + counts[2] > 0) {
            work.run(connection, new StagedChanges(s.name(), s.columns().stream().map(s::q).toList(), s.seq(), s.op()));
        }
        try (Statement st = connection.createStatement()) {
            st.execute(s.drop());
        }
        return new TableCounts(counts[0], counts[1], counts[2]);
    }
}
