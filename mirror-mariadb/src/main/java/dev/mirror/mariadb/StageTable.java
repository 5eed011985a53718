package dev.mirror.mariadb;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A batch of changes in a temporary table, filled through the bulk path: one nullable column per column of the schema
 * (the mirror's types; a delete carries only its key) plus the change's position in the batch and its operation.
 * Temporary tables belong to the session and neither commit nor end with the transaction in MariaDB, so the stage is
 * dropped before it is created (a failed earlier batch on the same pooled connection may have left it) and after use.
 * {@code CREATE/DROP TEMPORARY TABLE} do not commit implicitly, so the batch stays in core's transaction.
 *
 * <p>With {@code lastPerKey}, the stage's primary key is the table's key and the load uses {@code REPLACE}: a later
 * change of a key replaces the earlier one as the file is read, so the stage holds exactly the last change per key
 * without a sort or a grouping query. Otherwise every change is kept (primary key: the position), for core's own
 * statements, and the key columns are indexed for their joins.
 */
final class StageTable {
    private final MariaDbNames names;
    private final MariaDbBulkLoader loader;
    private final String stage;
    private final String table;
    private final TableSchema schema;
    private final boolean lastPerKey;
    private final List<String> columns = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final String seq;
    private final String op;
    private final String options;

    StageTable(MariaDbNames names, MariaDbBulkLoader loader, MariaDbDdl ddl, String stage, String table, TableSchema schema,
               boolean lastPerKey) {
        this.names = names;
        this.loader = loader;
        this.stage = stage;
        this.table = table;
        this.schema = schema;
        this.lastPerKey = lastPerKey;
        this.options = ddl.tableOptions();
        Set<String> taken = new HashSet<>();
        for (Column c : schema.columns()) {
            String n = names.targetName(c.name());
            columns.add(n);
            taken.add(n.toLowerCase(Locale.ROOT));
        }
        for (String k : schema.primaryKey()) {
            keys.add(names.targetName(schema.column(k).orElseThrow().name()));
        }
        this.seq = free("mirror_seq", taken);
        this.op = free("mirror_op", taken);
    }

    /** A bookkeeping column name no mirror column has (MariaDB column names are case-insensitive). */
    private static String free(String base, Set<String> taken) {
        String n = base;
        while (taken.contains(n.toLowerCase(Locale.ROOT))) {
            n = "_" + n;
        }
        taken.add(n);
        return n;
    }

    String name() {
        return q(stage);
    }

    List<String> columns() {
        return columns;
    }

    List<String> keys() {
        return keys;
    }

    String seq() {
        return q(seq);
    }

    String op() {
        return q(op);
    }

    String create() {
        StringBuilder b = new StringBuilder("CREATE TEMPORARY TABLE ").append(q(stage)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i);
            b.append(q(name)).append(' ').append(MariaDbTypes.columnType(schema.columns().get(i).type()))
                    .append(lastPerKey && keys.contains(name) ? " NOT NULL, " : " NULL, ");
        }
        b.append(q(seq)).append(" BIGINT NOT NULL, ").append(q(op)).append(" CHAR(1) NOT NULL, PRIMARY KEY (")
                .append(lastPerKey ? list(keys) : q(seq)).append(')');
        if (!lastPerKey && !keys.isEmpty()) {
            b.append(", KEY (").append(list(keys)).append(')');
        }
        return b.append(')').append(options).toString();
    }

    String drop() {
        return "DROP TEMPORARY TABLE IF EXISTS " + q(stage);
    }

    String load(LoadDataEncoder encoder) {
        return loader.loadSql(q(stage), columns, encoder, lastPerKey, List.of(q(seq), q(op)));
    }

    /** Creates the stage and loads the changes into it; returns the counts by operation (insert, update, delete). */
    long[] fill(Connection connection, Iterator<RowChange> changes) throws SQLException {
        if (connection.getAutoCommit()) {
            throw MirrorException.internal("staging changes of table '" + table + "' needs a transaction (auto-commit off): "
                    + "the changes must commit with the LSN", null);
        }
        long[] counts = new long[3];
        LoadDataEncoder encoder = loader.encoder(table, schema.columns());
        try (Statement st = connection.createStatement()) {
            st.execute(drop());
            st.execute(create());
        }
        long[] n = {0};
        LoadDataStream stream = new LoadDataStream(sink -> {
            if (!changes.hasNext()) {
                return false;
            }
            RowChange change = changes.next();
            n[0]++;
            counts[change.operation().ordinal()]++;
            encoder.appendRow(sink, change.row(), n[0]);
            sink.put('\t');
            sink.putAscii(Long.toString(n[0]));
            sink.put('\t');
            sink.put(change.operation().code());
            sink.put('\n');
            return true;
        }, loader.chunkBytes());
        stream.execute(connection, load(encoder), "staging changes of table '" + table + "'", !lastPerKey);
        return counts;
    }

    String list(List<String> names) {
        return list(names, "");
    }

    String list(List<String> names, String prefix) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(prefix).append(q(names.get(i)));
        }
        return b.toString();
    }

    String q(String name) {
        return names.quote(name);
    }
}
