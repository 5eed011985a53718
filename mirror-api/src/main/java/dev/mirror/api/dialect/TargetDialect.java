package dev.mirror.api.dialect;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one kind of target database needs to hold a mirror: identifier mapping and quoting, type
 * mapping, DDL, introspection, the bulk path, the set-wise apply and error classification.
 *
 * <p>Core owns connections and transactions: every method that takes a {@link Connection} runs inside a
 * transaction core opened (auto-commit off) and must neither commit nor roll back nor close it. Methods
 * that return SQL text only build it; core executes it. Tables live in the connection's default schema:
 * generated SQL never carries a schema prefix.
 *
 * <p>Table and column names passed in are <em>target</em> names (already mapped through
 * {@link #targetName}); they are untrusted and must always go through {@link #quote}. Instances are used
 * from several threads at once and must be stateless or thread-safe.
 */
public interface TargetDialect {
    /** The provider name, e.g. {@code h2}, {@code postgresql}, {@code sqlserver}. */
    String name();

    /** What this dialect supports beyond the minimum. */
    Set<Capability> capabilities();

    /**
     * Maps a source identifier to one the target can hold, deterministically (the same input always gives
     * the same output): unchanged when it fits, otherwise for example truncated plus a short hash.
     *
     * @throws MirrorException (CONFIGURATION category, code {@code IDENTIFIER_INVALID}) when no mapping
     *                         can make it valid (for example a NUL character); core fails that table only
     */
    String targetName(String sourceName);

    /** Quotes a target identifier for use in SQL ({@code [a]]b]}, {@code "a""b"}). */
    String quote(String targetName);

    /** The target column type for a SQL Server type, normalized as {@link #describeTable} reports it. */
    String columnType(SqlType type);

    /**
     * The default clause for a column ({@code DEFAULT 0}), or empty when the source default cannot be
     * expressed in the target (it is then left out and the column stays as the source defines it otherwise).
     */
    default Optional<String> defaultClause(Column column) {
        return Optional.empty();
    }

    /** Statements that create {@code table} with the schema's columns (target-mapped names) and primary key. */
    List<String> createTable(String table, TableSchema schema);

    /** The statement that drops {@code table} if it exists. */
    String dropTable(String table);

    /** The statement that renames a table ({@link Capability#RENAME_TABLE}). */
    default String renameTable(String from, String to) {
        throw new MirrorException("UNSUPPORTED", dev.mirror.api.ErrorCategory.INTERNAL,
                name() + " cannot rename tables");
    }

    /**
     * The statement that renames an index of {@code table} (target names). Core's repopulation builds a table's indexes on
     * its shadow under temporary names (index names are schema-wide on some targets) and renames them after the swap.
     */
    default String renameIndex(String table, String from, String to) {
        throw new MirrorException("UNSUPPORTED", dev.mirror.api.ErrorCategory.INTERNAL,
                name() + " cannot rename indexes");
    }

    /**
     * Puts {@code shadow}, fully loaded, in the place of {@code table} (both target names; {@code table} exists), so
     * that readers see the old complete table until the swap commits and the new one at once after, and are blocked at
     * most for the swap itself, never for the load. Core calls it inside the transaction it opened for the swap (with
     * nothing else in it), and the swap must run {@code inSwap} (core's metadata write: the table's LSN, hash and state)
     * so that it becomes visible together with the new contents. Core commits afterwards, then drops {@code shadow} if
     * it still exists. The shadow may have other columns than the table (a recreate after an incompatible schema change).
     *
     * <p>The default drops {@code table} and renames the shadow ({@link #dropTable}, {@link #renameTable}), then runs
     * {@code inSwap}: atomic where DDL is transactional ({@link Capability#TRANSACTIONAL_DDL}). A dialect whose DDL
     * commits on its own overrides this (and may commit), and documents the lock it takes.
     */
    default void swapShadow(Connection connection, String table, String shadow, SwapStep inSwap) throws SQLException {
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute(dropTable(table));
            s.execute(renameTable(shadow, table));
        }
        inSwap.run(connection);
    }

    /** Core's part of a {@link #swapShadow}: runs on the swap's connection, inside its transaction. */
    @FunctionalInterface
    interface SwapStep {
        void run(Connection connection) throws SQLException;
    }

    /** Statements that add a column (nullable, or with its default). */
    List<String> addColumn(String table, Column column);

    /** The statement that drops a column. */
    String dropColumn(String table, String column);

    /** Statements that widen or make nullable a column in place ({@link Capability#ALTER_COLUMN}). */
    List<String> alterColumn(String table, Column from, Column to);

    /** The statement that deletes every row of {@code table}. */
    default String truncateTable(String table) {
        return "DELETE FROM " + quote(table);
    }

    /** The names of all tables in the connection's default schema: one catalog query. */
    Set<String> listTables(Connection connection) throws SQLException;

    /** The columns of {@code table} as the target has them, in order; empty when the table does not exist. */
    Optional<List<TargetColumn>> describeTable(Connection connection, String table) throws SQLException;

    /**
     * Loads rows into {@code table} through the target's bulk path (COPY, bulk copy, batched inserts),
     * streaming: never more than a bounded number of rows in memory.
     *
     * @param schema the source schema; row values are positional against its columns, whose target names
     *               are {@code targetName(column.name())}
     * @return the number of rows loaded
     */
    long bulkLoad(Connection connection, String table, TableSchema schema, Iterator<Row> rows, BulkProgress progress)
            throws SQLException;

    /**
     * Applies a batch of changes set-wise and idempotently: stage the rows through the bulk path, then one
     * delete/insert or merge statement set per batch (never one statement per row). An insert of an
     * existing key updates it; a delete of a missing key does nothing. When a key appears several times in
     * the batch, the last change wins.
     *
     * @return the counts by operation as received
     */
    TableCounts applyChanges(Connection connection, String table, TableSchema schema, Iterator<RowChange> changes)
            throws SQLException;

    /**
     * Stages a batch of changes through the bulk path, exactly as {@link #applyChanges} does, and runs {@code work} over
     * the stage instead of the dialect's own delete/insert or merge: core uses it for the soft delete and history modes,
     * whose statements it writes once for every target. Core calls it inside the transaction it opened (auto-commit off);
     * the stage must stay within that transaction (a temporary table dropped afterwards, or dropped by a rollback), and
     * nothing may be committed. {@code work} runs once, after every change is staged, on the calling thread; it may
     * delete rows of the stage.
     *
     * <p>The stage has one column per column of {@code schema} (nullable: a delete carries only its key) plus the
     * change's position in the batch and its operation (see {@link StagedChanges}). The rows of {@code schema} need not
     * match the columns of {@code table}; {@code table} is named only for dialects that derive the stage from it, and the
     * columns of {@code schema} always exist in it.
     *
     * <p>The default refuses: a dialect that cannot stage for core does not support the soft delete and history modes,
     * and core reports that as a configuration problem of the tables that ask for them.
     *
     * @return the counts by operation as received
     */
    default TableCounts withStagedChanges(Connection connection, String table, TableSchema schema,
                                          Iterator<RowChange> changes, StagedChanges.Work work) throws SQLException {
        throw new MirrorException("UNSUPPORTED", dev.mirror.api.ErrorCategory.CONFIGURATION,
                "the " + name() + " target does not support the softDelete and history modes (it cannot stage changes for core)");
    }

    /**
     * Turns a driver failure into a {@link MirrorException} with category TARGET, marking deadlocks, lock
     * timeouts and lost connections retryable; {@code what} says what was being done.
     */
    MirrorException translate(SQLException e, String what);

    /**
     * The statement that creates an index on {@code table}. Column names are target names (already mapped through
     * {@link #targetName}); the index name is used as given (quoted).
     *
     * @throws MirrorException (CONFIGURATION, code {@code INDEX_UNSUPPORTED}) when the index has included columns or a
     *                         filter and the dialect lacks {@link Capability#INDEX_INCLUDE} / {@link Capability#INDEX_FILTER}
     */
    default String createIndex(String table, IndexDefinition index) {
        if (!index.include().isEmpty() && !capabilities().contains(Capability.INDEX_INCLUDE)) {
            throw MirrorException.configuration("INDEX_UNSUPPORTED", "index " + index.name() + ": the " + name()
                    + " target does not support included columns; remove 'include'");
        }
        if (index.filter() != null && !capabilities().contains(Capability.INDEX_FILTER)) {
            throw MirrorException.configuration("INDEX_UNSUPPORTED", "index " + index.name() + ": the " + name()
                    + " target does not support filtered indexes; remove 'filter'");
        }
        StringBuilder b = new StringBuilder("CREATE ").append(index.unique() ? "UNIQUE " : "").append("INDEX ")
                .append(quote(index.name())).append(" ON ").append(quote(table)).append(" (");
        for (int i = 0; i < index.columns().size(); i++) {
            IndexDefinition.IndexColumn c = index.columns().get(i);
            b.append(i == 0 ? "" : ", ").append(quote(c.name())).append(c.descending() ? " DESC" : " ASC");
        }
        return b.append(')').toString();
    }

    /** The names of the indexes on {@code table} (primary key included or not, as the dialect documents). */
    Set<String> listIndexes(Connection connection, String table) throws SQLException;

    /** Called once on each new connection before use (session settings). */
    default void prepareConnection(Connection connection) throws SQLException {
    }
}
