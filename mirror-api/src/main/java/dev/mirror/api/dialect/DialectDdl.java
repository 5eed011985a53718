package dev.mirror.api.dialect;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.TableSchema;
import java.util.List;

/**
 * The DDL a target needs to hold a mirror. Every method only builds SQL text; core executes it, inside the transaction
 * it opened, on a thread of its own (stateless or thread-safe). Table and column names passed in are <em>target</em>
 * names (already mapped through {@link DialectNames#targetName}); they are untrusted and must be quoted. Tables live in
 * the connection's default schema: no schema prefix. Obtained through {@link TargetDialect#ddl()};
 * {@code mirror-dialect-support} has a standard implementation to extend.
 */
public interface DialectDdl {
    /** Statements that create {@code table} with the schema's columns (target-mapped names) and primary key. */
    List<String> createTable(String table, TableSchema schema);

    /** The statement that drops {@code table} if it exists. */
    String dropTable(String table);

    /**
     * The statement that renames a table ({@link Capability#RENAME_TABLE}).
     *
     * @throws dev.mirror.api.MirrorException (INTERNAL, {@code UNSUPPORTED}) when the dialect lacks the capability
     */
    String renameTable(String from, String to);

    /**
     * The statement that renames an index of {@code table} (target names). Core's repopulation builds a table's indexes
     * on its shadow under temporary names (index names are schema-wide on some targets) and renames them after the swap.
     *
     * @throws dev.mirror.api.MirrorException (INTERNAL, {@code UNSUPPORTED}) when the dialect lacks {@link Capability#RENAME_TABLE}
     */
    String renameIndex(String table, String from, String to);

    /** Statements that add a column (nullable, or with its default). */
    List<String> addColumn(String table, Column column);

    /** The statement that drops a column ({@code column} is a target name). */
    String dropColumn(String table, String column);

    /** Statements that widen or make nullable a column in place ({@link Capability#ALTER_COLUMN}); empty when nothing differs. */
    List<String> alterColumn(String table, Column from, Column to);

    /** The statement that deletes every row of {@code table}, inside core's transaction. */
    String truncateTable(String table);

    /**
     * The statement that creates an index on {@code table}. Column names are target names; the index name is used as
     * given (quoted). Called by core's repopulation and by hooks (through their session).
     *
     * @throws dev.mirror.api.MirrorException (CONFIGURATION, code {@code INDEX_UNSUPPORTED} or a more specific one) when
     *                                        the index has included columns or a filter and the dialect lacks
     *                                        {@link Capability#INDEX_INCLUDE} / {@link Capability#INDEX_FILTER}
     */
    String createIndex(String table, IndexDefinition index);
}
