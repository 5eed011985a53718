package dev.mirror.dialect.support;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Column references a {@link StageSql} builds its statements from: the stage's description (one quoted column per
 * column of the schema, plus a sequence and an operation column whose names no mirror column has), the key columns
 * among them, and comma-separated lists. Called by a dialect's {@link StageSql#stage} and statement builders, on
 * core's thread; stateless.
 */
public final class StageColumns {
    private StageColumns() {
    }

    /**
     * Describes a stage {@code stageTable} (as it appears in a FROM clause) holding {@code schema}'s columns under their
     * target names, plus {@code mirror_seq} and {@code mirror_op}, prefixed with {@code _} until no mirror column has
     * the name (compared case-insensitively, as most targets compare column names).
     */
    public static StagedChanges describe(DialectNames names, String stageTable, TableSchema schema) {
        requireNonNull(names, "names is null");
        requireNonNull(stageTable, "stageTable is null");
        Set<String> taken = new HashSet<>();
        List<String> columns = new ArrayList<>();
        for (Column c : schema.columns()) {
            String n = names.targetName(c.name());
            columns.add(names.quote(n));
            taken.add(n.toLowerCase(Locale.ROOT));
        }
        return new StagedChanges(stageTable, columns, names.quote(free("mirror_seq", taken)),
                names.quote(free("mirror_op", taken)));
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

    /** The stage's references of {@code schema}'s primary key columns, in key order. */
    public static List<String> keys(TableSchema schema, StagedChanges stage) {
        List<String> keys = new ArrayList<>();
        for (int k : schema.keyIndexes()) {
            keys.add(stage.columns().get(k));
        }
        return keys;
    }

    /** {@code prefix + a, prefix + b, ...}: the references joined with commas, each after {@code prefix} ({@code s.}). */
    public static String list(List<String> quoted, String prefix) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < quoted.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(prefix).append(quoted.get(i));
        }
        return b.toString();
    }
}
