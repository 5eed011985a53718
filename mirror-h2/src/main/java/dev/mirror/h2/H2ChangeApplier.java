package dev.mirror.h2;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.Operation;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * The set-wise apply: changes are staged, in arrival order ({@code M_SEQ}), into a session-local temporary
 * table with batched inserts; then one MERGE per staged chunk takes the last change of every key and
 * deletes, updates or inserts accordingly. Chunks keep memory bounded; applying them in order keeps
 * "last change wins" across chunk borders.
 *
 * <p>The staging table is created with {@code TRANSACTIONAL}, the only H2 DDL that does not commit the open
 * transaction (https://h2database.com/html/commands.html#create_table), and is emptied with DELETE after
 * each chunk, so the whole apply stays in core's transaction. It lives as long as the connection and its
 * name carries a hash of the column types, so a schema change gets a fresh one.
 */
final class H2ChangeApplier {
    private final Function<String, String> quote;
    private final Function<String, String> targetName;
    private final H2Limits limits;

    H2ChangeApplier(Function<String, String> quote, Function<String, String> targetName, H2Limits limits) {
        this.quote = requireNonNull(quote, "quote is null");
        this.targetName = requireNonNull(targetName, "targetName is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    TableCounts apply(Connection connection, String table, TableSchema schema, Iterator<RowChange> changes)
            throws SQLException {
        if (!changes.hasNext()) {
            return TableCounts.ZERO;
        }
        String stage = stageName(schema);
        List<SqlType> stageTypes = new ArrayList<>();
        stageTypes.add(SqlType.of(SqlServerType.BIGINT));
        stageTypes.add(SqlType.ofLength(SqlServerType.CHAR, 1));
        for (Column c : schema.columns()) {
            stageTypes.add(c.type());
        }
        try (Statement s = connection.createStatement()) {
            s.execute(createStage(stage, schema));
            s.execute("DELETE FROM " + stage); // leftovers of a rolled-back apply on this connection
        }
        String merge = merge(table, stage, schema);
        long inserts = 0;
        long updates = 0;
        long deletes = 0;
        long seq = 0;
        try (H2BatchInsert insert = new H2BatchInsert(connection, insertStage(stage, schema), stageTypes, limits);
                Statement s = connection.createStatement()) {
            long chunkRows = 0;
            long chunkBytes = 0;
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
                    Object v = change.row().get(i);
                    values[i + 2] = v;
                    chunkBytes += H2Binder.size(v);
                }
                insert.add(values);
                switch (change.operation()) {
                    case INSERT -> inserts++;
                    case UPDATE -> updates++;
                    case DELETE -> deletes++;
                }
                if (++chunkRows >= limits.stageRows() || chunkBytes >= limits.stageBytes()) {
                    insert.flush();
                    s.executeUpdate(merge);
                    s.executeUpdate("DELETE FROM " + stage);
                    chunkRows = 0;
                    chunkBytes = 0;
                }
            }
            if (chunkRows > 0) {
                insert.flush();
                s.executeUpdate(merge);
                s.executeUpdate("DELETE FROM " + stage);
            }
        }
        return new TableCounts(inserts, updates, deletes);
    }

    /** The staging table's name: fixed prefix + hash of the column types (never an untrusted identifier). */
    static String stageName(TableSchema schema) {
        StringBuilder b = new StringBuilder();
        for (Column c : schema.columns()) {
            b.append(H2Types.columnType(c.type())).append(schema.isKey(schema.indexOf(c.name())) ? "*" : "").append(';');
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return "MIRROR_STAGE_" + HexFormat.of().formatHex(d, 0, 8).toUpperCase(java.util.Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String createStage(String stage, TableSchema schema) {
        StringBuilder b = new StringBuilder("CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS ").append(stage)
                .append(" (M_SEQ BIGINT PRIMARY KEY, M_OP CHARACTER(1) NOT NULL");
        for (int i = 0; i < schema.columnCount(); i++) {
            b.append(", C").append(i + 1).append(' ').append(H2Types.columnType(schema.columns().get(i).type()));
        }
        return b.append(") TRANSACTIONAL").toString();
    }

    static String insertStage(String stage, TableSchema schema) {
        StringBuilder b = new StringBuilder("INSERT INTO ").append(stage).append(" (M_SEQ, M_OP");
        StringBuilder p = new StringBuilder("?, ?");
        for (int i = 0; i < schema.columnCount(); i++) {
            b.append(", C").append(i + 1);
            p.append(", ?");
        }
        return b.append(") VALUES (").append(p).append(')').toString();
    }

    /**
     * One MERGE for a staged chunk. The source keeps the highest M_SEQ per key (the last change); a last
     * change D deletes a matched row and is ignored when unmatched; I and U update or insert.
     */
    String merge(String table, String stage, TableSchema schema) {
        int[] keys = schema.keyIndexes();
        StringBuilder groupBy = new StringBuilder();
        StringBuilder on = new StringBuilder();
        for (int k = 0; k < keys.length; k++) {
            groupBy.append(k == 0 ? "" : ", ").append('C').append(keys[k] + 1);
            on.append(k == 0 ? "" : " AND ").append("T.").append(column(schema, keys[k])).append(" = S.C").append(keys[k] + 1);
        }
        StringBuilder set = new StringBuilder();
        StringBuilder cols = new StringBuilder();
        StringBuilder vals = new StringBuilder();
        for (int i = 0; i < schema.columnCount(); i++) {
            if (!schema.isKey(i)) {
                set.append(set.length() == 0 ? "" : ", ").append(column(schema, i)).append(" = S.C").append(i + 1);
            }
            cols.append(i == 0 ? "" : ", ").append(column(schema, i));
            vals.append(i == 0 ? "" : ", ").append("S.C").append(i + 1);
        }
        StringBuilder b = new StringBuilder("MERGE INTO ").append(quote.apply(table)).append(" T USING (SELECT * FROM ")
                .append(stage).append(" WHERE M_SEQ IN (SELECT MAX(M_SEQ) FROM ").append(stage).append(" GROUP BY ")
                .append(groupBy).append(")) S ON ").append(on)
                .append(" WHEN MATCHED AND S.M_OP = 'D' THEN DELETE");
        if (set.length() > 0) {
            b.append(" WHEN MATCHED THEN UPDATE SET ").append(set);
        }
        return b.append(" WHEN NOT MATCHED AND S.M_OP <> 'D' THEN INSERT (").append(cols).append(") VALUES (").append(vals)
                .append(')').toString();
    }

    private String column(TableSchema schema, int i) {
        return quote.apply(targetName.apply(schema.columns().get(i).name()));
    }
}
