package dev.mirror.postgresql;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import dev.mirror.dialect.support.StageSql;
import dev.mirror.dialect.support.StageUse;
import dev.mirror.dialect.support.StageWriter;
import dev.mirror.dialect.support.StagedChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * PostgreSQL's stage for {@link dev.mirror.dialect.support.StagedApply}:
 * <ol>
 * <li>{@code CREATE TEMP TABLE pg_temp.mirror_stage ON COMMIT DROP AS SELECT <columns>, seq, op FROM "t" WITH NO
 * DATA}: the same column types as the mirror table but without its NOT NULL constraints (a delete only carries its
 * key), plus the change's position in the batch and its operation (names no mirror column has);</li>
 * <li>{@code COPY} the batch into it (streamed, text or binary as configured, see {@link CopyRows});</li>
 * <li>one {@code DELETE … USING} for the keys whose <em>last</em> change is a delete;</li>
 * <li>one {@code INSERT … SELECT DISTINCT ON (key) … ORDER BY key, seq DESC … ON CONFLICT (key) DO UPDATE} for the keys
 * whose last change is an insert or update (so a delete followed by an insert leaves the row present with the inserted
 * values, and an insert followed by a delete leaves it absent);</li>
 * <li>{@code DROP TABLE pg_temp.mirror_stage} (ON COMMIT DROP only guards against a forgotten drop).</li>
 * </ol>
 * With {@code merge} (PostgreSQL 15+), steps 3 and 4 are one {@code MERGE} from the same last-change-per-key subquery,
 * so the stage is read and sorted once instead of twice (measured in BENCHMARKS.md, benchmark 2). Core's stage
 * ({@link StageUse#CORE}) is {@code pg_temp.mirror_core_stage}, so it never meets the apply's.
 */
final class PostgresStageSql implements StageSql, StageWriter {
    static final String STAGE = "pg_temp.mirror_stage";
    static final String CORE_STAGE = "pg_temp.mirror_core_stage";

    private final DialectNames names;
    private final int chunkChars;
    private final BooleanSupplier merge;
    private final Supplier<String> workMem;
    private final Supplier<CopyFormat> format;
    /** Whether the server has MERGE (15+): read once, on the first staged batch; null until then. */
    private volatile Boolean serverMerges;

    /**
     * @param merge   whether to apply with MERGE where the server has it (the provider's setting)
     * @param workMem the work_mem of apply transactions ({@code 256MB}), null for the server's
     * @param format  the COPY format of the stage (the provider's setting)
     */
    PostgresStageSql(DialectNames names, int chunkChars, BooleanSupplier merge, Supplier<String> workMem,
                     Supplier<CopyFormat> format) {
        this.names = requireNonNull(names, "names is null");
        this.chunkChars = chunkChars;
        this.merge = requireNonNull(merge, "merge is null");
        this.workMem = requireNonNull(workMem, "workMem is null");
        this.format = requireNonNull(format, "format is null");
    }

    @Override
    public StagedChanges stage(Connection connection, String table, TableSchema schema, StageUse use) {
        return stage(schema, use);
    }

    StagedChanges stage(TableSchema schema, StageUse use) {
        Set<String> taken = new HashSet<>();
        List<String> columns = new ArrayList<>();
        for (Column c : schema.columns()) {
            String n = names.targetName(c.name());
            columns.add(names.quote(n));
            taken.add(n.toLowerCase(Locale.ROOT));
        }
        return new StagedChanges(use == StageUse.APPLY ? STAGE : CORE_STAGE, columns,
                names.quote(free("mirror_seq", taken)), names.quote(free("mirror_op", taken)));
    }

    /** A bookkeeping column name that no mirror column has. */
    private static String free(String base, Set<String> taken) {
        String n = base;
        while (taken.contains(n.toLowerCase(Locale.ROOT))) {
            n = "_" + n;
        }
        taken.add(n);
        return n;
    }

    @Override
    public List<String> createStage(String table, TableSchema schema, StagedChanges stage, StageUse use) {
        String create = "CREATE TEMP TABLE " + stage.table() + " ON COMMIT DROP AS SELECT " + String.join(", ", stage.columns())
                + ", 0::bigint AS " + stage.seq() + ", ''::text AS " + stage.op() + " FROM " + names.quote(table) + " WITH NO DATA";
        return use == StageUse.APPLY ? List.of(create) : List.of("DROP TABLE IF EXISTS " + stage.table(), create);
    }

    /**
     * The apply's transaction gets the configured work_mem first: the set-wise apply sorts the staged batch by key
     * (DISTINCT ON) and joins it to the table; with the default work_mem (4MB) a batch of wide rows spills to disk.
     * SET LOCAL ends with core's transaction. https://www.postgresql.org/docs/15/runtime-config-resource.html#GUC-WORK-MEM
     */
    @Override
    public void prepareStage(Connection connection, String table, TableSchema schema, StagedChanges stage, StageUse use)
            throws SQLException {
        String mem = workMem.get();
        if (use == StageUse.APPLY && mem != null) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL work_mem = '" + mem + "'");
            }
        }
        if (use == StageUse.APPLY && merge.getAsBoolean() && serverMerges == null) {
            serverMerges = connection.getMetaData().getDatabaseMajorVersion() >= 15;
        }
        StageSql.run(connection, createStage(table, schema, stage, use));
    }

    String copyStage(StagedChanges stage) {
        return "COPY " + stage.table() + " (" + String.join(", ", stage.columns()) + ", " + stage.seq() + ", " + stage.op()
                + ") FROM STDIN";
    }

    private List<String> keys(TableSchema schema, StagedChanges stage) {
        List<String> keys = new ArrayList<>();
        for (int k : schema.keyIndexes()) {
            keys.add(stage.columns().get(k));
        }
        return keys;
    }

    private String lastChangePerKey(TableSchema schema, StagedChanges stage, String select) {
        String keys = list(keys(schema, stage), "");
        return "(SELECT DISTINCT ON (" + keys + ") " + select + " FROM " + stage.table() + " ORDER BY " + keys + ", "
                + stage.seq() + " DESC) AS s";
    }

    @Override
    public String deleteJoin(String table, TableSchema schema, StagedChanges stage) {
        List<String> keys = keys(schema, stage);
        StringBuilder b = new StringBuilder("DELETE FROM ").append(names.quote(table)).append(" AS m USING ")
                .append(lastChangePerKey(schema, stage, list(keys, "") + ", " + stage.op())).append(" WHERE s.")
                .append(stage.op()).append(" = 'D'");
        for (String k : keys) {
            b.append(" AND m.").append(k).append(" = s.").append(k);
        }
        return b.toString();
    }

    @Override
    public String upsertFromStage(String table, TableSchema schema, StagedChanges stage) {
        List<String> keys = keys(schema, stage);
        StringBuilder b = new StringBuilder("INSERT INTO ").append(names.quote(table)).append(" AS m (")
                .append(list(stage.columns(), "")).append(") SELECT ").append(list(stage.columns(), "s.")).append(" FROM ")
                .append(lastChangePerKey(schema, stage, "*")).append(" WHERE s.").append(stage.op())
                .append(" <> 'D' ON CONFLICT (").append(list(keys, "")).append(") DO ");
        List<String> others = new ArrayList<>(stage.columns());
        others.removeAll(keys);
        if (others.isEmpty()) {
            return b.append("NOTHING").toString();
        }
        b.append("UPDATE SET ");
        for (int i = 0; i < others.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(others.get(i)).append(" = EXCLUDED.").append(others.get(i));
        }
        // Skipping identical rows avoids dead tuples when a batch is delivered again (at-least-once delivery).
        return b.append(" WHERE ROW(").append(list(others, "m.")).append(") IS DISTINCT FROM ROW(")
                .append(list(others, "EXCLUDED.")).append(')').toString();
    }

    /** With merge on and a server that has it: deletes, updates and inserts in one statement. */
    @Override
    public Optional<String> mergeFromStage(String table, TableSchema schema, StagedChanges stage) {
        return merge.getAsBoolean() && Boolean.TRUE.equals(serverMerges) ? Optional.of(merge(table, schema, stage)) : Optional.empty();
    }

    /** Deletes, updates and inserts in one statement; rows identical to the stage are not rewritten (see upsert). */
    String merge(String table, TableSchema schema, StagedChanges stage) {
        List<String> keys = keys(schema, stage);
        StringBuilder b = new StringBuilder("MERGE INTO ").append(names.quote(table)).append(" AS m USING ")
                .append(lastChangePerKey(schema, stage, "*")).append(" ON ");
        for (int i = 0; i < keys.size(); i++) {
            b.append(i == 0 ? "" : " AND ").append("m.").append(keys.get(i)).append(" = s.").append(keys.get(i));
        }
        b.append(" WHEN MATCHED AND s.").append(stage.op()).append(" = 'D' THEN DELETE");
        List<String> others = new ArrayList<>(stage.columns());
        others.removeAll(keys);
        if (!others.isEmpty()) {
            b.append(" WHEN MATCHED AND ROW(").append(list(others, "m.")).append(") IS DISTINCT FROM ROW(")
                    .append(list(others, "s.")).append(") THEN UPDATE SET ");
            for (int i = 0; i < others.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(others.get(i)).append(" = s.").append(others.get(i));
            }
        }
        return b.append(" WHEN NOT MATCHED AND s.").append(stage.op()).append(" <> 'D' THEN INSERT (")
                .append(list(stage.columns(), "")).append(") VALUES (").append(list(stage.columns(), "s.")).append(')').toString();
    }

    @Override
    public List<String> clearStage(StagedChanges stage, StageUse use) {
        return List.of("TRUNCATE " + stage.table());
    }

    @Override
    public List<String> dropStage(StagedChanges stage, StageUse use) {
        return List.of("DROP TABLE " + stage.table());
    }

    @Override
    public void write(Connection connection, String table, TableSchema schema, StagedChanges stage,
                      Iterator<StagedChange> changes) throws SQLException {
        // The stage is created AS SELECT from the mirror table, so the mirror table's types decide the format.
        try (CopyRows copy = CopyRows.open(connection, copyStage(stage), format.get(), table, schema.columns(), names, 2,
                chunkChars)) {
            while (changes.hasNext()) {
                StagedChange change = changes.next();
                copy.stagedRow(change.row(), change.seq(), change.operation().code());
            }
            copy.finish();
        }
    }

    private static String list(List<String> quoted, String prefix) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < quoted.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(prefix).append(quoted.get(i));
        }
        return b.toString();
    }
}
