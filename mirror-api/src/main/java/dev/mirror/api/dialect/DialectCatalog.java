package dev.mirror.api.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What exists in the target: tables, their columns and indexes, in the connection's default schema. Obtained through
 * {@link TargetDialect#catalog()}. Core calls it on its own connections, inside a transaction it opened (do not commit,
 * roll back or close), from several threads at once. Driver failures are thrown as they are; core translates them.
 */
public interface DialectCatalog {
    /** The names of all tables in the connection's default schema: one catalog query. */
    Set<String> listTables(Connection connection) throws SQLException;

    /**
     * The columns of {@code table} (a target name) as the target has them, in order, types normalized as
     * {@link DialectTypes#columnType} spells them; empty when the table does not exist.
     */
    Optional<List<TargetColumn>> describeTable(Connection connection, String table) throws SQLException;

    /** The names of the indexes on {@code table} (primary key included or not, as the dialect documents). */
    Set<String> listIndexes(Connection connection, String table) throws SQLException;
}
