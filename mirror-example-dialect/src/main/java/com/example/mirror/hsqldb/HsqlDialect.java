package com.example.mirror.hsqldb;

import dev.mirror.api.dialect.BulkLoader;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.ChangeApplier;
import dev.mirror.api.dialect.DialectCatalog;
import dev.mirror.api.dialect.DialectDdl;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.dialect.ErrorTranslator;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.model.Row;
import dev.mirror.dialect.support.BatchInsertBulkLoader;
import dev.mirror.dialect.support.ChunkLimit;
import dev.mirror.dialect.support.StagedApply;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The HSQLDB (HyperSQL 2.7) target, wired from one small class per concern: {@link HsqlNames}, {@link HsqlColumnTypes},
 * {@link HsqlDdl}, {@link HsqlCatalog}, dialect-support's {@link BatchInsertBulkLoader} with {@link HsqlBinder}, the
 * staged apply ({@link StagedApply} over {@link HsqlStageSql}) and {@link HsqlErrors}. Stateless and thread-safe.
 *
 * <p>HSQLDB commits the open transaction before and after every DDL statement except {@code DECLARE LOCAL TEMPORARY
 * TABLE} (https://hsqldb.org/doc/2.0/guide/sessions-chapt.html#snc_tx_tx_cc), so this dialect does not claim
 * {@link Capability#TRANSACTIONAL_DDL}; row changes (bulk load, apply, truncate through DELETE) are transactional.
 *
 * <p>HSQLDB keeps a transaction's uncommitted rows in memory until the commit, even for CACHED tables: this dialect
 * streams (bounded JDBC batches, a bounded stage), but one transaction (a full load of a table, one change batch) must
 * fit in the heap of the process that runs HSQLDB.
 */
public final class HsqlDialect implements TargetDialect {
    static final int DEFAULT_BATCH_ROWS = 1_000;
    private static final long STAGE_ROWS = 10_000;
    private static final long STAGE_BYTES = 8L << 20;
    private static final Set<Capability> CAPABILITIES = Set.of(Capability.RENAME_TABLE, Capability.ALTER_COLUMN);

    private final DialectNames names = HsqlNames.create();
    private final DialectTypes types = new HsqlColumnTypes();
    private final DialectDdl ddl = new HsqlDdl(CAPABILITIES, names, types);
    private final HsqlCatalog catalog = new HsqlCatalog();
    private final BulkLoader bulk;
    private final ChangeApplier changes;
    private final ErrorTranslator errors = HsqlErrors::translate;

    /** A dialect inserting {@value #DEFAULT_BATCH_ROWS} rows per JDBC batch. */
    public HsqlDialect() {
        this(DEFAULT_BATCH_ROWS);
    }

    HsqlDialect(int batchRows) {
        this.bulk = new BatchInsertBulkLoader(names, HsqlBinder.INSTANCE, batchRows, Long.MAX_VALUE);
        HsqlStageSql stage = new HsqlStageSql(names, batchRows);
        // The stage is a session table held in memory: applied and emptied every STAGE_ROWS changes or STAGE_BYTES.
        this.changes = new StagedApply(stage, stage, new ChunkLimit(STAGE_ROWS, STAGE_BYTES, HsqlDialect::weight));
    }

    @Override
    public String name() {
        return "hsqldb";
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public DialectNames names() {
        return names;
    }

    @Override
    public DialectTypes types() {
        return types;
    }

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
     * HSQLDB commits every DDL statement, so a DROP and a RENAME cannot be one transaction. When the shadow has the
     * table's columns (every repopulation but a recreate) the swap is pure data, inside the swap's transaction: the
     * table's rows are replaced by the shadow's ({@code DELETE}, {@code INSERT ... SELECT}) and commit together with
     * core's metadata. Readers see the old rows until the commit (MVCC, {@code hsqldb.tx=mvcc}) or wait for it (the
     * default LOCKS mode). After a recreate (other columns) the swap needs DDL: DROP, then RENAME, each committed on its
     * own, then core's metadata; between the DROP and the RENAME a reader finds no table. HSQLDB has no exclusive mode
     * to close that gap: this is the documented cost of a recreate on this target (docs/atomic-repopulation.md).
     */
    @Override
    public void swapShadow(Connection connection, String table, String shadow, SwapStep inSwap) throws SQLException {
        try (Statement s = connection.createStatement()) {
            if (sameColumns(connection, table, shadow)) {
                s.execute("DELETE FROM " + names.quote(table));
                s.execute("INSERT INTO " + names.quote(table) + " SELECT * FROM " + names.quote(shadow));
            } else {
                s.execute(ddl.dropTable(table));
                s.execute(ddl.renameTable(shadow, table));
            }
        }
        inSwap.run(connection); // core commits; core then drops the shadow when it still exists
    }

    /** A rough in-memory size of a staged row, to bound the stage. */
    private static long weight(Row row) {
        long bytes = 0;
        for (int i = 0; i < row.size(); i++) {
            Object v = row.get(i);
            bytes += v instanceof String s ? 40L + 2L * s.length() : v instanceof byte[] b ? 24L + b.length : 24L;
        }
        return bytes;
    }

    /** Same columns (names, types, nullability, order) and the same primary key: the rows can be copied as they are. */
    private boolean sameColumns(Connection c, String table, String shadow) throws SQLException {
        Optional<List<TargetColumn>> live = catalog.describeTable(c, table);
        return live.isPresent() && live.equals(catalog.describeTable(c, shadow))
                && HsqlCatalog.primaryKey(c, table).equals(HsqlCatalog.primaryKey(c, shadow));
    }
}
