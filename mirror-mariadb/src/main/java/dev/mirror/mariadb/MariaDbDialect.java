package dev.mirror.mariadb;

import static java.util.Objects.requireNonNull;

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
import java.util.Set;
import java.util.function.Consumer;

/**
 * The MariaDB target dialect (tested against MariaDB 10.11; 10.10 or later is needed for the default collation and 10.7
 * for the {@code uuid} type). Tables live in the database the JDBC URL names; generated SQL carries no database prefix.
 *
 * <p>This class only wires one small class per concern: names ({@link MariaDbNames} over mirror-dialect-support's
 * {@code HashedNames}), types ({@link MariaDbColumnTypes}: {@link MariaDbTypes}, {@link MariaDbDefaults}), DDL
 * ({@link MariaDbDdl} over {@code StandardDdl}), catalog ({@link MariaDbCatalog}), bulk ({@link MariaDbBulkLoader}),
 * changes ({@link StagedApply} over {@link MariaDbStageSql} and {@link MariaDbStageWriter}) and errors
 * ({@link MariaDbErrors}). The type mapping and its losses are in {@code docs/type-mapping-mariadb.md}.
 *
 * <p>MariaDB commits implicitly around every DDL statement, so {@link Capability#TRANSACTIONAL_DDL} is not claimed, and the
 * shadow swap is overridden ({@link #swapShadow}). The catalog's index list does not include the primary key.
 *
 * <p>Thread-safe: the only mutable state is the set of long names already reported.
 */
public final class MariaDbDialect implements TargetDialect {
    /** Default size of one chunk of the LOAD DATA file, in bytes. */
    public static final int DEFAULT_CHUNK_BYTES = 256 * 1024;
    /** The default collation: case-insensitive and accent-sensitive, like SQL Server's default {@code *_CI_AS}. */
    public static final String DEFAULT_COLLATION = "utf8mb4_uca1400_as_ci";

    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.RENAME_TABLE, Capability.ALTER_COLUMN));

    private final DialectNames names;
    private final DialectTypes types = new MariaDbColumnTypes();
    private final MariaDbDdl ddl;
    private final DialectCatalog catalog = new MariaDbCatalog();
    private final MariaDbBulkLoader bulk;
    private final ChangeApplier changes;
    private final ErrorTranslator errors = MariaDbErrors::translate;

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
        this.names = MariaDbNames.create(requireNonNull(warnings, "warnings is null"));
        this.ddl = new MariaDbDdl(CAPABILITIES, names, types, collation);
        this.bulk = new MariaDbBulkLoader(names, chunkBytes, rawBinary);
        MariaDbStageSql stage = new MariaDbStageSql(names, types, ddl);
        this.changes = new StagedApply(stage, new MariaDbStageWriter(bulk, stage));
    }

    @Override
    public String name() {
        return MariaDbDialectProvider.NAME;
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
