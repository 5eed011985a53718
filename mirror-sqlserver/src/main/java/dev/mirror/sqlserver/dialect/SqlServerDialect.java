package dev.mirror.sqlserver.dialect;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.dialect.BulkProgress;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.MirrorException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL Server target: DDL in SQL Server's own types, {@code [bracket]} quoting ({@code "a]b"} for a name holding
 * {@code ]}; {@link SqlServerNames}), names over 128 code units mapped, bulk copy for full loads
 * and a staged, set-wise apply for incremental batches. Stateless apart from its settings; thread-safe.
 *
 * <p>Requires SQL Server 2016 or later (or Azure SQL): it uses {@code DROP TABLE IF EXISTS}.
 */
public final class SqlServerDialect implements TargetDialect {
    private final BulkSettings bulk;
    private final SqlServerDdl ddl = new SqlServerDdl(this::targetName);
    private final StagingSql staging = new StagingSql(this::targetName);
    private final SqlServerBulkWriter writer;

    public SqlServerDialect(BulkSettings bulk) {
        this.bulk = requireNonNull(bulk, "bulk is null");
        this.writer = new SqlServerBulkWriter(bulk);
    }

    /** The bulk copy settings in use. */
    public BulkSettings bulkSettings() {
        return bulk;
    }

    @Override
    public String name() {
        return SqlServerDialectProvider.NAME;
    }

    /** SQL Server DDL is transactional, sp_rename works in a transaction, and indexes take INCLUDE and WHERE. */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TRANSACTIONAL_DDL, Capability.RENAME_TABLE, Capability.ALTER_COLUMN,
                Capability.INDEX_INCLUDE, Capability.INDEX_FILTER);
    }

    /** Unchanged when it fits in 128 UTF-16 code units, else cut plus a hash ({@link SqlServerNames#targetName}). */
    @Override
    public String targetName(String sourceName) {
        return SqlServerNames.targetName(sourceName);
    }

    @Override
    public String quote(String targetName) {
        return SqlServerNames.quote(targetName);
    }

    @Override
    public String columnType(SqlType type) {
        return SqlServerTypes.ddlType(type);
    }

    @Override
    public Optional<String> defaultClause(Column column) {
        return ddl.defaultClause(column);
    }

    @Override
    public List<String> createTable(String table, TableSchema schema) {
        return ddl.createTable(table, schema);
    }

    @Override
    public String dropTable(String table) {
        return ddl.dropTable(table);
    }

    @Override
    public String renameTable(String from, String to) {
        return ddl.renameTable(from, to);
    }

    @Override
    public String renameIndex(String table, String from, String to) {
        return ddl.renameIndex(table, from, to);
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
        return List.of(dropTable(table), renameTable(shadow, table));
    }

    @Override
    public List<String> addColumn(String table, Column column) {
        return ddl.addColumn(table, column);
    }

    @Override
    public String dropColumn(String table, String column) {
        return ddl.dropColumn(table, column);
    }

    @Override
    public List<String> alterColumn(String table, Column from, Column to) {
        return ddl.alterColumn(table, from, to);
    }

    /**
     * DELETE rather than TRUNCATE: TRUNCATE needs ALTER permission on the table, DELETE only DELETE, and the
     * mirror's login should need no more than it must.
     */
    @Override
    public String truncateTable(String table) {
        return "DELETE FROM " + quote(table);
    }

    @Override
    public Set<String> listTables(Connection connection) throws SQLException {
        return SqlServerCatalog.listTables(connection);
    }

    @Override
    public Optional<List<TargetColumn>> describeTable(Connection connection, String table) throws SQLException {
        return SqlServerCatalog.describeTable(connection, table);
    }

    /** Bulk copy with TABLOCK into the table (core loads an empty or shadow table). */
    @Override
    public long bulkLoad(Connection connection, String table, TableSchema schema, Iterator<Row> rows, BulkProgress progress)
            throws SQLException {
        RowBulkRecord data = RowBulkRecord.forRows(schema, rows, progress);
        // the driver puts the destination into OBJECT_ID('...') too: the bracket form (SqlServerNames#bracketed)
        long n = writer.write(connection, SqlServerNames.bracketed(table), targetColumns(schema), data, true);
        progress.rows(n);
        return n;
    }

    /**
     * Stages the batch in a session temp table with bulk copy, then deletes every mirror row whose key is in
     * the batch and inserts the last non-delete change per key, all in the caller's transaction (so the
     * batch and the LSN core writes next commit together). The stage is dropped at the end; a rollback drops
     * it too, because it was created in the same transaction.
     */
    @Override
    public TableCounts applyChanges(Connection connection, String table, TableSchema schema, Iterator<RowChange> changes)
            throws SQLException {
        long[] counts = new long[3];
        RowBulkRecord data = RowBulkRecord.forStage(schema, changes, ch -> counts[ch.operation().ordinal()]++);
        try (Statement s = connection.createStatement()) {
            s.execute(staging.dropStage(table));
            s.execute(staging.createStage(table, schema));
            List<String> stageColumns = new ArrayList<>();
            stageColumns.add("seq");
            stageColumns.add("op");
            for (int i = 0; i < schema.columnCount(); i++) {
                stageColumns.add(StagingSql.stageColumn(i));
            }
            long staged = writer.write(connection, StagingSql.bulkDestination(table), stageColumns, data, false);
            if (staged > 0) {
                s.executeUpdate(staging.deleteMatching(table, schema));
                s.executeUpdate(staging.insertLatest(table, schema));
            }
            s.execute(staging.dropStage(table));
        }
        return new TableCounts(counts[0], counts[1], counts[2]);
    }

    /**
     * Stages the batch exactly as {@link #applyChanges} does (session temp table, bulk copy, in the caller's transaction)
     * and runs core's statements over it instead of the delete and insert; the stage is dropped at the end.
     */
    @Override
    public TableCounts withStagedChanges(Connection connection, String table, TableSchema schema,
                                         Iterator<RowChange> changes, dev.mirror.api.dialect.StagedChanges.Work work)
            throws SQLException {
        long[] counts = new long[3];
        RowBulkRecord data = RowBulkRecord.forStage(schema, changes, ch -> counts[ch.operation().ordinal()]++);
        try (Statement s = connection.createStatement()) {
            s.execute(staging.dropStage(table));
            s.execute(staging.createStage(table, schema));
            List<String> stageColumns = new ArrayList<>();
            stageColumns.add("seq");
            stageColumns.add("op");
            List<String> refs = new ArrayList<>();
            for (int i = 0; i < schema.columnCount(); i++) {
                stageColumns.add(StagingSql.stageColumn(i));
                refs.add("[" + StagingSql.stageColumn(i) + "]");
            }
            long staged = writer.write(connection, StagingSql.bulkDestination(table), stageColumns, data, false);
            if (staged > 0) {
                work.run(connection, new dev.mirror.api.dialect.StagedChanges(StagingSql.stageName(table), refs, "[seq]", "[op]"));
            }
            s.execute(staging.dropStage(table));
        }
        return new TableCounts(counts[0], counts[1], counts[2]);
    }

    @Override
    public MirrorException translate(SQLException e, String what) {
        return SqlServerErrors.translate(e, what);
    }

    @Override
    public String createIndex(String table, IndexDefinition index) {
        return ddl.createIndex(table, index);
    }

    /** Named indexes of the table; the primary key is not listed (its name is generated by SQL Server). */
    @Override
    public Set<String> listIndexes(Connection connection, String table) throws SQLException {
        return SqlServerCatalog.listIndexes(connection, table);
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

    private List<String> targetColumns(TableSchema schema) {
        List<String> r = new ArrayList<>(schema.columnCount());
        for (Column c : schema.columns()) {
            r.add(targetName(c.name()));
        }
        return r;
    }
}
