package dev.mirror.mariadb;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.dialect.BulkLoader;
import dev.mirror.api.dialect.ChangeApplier;
import dev.mirror.api.dialect.DialectCatalog;
import dev.mirror.api.dialect.DialectDdl;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.dialect.ErrorTranslator;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The MariaDB target dialect (tested against MariaDB 10.11; 10.10 or later is needed for the default collation and 10.7
 * for the {@code uuid} type). Tables live in the database the JDBC URL names; generated SQL carries no database prefix.
 *
 * <p>This class only wires one small class per concern, so that it maps onto the per-concern dialect SPI that replaces
 * {@link TargetDialect}: names ({@link MariaDbNames}), types ({@link MariaDbTypes}, {@link MariaDbDefaults}), DDL
 * ({@link MariaDbDdl}), catalog ({@link MariaDbCatalog}), bulk ({@link MariaDbBulkLoader}), changes
 * ({@link MariaDbChangeApplier}) and errors ({@link MariaDbErrors}). The type mapping and its losses are in
 * {@code docs/type-mapping-mariadb.md}.
 *
 * <p>MariaDB commits implicitly around every DDL statement, so {@link Capability#TRANSACTIONAL_DDL} is not claimed, and the
 * shadow swap is overridden ({@link #swapShadow}). {@link #listIndexes} does not include the primary key.
 *
 * <p>Thread-safe: the only mutable state is the set of long names already reported.
 */
public final class MariaDbDialect implements TargetDialect {
    /** Default size of one chunk of the LOAD DATA file, in bytes. */
    public static final int DEFAULT_CHUNK_BYTES = 256 * 1024;
    /** The default collation: case-insensitive and accent-sensitive, like SQL Server's default {@code *_CI_AS}. */
    public static final String DEFAULT_COLLATION = "utf8mb4_uca1400_as_ci";

    private final MariaDbNames names;
    private final MariaDbDdl ddl;
    private final MariaDbBulkLoader bulk;
    private final MariaDbChangeApplier changes;
    private final DialectTypes types;
    private final DialectCatalog catalog;
    private final ChangeApplier changeApplier;

    /** A dialect with the defaults: 256 KiB chunks, the default collation, binary values as raw bytes. */
    public MariaDbDialect() {
        this(DEFAULT_CHUNK_BYTES, DEFAULT_COLLATION, true, s -> { });
    }

    /**
     * @param chunkBytes how many bytes of LOAD DATA file are encoded before the driver sends them (≥ 1024)
     * @param collation  the default collation of the tables the mirror creates (a utf8mb4 collation name)
     * @param rawBinary  binary values as escaped raw bytes in a {@code CHARACTER SET binary} load (measured faster,
     *                   see docs/type-mapping-mariadb.md), rather than hex decoded by {@code UNHEX}
     * @param warnings   where name mappings are reported (once per name)
     */
    public MariaDbDialect(int chunkBytes, String collation, boolean rawBinary, Consumer<String> warnings) {
        if (chunkBytes < 1024) {
            throw new IllegalArgumentException("chunkBytes must be at least 1024, got " + chunkBytes);
        }
        requireNonNull(collation, "collation is null");
        if (!collation.matches("utf8mb4_[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("collation must be a utf8mb4 collation name such as " + DEFAULT_COLLATION
                    + ", got '" + collation + "'");
        }
        this.names = new MariaDbNames(requireNonNull(warnings, "warnings is null"));
        this.ddl = new MariaDbDdl(names, collation);
        this.bulk = new MariaDbBulkLoader(names, chunkBytes, rawBinary);
        this.changes = new MariaDbChangeApplier(names, bulk, ddl);
        this.types = new DialectTypes() {
            @Override
            public String columnType(SqlType type) {
                return MariaDbTypes.columnType(type);
            }

            @Override
            public Optional<String> defaultClause(Column column) {
                return ddl.defaultClause(column);
            }
        };
        this.catalog = new DialectCatalog() {
            @Override
            public Set<String> listTables(Connection connection) throws SQLException {
                return MariaDbCatalog.listTables(connection);
            }

            @Override
            public Optional<List<TargetColumn>> describeTable(Connection connection, String table) throws SQLException {
                return MariaDbCatalog.describeTable(connection, table);
            }

            @Override
            public Set<String> listIndexes(Connection connection, String table) throws SQLException {
                return MariaDbCatalog.listIndexes(connection, table);
            }
        };
        this.changeApplier = new ChangeApplier() {
            @Override
            public TableCounts applyChanges(Connection connection, String table, TableSchema schema,
                                            Iterator<RowChange> batch) throws SQLException {
                return changes.apply(connection, table, schema, batch);
            }

            @Override
            public TableCounts withStagedChanges(Connection connection, String table, TableSchema schema,
                                                 Iterator<RowChange> batch, StagedChanges.Work work) throws SQLException {
                return changes.stageFor(connection, table, schema, batch, work);
            }
        };
    }

    @Override
    public String name() {
        return MariaDbDialectProvider.NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.RENAME_TABLE, Capability.ALTER_COLUMN);
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
        return bulk::load;
    }

    @Override
    public ChangeApplier changes() {
        return changeApplier;
    }

    @Override
    public ErrorTranslator errors() {
        return MariaDbErrors::translate;
    }

    /**
     * One atomic {@code RENAME TABLE t TO tmp, shadow TO t, tmp TO shadow} (MariaDB renames the three at once, readers
     * see the old or the new table, never none), then core's metadata step in a new transaction that core commits; core
     * then drops {@code shadow}, which now holds the old contents. The rename commits on its own (implicitly, like all
     * DDL); core's transaction holds nothing before it. A crash between the rename and core's commit leaves the new
     * contents with the old metadata row and the old contents in the shadow: the next cycle drops the leftover shadow and
     * catches up from the old LSN (the apply is idempotent) or repopulates again (LSN -1, or an old schema hash). The
     * rename waits for the metadata locks of transactions still reading either table and blocks new readers meanwhile.
     */
    @Override
    public void swapShadow(Connection connection, String table, String shadow, SwapStep inSwap) throws SQLException {
        String tmp = names.targetName(table + "__mirror_old");
        try (Statement s = connection.createStatement()) {
            s.execute(ddl.dropTable(tmp));
            s.execute("RENAME TABLE " + names.quote(table) + " TO " + names.quote(tmp) + ", " + names.quote(shadow) + " TO " + names.quote(table)
                    + ", " + names.quote(tmp) + " TO " + names.quote(shadow));
        }
        inSwap.run(connection);
    }

    /**
     * Adds {@code STRICT_TRANS_TABLES} to the session's {@code sql_mode} (a value that does not fit its column must fail,
     * never be cut silently) and nothing else: isolation and time zone stay as the user configured them.
     */
    @Override
    public void prepareConnection(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_TRANS_TABLES')");
        }
    }
}
