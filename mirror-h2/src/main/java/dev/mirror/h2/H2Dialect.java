package dev.mirror.h2;

import static java.util.Objects.requireNonNull;

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
import dev.mirror.dialect.support.BatchInsertBulkLoader;
import dev.mirror.dialect.support.ChunkLimit;
import dev.mirror.dialect.support.StagedApply;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 (2.x) target. Stateless and thread-safe. Type mapping, defaults and identifiers are
 * documented in mirror-h2/README.md. Each concern is a class of its own: {@link H2Names}, {@link H2ColumnTypes},
 * {@link H2Ddl}, {@link H2Catalog}, {@link H2BulkLoader}, the staged apply ({@link StagedApply} over {@link H2StageSql})
 * and {@link H2Errors}.
 *
 * <p>H2 commits the open transaction on every DDL statement except {@code CREATE LOCAL TEMPORARY TABLE …
 * TRANSACTIONAL} (https://h2database.com/html/commands.html), so this dialect does not claim
 * {@link Capability#TRANSACTIONAL_DDL}; row changes (bulk load, apply, truncate through DELETE) are transactional.
 */
public final class H2Dialect implements TargetDialect {
    private static final Logger LOG = LoggerFactory.getLogger(H2Dialect.class);
    /** Only so the exclusive-mode warning is logged once per dialect instance; a lost update just logs it twice. */
    private volatile boolean exclusiveRefusedLogged;
    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.RENAME_TABLE, Capability.ALTER_COLUMN));

    private final int lockTimeoutMillis;
    private final DialectNames names = H2Names.create();
    private final DialectTypes types = new H2ColumnTypes();
    private final H2Ddl ddl = new H2Ddl(CAPABILITIES, names, types);
    private final H2Catalog catalog = new H2Catalog();
    private final BulkLoader bulk;
    private final ChangeApplier changes;
    private final ErrorTranslator errors = H2Errors::translate;

    /** A dialect with the default batch sizes and a 10 s lock timeout. */
    public H2Dialect() {
        this(H2Limits.DEFAULTS, 10_000);
    }

    H2Dialect(H2Limits limits, int lockTimeoutMillis) {
        requireNonNull(limits, "limits is null");
        this.lockTimeoutMillis = lockTimeoutMillis;
        this.bulk = new BatchInsertBulkLoader(names, H2Binder.BINDER, limits.batchRows(), limits.batchBytes());
        H2StageSql stage = new H2StageSql(names, limits);
        this.changes = new StagedApply(stage, stage, new ChunkLimit(limits.stageRows(), limits.stageBytes(), row -> {
            long bytes = 0;
            for (int i = 0; i < row.size(); i++) {
                bytes += H2Binder.size(row.get(i));
            }
            return bytes;
        }));
    }

    @Override
    public String name() {
        return "h2";
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
     * H2 commits every DDL statement at once (no transactional DDL), so a DROP and a RENAME cannot be one transaction.
     * When the shadow has the table's columns (every repopulation but a recreate) the swap is pure data, inside the LSN's
     * transaction: the table's rows are replaced by the shadow's ({@code DELETE}, {@code INSERT ... SELECT}); H2's MVCC
     * shows readers the old rows until the commit and the new ones after, without blocking them (writers of the table
     * wait on its row locks). After a recreate (other columns) the swap needs DDL: it runs in H2's exclusive mode
     * ({@code SET EXCLUSIVE 1}, H2 reference "SET EXCLUSIVE"), in which statements of other sessions wait until it ends;
     * the instant lasts two catalog changes and one metadata update, and a connection opened, or a statement parsed,
     * exactly then can fail with "table not found". Without admin rights the DDL swap runs without exclusive mode.
     */
    @Override
    public void swapShadow(Connection connection, String table, String shadow, SwapStep inSwap) throws SQLException {
        if (sameColumns(connection, table, shadow)) {
            try (Statement s = connection.createStatement()) {
                s.execute("DELETE FROM " + names.quote(table));
                s.execute("INSERT INTO " + names.quote(table) + " SELECT * FROM " + names.quote(shadow));
            }
            inSwap.run(connection); // core commits; core then drops the shadow
            return;
        }
        try (Statement s = connection.createStatement()) {
            boolean exclusive = exclusive(s);
            try {
                // One round trip for both, so the instant without the table is as short as H2 can make it.
                s.execute(ddl.dropTable(table) + "; " + ddl.renameTable(shadow, table));
                inSwap.run(connection);
                connection.commit();
            } finally {
                if (exclusive) {
                    s.execute("SET EXCLUSIVE 0");
                }
            }
        }
    }

    /** Same columns (names, types, nullability, order) and the same primary key: the rows can be copied as they are. */
    private boolean sameColumns(Connection c, String table, String shadow) throws SQLException {
        Optional<List<TargetColumn>> live = catalog.describeTable(c, table);
        return live.isPresent() && live.equals(catalog.describeTable(c, shadow)) && H2Catalog.primaryKey(c, table).equals(H2Catalog.primaryKey(c, shadow));
    }

    private boolean exclusive(Statement s) {
        try {
            s.execute("SET EXCLUSIVE 1");
            return true;
        } catch (SQLException e) {
            if (!exclusiveRefusedLogged) {
                exclusiveRefusedLogged = true;
                LOG.warn("H2 refused exclusive mode for the shadow swap ({}): swapping without it; a reader may find a "
                        + "repopulated table missing for an instant. Connect as an admin user to avoid it.", e.getMessage());
            }
            return false;
        }
    }

    /** Waits this long for row and table locks before failing with a retryable lock timeout. */
    @Override
    public void prepareConnection(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCK_TIMEOUT " + lockTimeoutMillis);
        }
    }
}
