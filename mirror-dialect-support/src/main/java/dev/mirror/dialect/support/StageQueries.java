package dev.mirror.dialect.support;

import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.model.TableSchema;

/**
 * Standard-SQL pieces over a stage that a {@link StageSql} builds its statements from: the last change of each key and
 * the join of the mirror table ({@code T}) with it ({@code S}). Stateless.
 */
public final class StageQueries {
    private StageQueries() {
    }

    /**
     * Each key's last change, as a derived table aliased {@code S}: the staged rows with the highest sequence of their
     * key, further restricted by {@code and} (e.g. {@code " AND M_OP = 'D'"}, or empty).
     */
    public static String lastChanges(TableSchema schema, StagedChanges stage, String and) {
        StringBuilder groupBy = new StringBuilder();
        for (int k : schema.keyIndexes()) {
            groupBy.append(groupBy.length() == 0 ? "" : ", ").append(stage.columns().get(k));
        }
        return "(SELECT * FROM " + stage.table() + " WHERE " + stage.seq() + " IN (SELECT MAX(" + stage.seq() + ") FROM "
                + stage.table() + " GROUP BY " + groupBy + ")" + and + ") S";
    }

    /** {@code T."key1" = S.C1 AND ...}: the mirror table's key columns (quoted target names) against the stage's. */
    public static String keyMatch(DialectNames names, TableSchema schema, StagedChanges stage) {
        StringBuilder on = new StringBuilder();
        for (int k : schema.keyIndexes()) {
            on.append(on.length() == 0 ? "" : " AND ").append("T.")
                    .append(names.quote(names.targetName(schema.columns().get(k).name()))).append(" = S.")
                    .append(stage.columns().get(k));
        }
        return on.toString();
    }
}
