package dev.mirror.h2;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.target.StagedChanges;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Stages a whole batch for core's soft delete and history statements ({@link dev.mirror.api.target.TargetDialect#withStagedChanges})
 * in the same session-local, {@code TRANSACTIONAL} temporary table as {@link H2ChangeApplier} (so the apply stays in
 * core's transaction), then hands it to core. Unlike the mirror-mode apply it does not cut the batch into chunks:
 * core's statements need the whole batch at once (one version time per batch); batches are bounded by the source.
 */
final class H2Stager {
    private final H2Limits limits;

    H2Stager(H2Limits limits) {
        this.limits = requireNonNull(limits, "limits is null");
    }

    TableCounts stage(Connection connection, TableSchema schema, Iterator<RowChange> changes, StagedChanges.Work work)
            throws SQLException {
        // a distinct prefix: the stage of the mirror-mode apply on this connection may have the same column types
        String stage = "MIRROR_CORE_" + H2ChangeApplier.stageName(schema);
        List<SqlType> types = new ArrayList<>();
        types.add(SqlType.of(SqlServerType.BIGINT));
        types.add(SqlType.ofLength(SqlServerType.CHAR, 1));
        List<String> columns = new ArrayList<>();
        for (Column c : schema.columns()) {
            types.add(c.type());
            columns.add("C" + (columns.size() + 1));
        }
        try (Statement s = connection.createStatement()) {
            s.execute(H2ChangeApplier.createStage(stage, schema));
            s.execute("DELETE FROM " + stage); // leftovers of a rolled-back apply on this connection
        }
        long[] counts = new long[3];
        long seq = 0;
        try (H2BatchInsert insert = new H2BatchInsert(connection, H2ChangeApplier.insertStage(stage, schema), types, limits)) {
            while (changes.hasNext()) {
                RowChange change = changes.next();
                if (change.row().size() != schema.columnCount()) {
                    throw new IllegalArgumentException("a change for table '" + schema.name() + "' has " + change.row().size()
                            + " values but the table has " + schema.columnCount() + " columns");
                }
                Object[] values = new Object[schema.columnCount() + 2];
                values[0] = ++seq;
                values[1] = String.valueOf(change.operation().code());
                for (int i = 0; i < schema.columnCount(); i++) {
                    values[i + 2] = change.row().get(i);
                }
                insert.add(values);
                counts[change.operation().ordinal()]++;
            }
            insert.flush();
        }
        if (seq > 0) {
            work.run(connection, new StagedChanges(stage, columns, "M_SEQ", "M_OP"));
        }
        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM " + stage);
        }
        return new TableCounts(counts[0], counts[1], counts[2]);
    }
}
