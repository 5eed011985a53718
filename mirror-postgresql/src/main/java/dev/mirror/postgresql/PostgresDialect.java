package dev.mirror.postgresql;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL target dialect (tested against PostgreSQL 15). Tables live in the connection's current
 * schema ({@code currentSchema} URL parameter); generated SQL carries no schema prefix.
 *
 * <h2>Type mapping (also in {@code docs/type-mapping-postgresql.md})</h2>
 * <table>
 * <caption>SQL Server → PostgreSQL</caption>
 * <tr><th>SQL Server</th><th>PostgreSQL</th><th>What is lost</th></tr>
 * <tr><td>nvarchar(n), varchar(n)</td><td>varchar(n)</td><td>nothing (n counts characters in PostgreSQL)</td></tr>
 * <tr><td>nvarchar(max), varchar(max), ntext, text</td><td>text</td><td>nothing</td></tr>
 * <tr><td>nchar(n), char(n)</td><td>char(n)</td><td>values read back padded with spaces as in SQL Server, but
 *     PostgreSQL ignores trailing spaces of char(n) in comparisons, {@code length()} and casts to text</td></tr>
 * <tr><td>datetime</td><td>timestamp(3)</td><td>nothing (1/300 s ticks as milliseconds, as the driver reads them)</td></tr>
 * <tr><td>smalldatetime</td><td>timestamp(0)</td><td>nothing</td></tr>
 * <tr><td>datetime2(n)</td><td>timestamp(min(n,6))</td><td>n = 7: the 7th fractional digit (100 ns) is
 *     <b>truncated</b>, never rounded</td></tr>
 * <tr><td>datetimeoffset(n)</td><td>timestamptz(min(n,6))</td><td>the instant is kept, the original offset is not
 *     (read back in the session time zone; the mirror writes it as UTC); 7th digit truncated</td></tr>
 * <tr><td>date</td><td>date</td><td>nothing</td></tr>
 * <tr><td>time(n)</td><td>time(min(n,6))</td><td>n = 7: the 7th digit truncated</td></tr>
 * <tr><td>bit</td><td>boolean</td><td>nothing</td></tr>
 * <tr><td>uniqueidentifier</td><td>uuid</td><td>nothing (SQL Server's byte order for sorting differs)</td></tr>
 * <tr><td>float</td><td>double precision</td><td>nothing</td></tr>
 * <tr><td>real</td><td>real</td><td>nothing</td></tr>
 * <tr><td>decimal(p,s), numeric(p,s)</td><td>numeric(p,s)</td><td>nothing</td></tr>
 * <tr><td>money</td><td>numeric(19,4)</td><td>nothing</td></tr>
 * <tr><td>smallmoney</td><td>numeric(10,4)</td><td>nothing</td></tr>
 * <tr><td>tinyint, smallint</td><td>smallint</td><td>nothing (tinyint's 0..255 fits)</td></tr>
 * <tr><td>int</td><td>integer</td><td>nothing</td></tr>
 * <tr><td>bigint</td><td>bigint</td><td>nothing</td></tr>
 * <tr><td>varbinary(n), binary(n), image</td><td>bytea</td><td>the declared length (bytea is unbounded)</td></tr>
 * </table>
 * A string containing a NUL character cannot be stored (PostgreSQL text never holds U+0000): such a row is
 * rejected with a {@link MirrorException} naming the table and column.
 *
 * <p>Identifiers are double-quoted with {@code "} doubled; names over 63 UTF-8 bytes are mapped, see
 * {@link PostgresNames}. The catalog's index list does not include the primary key's index.
 *
 * <p>Each concern is a class of its own: {@link PostgresNames}, {@link PostgresColumnTypes}, {@link PostgresDdl},
 * {@link PostgresCatalog}, {@link PostgresBulkLoader}, the staged apply ({@link StagedApply} over
 * {@link PostgresStageSql}) and {@link PostgresErrors}.
 *
 * <p>Thread-safe: the only state is the set of long names already reported.
 */
public final class PostgresDialect implements TargetDialect {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDialect.class);
    /** Default size of one COPY chunk, in characters. */
    public static final int DEFAULT_COPY_CHUNK_CHARS = 256 * 1024;
    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.TRANSACTIONAL_DDL,
            Capability.RENAME_TABLE, Capability.ALTER_COLUMN, Capability.INDEX_INCLUDE, Capability.INDEX_FILTER));

    private final String applicationName;
    private volatile String applyWorkMem;
    private volatile boolean applyMerge;
    private volatile int fillFactor = 100;
    private volatile String tempBuffers;
    private volatile CopyFormat copyFormat = CopyFormat.BINARY;

    private final DialectNames names;
    private final DialectTypes types = new PostgresColumnTypes();
    private final PostgresDdl ddl;
    private final DialectCatalog catalog = new PostgresCatalog();
    private final PostgresBulkLoader bulk;
    private final ChangeApplier changes;
    private final ErrorTranslator errors = PostgresErrors::translate;

    /** A dialect with the default COPY chunk size and application name {@code mirror}. */
    public PostgresDialect() {
        this(DEFAULT_COPY_CHUNK_CHARS, "mirror", LOG::warn);
    }

    /**
     * @param copyChunkChars  how many characters of COPY data are buffered before they are sent (≥ 1024)
     * @param applicationName the {@code application_name} to set on new connections, or blank for none
     * @param warnings        where long-name mappings are reported (once per name)
     */
    public PostgresDialect(int copyChunkChars, String applicationName, Consumer<String> warnings) {
        if (copyChunkChars < 1024) {
            throw new IllegalArgumentException("copyChunkChars must be at least 1024, got " + copyChunkChars);
        }
        this.applicationName = requireNonNull(applicationName, "applicationName is null");
        this.names = PostgresNames.create(requireNonNull(warnings, "warnings is null"));
        this.ddl = new PostgresDdl(CAPABILITIES, names, types, () -> fillFactor);
        this.bulk = new PostgresBulkLoader(names, copyChunkChars, () -> copyFormat);
        PostgresStageSql stage = new PostgresStageSql(names, copyChunkChars, () -> applyMerge, () -> applyWorkMem,
                () -> copyFormat);
        this.changes = new StagedApply(stage, stage);
    }

    @Override
    public String name() {
        return PostgresDialectProvider.NAME;
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

    /** Sets the work_mem of apply transactions ({@code 256MB}); null leaves the server's setting. Validated by the provider. */
    PostgresDialect withApplyWorkMem(String workMem) {
        this.applyWorkMem = workMem;
        return this;
    }

    /** Applies batches with one MERGE (PostgreSQL 15+) instead of DELETE + INSERT … ON CONFLICT. Set by the provider. */
    PostgresDialect withApplyMerge(boolean merge) {
        this.applyMerge = merge;
        return this;
    }

    /** The fillfactor of the tables this dialect creates (100: PostgreSQL's default, no clause). Set by the provider. */
    PostgresDialect withFillFactor(int fillFactor) {
        this.fillFactor = fillFactor;
        return this;
    }

    /** The session's temp_buffers (e.g. {@code 256MB}), null for the server's. Set by the provider. */
    PostgresDialect withTempBuffers(String size) {
        this.tempBuffers = size;
        return this;
    }

    /** The COPY format of the population and the apply's stage (text by default). Set by the provider. */
    PostgresDialect withCopyFormat(CopyFormat format) {
        this.copyFormat = requireNonNull(format, "format is null");
        return this;
    }

    CopyFormat copyFormat() {
        return copyFormat;
    }

    /**
     * Sets {@code application_name} (visible in {@code pg_stat_activity}) unless the URL already chose one;
     * nothing else: isolation, time zone and search path stay as the user configured them. With auto-commit off
     * the {@code SET} belongs to the first transaction, so a rollback of that transaction undoes it (harmless: the
     * name is only a label).
     */
    @Override
    public void prepareConnection(Connection connection) throws SQLException {
        if (tempBuffers != null) {
            // The apply stages each batch in a temp table; temp_buffers (default 8MB) can only be raised before the
            // session's first temp-table use, so here. https://www.postgresql.org/docs/15/runtime-config-resource.html
            try (Statement s = connection.createStatement()) {
                s.execute("SET temp_buffers = '" + tempBuffers + "'");
            }
        }
        if (applicationName.isBlank()) {
            return;
        }
        String current = connection.getClientInfo("ApplicationName");
        if (current == null || current.isBlank() || current.equals("PostgreSQL JDBC Driver")) {
            connection.setClientInfo("ApplicationName", applicationName);
        }
    }
}
