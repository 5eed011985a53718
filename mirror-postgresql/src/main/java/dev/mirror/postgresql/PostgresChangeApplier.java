package dev.mirror.postgresql;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
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
 * The set-wise apply of one batch of changes:
 * <ol>
 * <li>{@code CREATE TEMP TABLE pg_temp.mirror_stage ON COMMIT DROP AS SELECT <columns>, seq, op FROM "t" WITH NO
 * DATA}: the same column types as the mirror table but without its NOT NULL constraints (a delete only carries
 * its key), plus the change's position in the batch and its operation;</li>
 * <li>{@code COPY} the batch into it (streamed, see {@link CopyStream});</li>
 * <li>one {@code DELETE … USING} for the keys whose <em>last</em> change is a delete;</li>
 * <li>one {@code INSERT … SELECT DISTINCT ON (key) … ORDER BY key, seq DESC … ON CONFLICT (key) DO UPDATE} for
 * the keys whose last change is an insert or update (so a delete followed by an insert leaves the row present
 * with the inserted values, and an insert followed by a delete leaves it absent);</li>
 * <li>{@code DROP TABLE pg_temp.mirror_stage} (ON COMMIT DROP only guards against a forgotten drop).</li>
 * </ol>
 * With {@code merge} (PostgreSQL 15+), steps 3 and 4 are one {@code MERGE} from the same last-change-per-key
 * subquery, so the stage is read and sorted once instead of twice (measured in BENCHMARKS.md, benchmark 2).
 * Everything runs in the caller's transaction; nothing is committed here.
 */
final class PostgresChangeApplier {
    static final String STAGE = "pg_temp.mirror_stage";

    private final PostgresDialect dialect;
    private final String table;
    private final TableSchema schema;
    private final List<String> columns = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private final String seq;
    private final String op;
    private final boolean merge;

    PostgresChangeApplier(PostgresDialect dialect, String table, TableSchema schema) {
        this(dialect, table, schema, false);
    }

    PostgresChangeApplier(PostgresDialect dialect, String table, TableSchema schema, boolean merge) {
        this.dialect = dialect;
        this.merge = merge;
        this.table = table;
        this.schema = schema;
        Set<String> taken = new HashSet<>();
        for (var c : schema.columns()) {
            String n = dialect.names().targetName(c.name());
            columns.add(n);
            taken.add(n.toLowerCase(Locale.ROOT));
        }
        for (String k : schema.primaryKey()) {
            keys.add(dialect.names().targetName(schema.column(k).orElseThrow().name()));
        }
        this.seq = free("mirror_seq", taken);
        this.op = free("mirror_op", taken);
    }

    /** A bookkeeping column name that no mirror column has (also used by {@link PostgresStager}). */
    static String free(String base, Set<String> taken) {
        String n = base;
        while (taken.contains(n.toLowerCase(Locale.ROOT))) {
            n = "_" + n;
        }
        taken.add(n);
        return n;
    }

    String createStage() {
        return "CREATE TEMP TABLE " + STAGE + " ON COMMIT DROP AS SELECT " + list(columns, "") + ", 0::bigint AS "
                + q(seq) + ", ''::text AS " + q(op) + " FROM " + q(table) + " WITH NO DATA";
    }

    String copyStage() {
        return "COPY " + STAGE + " (" + list(columns, "") + ", " + q(seq) + ", " + q(op) + ") FROM STDIN";
    }

    private String lastChangePerKey(String select) {
        return "(SELECT DISTINCT ON (" + list(keys, "") + ") " + select + " FROM " + STAGE + " ORDER BY " + list(keys, "")
                + ", " + q(seq) + " DESC) AS s";
    }

    String delete() {
        StringBuilder b = new StringBuilder("DELETE FROM ").append(q(table)).append(" AS m USING ")
                .append(lastChangePerKey(list(keys, "") + ", " + q(op))).append(" WHERE s.").append(q(op)).append(" = 'D'");
        for (String k : keys) {
            b.append(" AND m.").append(q(k)).append(" = s.").append(q(k));
        }
        return b.toString();
    }

    String upsert() {
        StringBuilder b = new StringBuilder("INSERT INTO ").append(q(table)).append(" AS m (").append(list(columns, ""))
                .append(") SELECT ").append(list(columns, "s.")).append(" FROM ").append(lastChangePerKey("*"))
                .append(" WHERE s.").append(q(op)).append(" <> 'D' ON CONFLICT (").append(list(keys, "")).append(") DO ");
        List<String> others = new ArrayList<>(columns);
        others.removeAll(keys);
        if (others.isEmpty()) {
            return b.append("NOTHING").toString();
        }
        b.append("UPDATE SET ");
        for (int i = 0; i < others.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(q(others.get(i))).append(" = EXCLUDED.").append(q(others.get(i)));
        }
        // Skipping identical rows avoids dead tuples when a batch is delivered again (at-least-once delivery).
        return b.append(" WHERE ROW(").append(list(others, "m.")).append(") IS DISTINCT FROM ROW(")
                .append(list(others, "EXCLUDED.")).append(')').toString();
    }

    /** Deletes, updates and inserts in one statement; rows identical to the stage are not rewritten (see upsert). */
    String merge() {
        StringBuilder b = new StringBuilder("MERGE INTO ").append(q(table)).append(" AS m USING ").append(lastChangePerKey("*"))
                .append(" ON ");
        for (int i = 0; i < keys.size(); i++) {
            b.append(i == 0 ? "" : " AND ").append("m.").append(q(keys.get(i))).append(" = s.").append(q(keys.get(i)));
        }
        b.append(" WHEN MATCHED AND s.").append(q(op)).append(" = 'D' THEN DELETE");
        List<String> others = new ArrayList<>(columns);
        others.removeAll(keys);
        if (!others.isEmpty()) {
            b.append(" WHEN MATCHED AND ROW(").append(list(others, "m.")).append(") IS DISTINCT FROM ROW(")
                    .append(list(others, "s.")).append(") THEN UPDATE SET ");
            for (int i = 0; i < others.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(q(others.get(i))).append(" = s.").append(q(others.get(i)));
            }
        }
        return b.append(" WHEN NOT MATCHED AND s.").append(q(op)).append(" <> 'D' THEN INSERT (").append(list(columns, ""))
                .append(") VALUES (").append(list(columns, "s.")).append(')').toString();
    }

    String dropStage() {
        return "DROP TABLE " + STAGE;
    }

    TableCounts apply(Connection connection, Iterator<RowChange> changes, int chunkChars) throws SQLException {
        if (!changes.hasNext()) {
            return TableCounts.ZERO;
        }
        if (connection.getAutoCommit()) {
            throw MirrorException.internal("applyChanges on table '" + table + "' needs a transaction (auto-commit off): "
                    + "the staging table lives until commit and the changes must commit with the LSN", null);
        }
        long inserts = 0;
        long updates = 0;
        long deletes = 0;
        CopyTextEncoder encoder = new CopyTextEncoder(table, schema.columns());
        try (Statement st = connection.createStatement()) {
            st.execute(createStage());
            try (CopyStream copy = CopyStream.start(connection, copyStage(), chunkChars)) {
                long n = 0;
                while (changes.hasNext()) {
                    RowChange change = changes.next();
                    n++;
                    switch (change.operation()) {
                        case INSERT -> inserts++;
                        case UPDATE -> updates++;
                        case DELETE -> deletes++;
                    }
                    StringBuilder b = copy.row();
                    encoder.appendRow(b, change.row(), n);
                    b.append('\t').append(n).append('\t').append(change.operation().code());
                    copy.endRow();
                }
                copy.finish();
            }
            if (merge) {
                st.executeUpdate(merge());
            } else if (deletes > 0) {
                st.executeUpdate(delete());
            }
            if (!merge && inserts + updates > 0) {
                st.executeUpdate(upsert());
            }
            st.execute(dropStage());
        }
        return new TableCounts(inserts, updates, deletes);
    }

    private String list(List<String> names, String prefix) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(prefix).append(q(names.get(i)));
        }
        return b.toString();
    }

    private String q(String name) {
        return dialect.names().quote(name);
    }
}
