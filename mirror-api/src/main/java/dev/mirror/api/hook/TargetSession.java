package dev.mirror.api.hook;

import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.dialect.TargetDialect;
import java.util.List;
import java.util.Set;

/**
 * A hook's handle on the target: run SQL, look at indexes, quote names, all through the target's
 * dialect. Each call runs and commits on its own (it is never part of core's data transactions), on the
 * calling thread. Failures throw {@link dev.mirror.api.MirrorException} (category TARGET).
 */
public interface TargetSession {
    /** The target's dialect (quoting, type mapping, index DDL). */
    TargetDialect dialect();

    /** The target name a source table or column has in the mirror. */
    default String targetName(String sourceName) {
        return dialect().targetName(sourceName);
    }

    /** Executes one statement and commits it. */
    void execute(String sql);

    /**
     * Executes one statement with positional parameters ({@code ?}) and commits it; returns the update count. Use it
     * for values (never concatenate a value into SQL). The default supports statements without parameters only.
     */
    default int execute(String sql, Object... parameters) {
        if (parameters.length > 0) {
            throw new UnsupportedOperationException("this target session does not support statement parameters");
        }
        execute(sql);
        return 0;
    }

    /** Runs a query with positional parameters; each row as a list of values. */
    List<List<Object>> query(String sql, Object... parameters);

    /** The names of the indexes that exist on a mirror table (given by its source name). */
    Set<String> indexes(String sourceTable);

    /**
     * Creates an index on a mirror table (given by its source name) through the dialect. The index's column names must
     * already be target names ({@link #targetName}); the index name is used as given.
     */
    void createIndex(String sourceTable, IndexDefinition index);
}
