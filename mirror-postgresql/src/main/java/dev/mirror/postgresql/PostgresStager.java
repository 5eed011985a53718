package dev.mirror.postgresql;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.dialect.StagedChanges;
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
 * Stages a batch for core's soft delete and history statements ({@link dev.mirror.api.dialect.TargetDialect#withStagedChanges}):
 * a temporary table with the staged columns' types taken from the mirror table ({@code CREATE TEMP TABLE … AS SELECT …
 * WITH NO DATA}, so no NOT NULL constraints: a delete carries only its key), filled with {@code COPY}, handed to core,
 * then dropped. Its own name, so it never meets the stage of the mirror-mode apply ({@link PostgresChangeApplier}).
 */
final class PostgresStager {
    static final String STAGE = "pg_temp.mirror_core_stage";

    private final PostgresDialect dialect;
    private final String table;
    private final TableSchema schema;
    private final List<String> columns = new ArrayList<>();
    private final String seq;
    private final String op;

    PostgresStager(PostgresDialect dialect, String table, TableSchema schema) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.table = requireNonNull(table, "table is null");
        this.schema = requireNonNull(schema, "schema is null");
        Set<String> taken = new HashSet<>();
        for (Column c : schema.columns()) {
            String n = dialect.names().targetName(c.name());
            columns.add(n);
            taken.add(n.toLowerCase(Locale.ROOT));
        }
        this.seq = PostgresChangeApplier.free("mirror_seq", taken);
        this.op = PostgresChangeApplier.free("mirror_op", taken);
    }

    String createStage() {
        return "CREATE TEMP TABLE " + STAGE + " ON COMMIT DROP AS SELECT " + list() + ", 0::bigint AS " + q(seq)
                + ", ''::text AS " + q(op) + " FROM " + q(table) + " WITH NO DATA";
    }

    String copyStage() {
        return "COPY " + STAGE + " (" + list() + ", " + q(seq) + ", " + q(op) + ") FROM STDIN";
    }

    TableCounts stage(Connection connection, Iterator<RowChange> changes, int chunkChars, StagedChanges.Work work)
            throws SQLException {
        if (connection.getAutoCommit()) {
            throw MirrorException.internal("staging changes of table '" + table + "' needs a transaction (auto-commit off)", null);
        }
        long[] counts = new long[3];
        CopyTextEncoder encoder = new CopyTextEncoder(table, schema.columns());
        long n = 0;
        try (Statement st = connection.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + STAGE);
            st.execute(createStage());
            try (CopyStream copy = CopyStream.start(connection, copyStage(), chunkChars)) {
                while (changes.hasNext()) {
                    RowChange change = changes.next();
                    n++;
                    counts[change.operation().ordinal()]++;
                    StringBuilder b = copy.row();
                    encoder.appendRow(b, change.row(), n);
                    b.append('\t').append(n).append('\t').append(change.operation().code());
                    copy.endRow();
                }
                copy.finish();
            }
            if (n > 0) {
                List<String> quoted = new ArrayList<>();
                columns.forEach(c -> quoted.add(q(c)));
                work.run(connection, new StagedChanges(STAGE, quoted, q(seq), q(op)));
            }
            st.execute("DROP TABLE " + STAGE);
        }
        return new TableCounts(counts[0], counts[1], counts[2]);
    }

    private String list() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(q(columns.get(i)));
        }
        return b.toString();
    }

    private String q(String name) {
        return dialect.names().quote(name);
    }
}
