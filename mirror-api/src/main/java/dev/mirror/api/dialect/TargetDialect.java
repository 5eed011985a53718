package dev.mirror.api.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * What one kind of target database needs to hold a mirror, split by concern: {@link #names()} (identifier mapping and
 * quoting), {@link #types()} (type mapping, defaults), {@link #ddl()}, {@link #catalog()} (introspection),
 * {@link #bulk()} (the bulk path), {@link #changes()} (the set-wise apply) and {@link #errors()} (error classification).
 * Each accessor returns the same object every time; a dialect implements each concern in a class of its own
 * ({@code mirror-dialect-support} has reusable pieces) instead of forwarding every method.
 *
 * <p>Core owns connections and transactions: every method that takes a {@link Connection} runs inside a transaction
 * core opened (auto-commit off) and must neither commit nor roll back nor close it (except {@link #swapShadow} where
 * documented). Methods that return SQL text only build it; core executes it. Tables live in the connection's default
 * schema: generated SQL never carries a schema prefix.
 *
 * <p>Instances are created once by their provider on the main thread and then used from several threads at once: they
 * and their parts must be stateless or thread-safe.
 */
public interface TargetDialect {
    /** The provider name, e.g. {@code h2}, {@code postgresql}, {@code sqlserver}. */
    String name();

    /** What this dialect supports beyond the minimum; core checks these before calling the optional operations. */
    Set<Capability> capabilities();

    /** Identifier mapping and quoting. Never null. */
    DialectNames names();

    /** Type mapping and default clauses. Never null. */
    DialectTypes types();

    /** DDL statements. Never null. */
    DialectDdl ddl();

    /** Tables, columns and indexes that exist. Never null. */
    DialectCatalog catalog();

    /** The bulk path of full loads. Never null. */
    BulkLoader bulk();

    /** The set-wise apply of change batches. Never null. */
    ChangeApplier changes();

    /** Driver failures as {@link dev.mirror.api.MirrorException}s. Never null. */
    ErrorTranslator errors();

    /**
     * Puts {@code shadow}, fully loaded, in the place of {@code table} (both target names; {@code table} exists), so
     * that readers see the old complete table until the swap commits and the new one at once after, and are blocked at
     * most for the swap itself, never for the load. Core calls it inside the transaction it opened for the swap (with
     * nothing else in it), and the swap must run {@code inSwap} (core's metadata write: the table's LSN, hash and state)
     * so that it becomes visible together with the new contents. Core commits afterwards, then drops {@code shadow} if
     * it still exists. The shadow may have other columns than the table (a recreate after an incompatible schema change).
     *
     * <p>The default drops {@code table} and renames the shadow ({@link DialectDdl#dropTable},
     * {@link DialectDdl#renameTable}), then runs {@code inSwap}: atomic where DDL is transactional
     * ({@link Capability#TRANSACTIONAL_DDL}). A dialect whose DDL commits on its own overrides this (and may commit),
     * and documents the lock it takes.
     */
    default void swapShadow(Connection connection, String table, String shadow, SwapStep inSwap) throws SQLException {
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute(ddl().dropTable(table));
            s.execute(ddl().renameTable(shadow, table));
        }
        inSwap.run(connection);
    }

    /** Core's part of a {@link #swapShadow}: runs on the swap's connection, inside its transaction. */
    @FunctionalInterface
    interface SwapStep {
        void run(Connection connection) throws SQLException;
    }

    /**
     * Called once on each new connection core opens, before use, on the opening thread (session settings). The default
     * does nothing.
     */
    default void prepareConnection(Connection connection) throws SQLException {
    }
}
