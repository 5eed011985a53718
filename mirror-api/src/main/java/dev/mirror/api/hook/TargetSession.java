package dev.mirror.api.hook;

import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.model.SqlType;
import java.util.List;
import java.util.Set;

/**
 * A hook's narrow handle on the target: its names and types, its indexes, and plain SQL. A hook never sees the dialect
 * itself (its bulk and apply paths belong to core). Each call runs and commits on its own (it is never part of core's
 * data transactions), on the calling thread. Failures throw {@link dev.mirror.api.MirrorException} (category TARGET for
 * the database, CONFIGURATION for an index the target cannot build).
 */
public interface TargetSession {
    /** The target dialect's name ({@code h2}, {@code postgresql}, ...), for messages. */
    String dialectName();

    /** What the target supports beyond the minimum (for example {@link Capability#INDEX_INCLUDE}). */
    Set<Capability> capabilities();

    /** The target name a source table, column or index has in the mirror (see {@code DialectNames#targetName}). */
    String targetName(String sourceName);

    /** A target name quoted for SQL; every name a hook puts into SQL goes through here. */
    String quote(String targetName);

    /** The target column type for a SQL Server type (for tables a hook creates itself). */
    String columnType(SqlType type);

    /** Executes one statement and commits it. */
    void execute(String sql);

    /**
     * Executes one statement with positional parameters ({@code ?}) and commits it; returns the update count. Use it
     * for values (never concatenate a value into SQL).
     */
    int execute(String sql, Object... parameters);

    /** Runs a query with positional parameters; each row as a list of values. */
    List<List<Object>> query(String sql, Object... parameters);

    /** The names of the indexes that exist on a mirror table (given by its source name). */
    Set<String> indexes(String sourceTable);

    /**
     * Creates an index on a mirror table (given by its source name) through the dialect. The index's column names must
     * already be target names ({@link #targetName}); the index name is used as given.
     */
    void createIndex(String sourceTable, IndexDefinition index);

    /**
     * Creates an index on a shadow table, given by the <em>target</em> name {@link LifecycleHook#onShadowLoaded} received,
     * so it is built before the swap; otherwise as {@link #createIndex}.
     */
    void createIndexOnShadow(String shadowTable, IndexDefinition index);

    /**
     * Renames an index of a mirror table (given by its source name); both index names are target names.
     *
     * @throws dev.mirror.api.MirrorException (INTERNAL, {@code UNSUPPORTED}) when the target cannot rename indexes
     */
    void renameIndex(String sourceTable, String from, String to);
}
