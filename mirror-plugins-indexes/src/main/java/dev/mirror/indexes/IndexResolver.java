package dev.mirror.indexes;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.dialect.IndexDefinition.IndexColumn;
import dev.mirror.api.hook.TargetSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a declared index (source names) into the definition the target gets (target names), or says
 * why it cannot be built there. Target differences are answered by the dialect's capabilities and name
 * mapping, never by asking which target this is.
 */
final class IndexResolver {
    private IndexResolver() {
    }

    /** The outcome: either {@code index} (target names) or {@code problem}. */
    record Resolved(IndexDefinition index, String problem) {
        static Resolved ok(IndexDefinition index) {
            return new Resolved(index, null);
        }

        static Resolved refused(String problem) {
            return new Resolved(null, problem);
        }

        boolean failed() {
            return problem != null;
        }
    }

    /**
     * @param schema the table's source schema, or null when unknown (column names are then taken as written)
     */
    static Resolved resolve(IndexDefinition declared, TableSchema schema, TargetSession target) {
        if (!declared.include().isEmpty() && !target.capabilities().contains(Capability.INDEX_INCLUDE)) {
            return Resolved.refused("the target (dialect '" + target.dialectName() + "') cannot include non-key columns in an index"
                    + " (capability INDEX_INCLUDE); remove 'include' from this index, or make them key columns");
        }
        if (declared.filter() != null && !target.capabilities().contains(Capability.INDEX_FILTER)) {
            return Resolved.refused("the target (dialect '" + target.dialectName() + "') cannot filter an index"
                    + " (capability INDEX_FILTER); remove 'filter' from this index");
        }
        try {
            List<IndexColumn> keys = new ArrayList<>();
            for (IndexColumn c : declared.columns()) {
                Optional<String> name = column(c.name(), schema);
                if (name.isEmpty()) {
                    return Resolved.refused(unknownColumn(c.name(), schema));
                }
                keys.add(new IndexColumn(target.targetName(name.get()), c.descending()));
            }
            List<String> include = new ArrayList<>();
            for (String c : declared.include()) {
                Optional<String> name = column(c, schema);
                if (name.isEmpty()) {
                    return Resolved.refused(unknownColumn(c, schema) + " (in include)");
                }
                include.add(target.targetName(name.get()));
            }
            return Resolved.ok(new IndexDefinition(target.targetName(declared.name()), keys, declared.unique(), include,
                    declared.filter()));
        } catch (MirrorException e) {
            return Resolved.refused(e.getMessage());
        }
    }

    /** The column's spelling in the source schema (matched case-insensitively, as SQL Server does). */
    private static Optional<String> column(String declared, TableSchema schema) {
        if (schema == null) {
            return Optional.of(declared);
        }
        return schema.column(declared).map(Column::name);
    }

    private static String unknownColumn(String name, TableSchema schema) {
        return "column '" + name + "' is not a column of table '" + schema.name() + "' (its columns: "
                + String.join(", ", schema.columnNames()) + "); fix the index declaration";
    }
}
