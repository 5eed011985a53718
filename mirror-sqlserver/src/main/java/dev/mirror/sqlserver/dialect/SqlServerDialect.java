package dev.mirror.sqlserver.dialect;

import static java.util.Objects.requireNonNull;

import dev.mirror.sqlserver.common.SqlServerNames;
import dev.mirror.api.dialect.BulkLoader;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.ChangeApplier;
import dev.mirror.api.dialect.DialectCatalog;
import dev.mirror.api.dialect.DialectDdl;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.dialect.ErrorTranslator;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.dialect.support.StagedApply;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL Server target: DDL in SQL Server's own types, {@code [bracket]} quoting ({@code "a]b"} for a name holding
 * {@code ]}; {@link SqlServerNames}), names over 128 code units mapped, bulk copy for full loads
 * and a staged, set-wise apply for incremental batches ({@link StagedApply} over {@link SqlServerStageSql}: the batch is
 * bulk-copied into a session temp table, then every mirror row whose key is in the batch is deleted and the last
 * non-delete change per key inserted, all in the caller's transaction). Stateless apart from its settings; thread-safe.
 *
 * <p>Requires SQL Server 2016 or later (or Azure SQL): it uses {@code DROP TABLE IF EXISTS}.
 */
public final class SqlServerDialect implements TargetDialect {
    /** SQL Server DDL is transactional, sp_rename works in a transaction, and indexes take INCLUDE and WHERE. */
    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.TRANSACTIONAL_DDL,
            Capability.RENAME_TABLE, Capability.ALTER_COLUMN, Capability.INDEX_INCLUDE, Capability.INDEX_FILTER));

    private final BulkSettings bulkSettings;
    private final DialectNames names = SqlServerNames.NAMES;
    private final DialectTypes types = new SqlServerColumnTypes();
    private final SqlServerDdl ddl = new SqlServerDdl(CAPABILITIES, names, types);
    private final DialectCatalog catalog = new SqlServerCatalog();
    private final BulkLoader bulk;
    private final ChangeApplier changes;
    private final ErrorTranslator errors = SqlServerErrors::translate;

    public SqlServerDialect(BulkSettings bulk) {
        this.bulkSettings = requireNonNull(bulk, "bulk is null");
        SqlServerBulkWriter writer = new SqlServerBulkWriter(bulk);
        this.bulk = new SqlServerBulkLoader(names, writer);
        SqlServerStageSql stage = new SqlServerStageSql(names, writer);
        this.changes = new StagedApply(stage, stage);
    }

    /** The bulk copy settings in use. */
    public BulkSettings bulkSettings() {
        return bulkSettings;
    }

    @Override
    public String name() {
        return SqlServerDialectProvider.NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /** Unchanged when it fits in 128 UTF-16 code units, else cut plus a hash ({@link SqlServerNames#targetName}). */
    @Override
    public DialectNames names() {
        return names;
    }

    @Override
    public DialectTypes types() {
        return types;
    }

    /** See {@link SqlServerDdl}; truncation is a DELETE (TRUNCATE needs ALTER permission, DELETE only DELETE). */
    @Override
    public DialectDdl ddl() {
        return ddl;
    }

    @Override
    public DialectCatalog catalog() {
        return catalog;
    }

    @Override
    public BulkLoader bulk() {
        return bulk;
    }

    @Override
    public ChangeApplier changes() {
        return changes;
    }

    @Override
    public ErrorTranslator errors() {
        return errors;
    }

    /**
     * {@code DROP TABLE IF EXISTS [table]}, then {@code EXEC sp_rename N'shadow', N'table', N'OBJECT'}, then
     * {@code inSwap}, all in the caller's transaction: SQL Server DDL is transactional, so readers see the old table
     * until core commits and the new one after. Neither statement is among those SQL Server refuses inside an
     * explicit transaction (ALTER DATABASE, BACKUP, CREATE DATABASE, ...; see
     * https://learn.microsoft.com/sql/t-sql/language-elements/transactions-transact-sql).
     *
     * <p>Locks: DROP TABLE and sp_rename each take a schema modification (Sch-M) lock on their table, held until the
     * transaction ends (https://learn.microsoft.com/sql/relational-databases/sql-server-transaction-locking-and-row-versioning-guide,
     * "Schema locks"). So the swap holds Sch-M on both the old table and the shadow from its first statement to
     * core's commit, which follows at once (the metadata write is the only other work). A reader under READ
     * COMMITTED (or any level) that touches the table waits for that short moment only, never for the load, which
     * happened on the shadow before; it then reads the new table by name.
     *
     * <p>No name collides: the shadow's PRIMARY KEY and DEFAULT constraints are unnamed, so SQL Server generated
     * schema-unique names for them ({@link SqlServerDdl}); they keep those names after the rename, which is harmless.
     */
    @Override
    public void swapShadow(Connection connection, String table, String shadow, SwapStep inSwap) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : swapStatements(table, shadow)) {
                s.execute(sql);
            }
        }
        inSwap.run(connection);
    }

    /** The statements of {@link #swapShadow}, in order. */
    List<String> swapStatements(String table, String shadow) {
        return List.of(ddl.dropTable(table), ddl.renameTable(shadow, table));
    }

    /** The session settings {@link #prepareConnection} runs. */
    static final String SESSION_SETTINGS = "SET XACT_ABORT ON; SET QUOTED_IDENTIFIER ON";

    /**
     * XACT_ABORT ON: any run-time error rolls the whole transaction back instead of leaving it open with
     * part of a batch applied (https://learn.microsoft.com/sql/t-sql/statements/set-xact-abort-transact-sql).
     * QUOTED_IDENTIFIER ON: names containing {@code ]} are delimited with double quotation marks
     * ({@link SqlServerNames#quote}), which needs it; it is the default of Microsoft's drivers, set here so that a
     * pool or a login trigger that turned it off cannot break the mirror
     * (https://learn.microsoft.com/sql/t-sql/statements/set-quoted-identifier-transact-sql).
     */
    @Override
    public void prepareConnection(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(SESSION_SETTINGS);
        }
    }
}
