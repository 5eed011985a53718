package dev.mirror.postgresql;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * {@link PostgresIdentifiers}. {@link #listIndexes} does not include the primary key's index.
 *
 * <p>Thread-safe: the only state is the set of long names already reported.
 */
public final class PostgresDialect implements TargetDialect {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDialect.class);
    /** Default size of one COPY chunk, in characters. */
    public static final int DEFAULT_COPY_CHUNK_CHARS = 256 * 1024;

    private final PostgresIdentifiers identifiers;
    private final int copyChunkChars;
    private final String applicationName;

    /** A dialect with the default COPY chunk size and application name {@code mirror}. */
    public PostgresDialect() {
        this(DEFAULT_COPY_CHUNK_CHARS, "mirror", LOG::warn);
    }

    /**
     * @param copyChunkChars  how many characters of COPY data are buffered before they are sent (≥ 1024)
     * @param applicationName the {@code application_name} to set on new connections, or blank for none
     * @param warnings        where long-name mappings are reported (once per name)
     */
    private volatile String applyWorkMem;
    private volatile boolean applyMerge;
    private volatile int fillFactor = 100;
    private volatile String tempBuffers;

    public PostgresDialect(int copyChunkChars, String applicationName, Consumer<String> warnings) {
        if (copyChunkChars < 1024) {
            throw new IllegalArgumentException("copyChunkChars must be at least 1024, got " + copyChunkChars);
        }
        this.copyChunkChars = copyChunkChars;
        this.applicationName = requireNonNull(applicationName, "applicationName is null");
        this.identifiers = new PostgresIdentifiers(requireNonNull(warnings, "warnings is null"));
    }

    @Override
    public String name() {
        return PostgresDialectProvider.NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TRANSACTIONAL_DDL, Capability.RENAME_TABLE, Capability.ALTER_COLUMN,
                Capability.INDEX_INCLUDE, Capability.INDEX_FILTER);
    }

    @Override
    public String targetName(String sourceName) {
        return identifiers.targetName(sourceName);
    }

    @Override
    public String quote(String targetName) {
        return identifiers.quote(targetName);
    }

    @Override
    public String columnType(SqlType type) {
        return PostgresTypes.columnType(type);
    }

    @Override
    public Optional<String> defaultClause(Column column) {
        return PostgresDefaults.translate(column).map(d -> "DEFAULT " + d);
    }

    @Override
    public List<String> createTable(String table, TableSchema schema) {
        StringBuilder b = new StringBuilder("CREATE TABLE ").append(quote(table)).append(" (");
        for (Column c : schema.columns()) {
            b.append(quote(targetName(c.name()))).append(' ').append(columnType(c.type()));
            defaultClause(c).ifPresent(d -> b.append(' ').append(d));
            b.append(c.nullable() ? "" : " NOT NULL").append(", ");
        }
        b.append("PRIMARY KEY (");
        for (int i = 0; i < schema.primaryKey().size(); i++) {
            String key = schema.column(schema.primaryKey().get(i)).orElseThrow().name();
            b.append(i == 0 ? "" : ", ").append(quote(targetName(key)));
        }
        b.append("))");
        if (fillFactor < 100) {
            // Free space on every page lets an update put the new row version on the same page (a HOT update: no
            // new index entry). https://www.postgresql.org/docs/15/storage-hot.html
            b.append(" WITH (fillfactor = ").append(fillFactor).append(')');
        }
        return List.of(b.toString());
    }

    @Override
    public String dropTable(String table) {
        return "DROP TABLE IF EXISTS " + quote(table);
    }

    @Override
    public String renameTable(String from, String to) {
        return "ALTER TABLE " + quote(from) + " RENAME TO " + quote(to);
    }

    @Override
    public String renameIndex(String table, String from, String to) {
        return "ALTER INDEX " + quote(from) + " RENAME TO " + quote(to);
    }

    /** Adds the column with its default; NOT NULL only when a default fills the existing rows. */
    @Override
    public List<String> addColumn(String table, Column column) {
        Optional<String> def = defaultClause(column);
        return List.of("ALTER TABLE " + quote(table) + " ADD COLUMN " + quote(targetName(column.name())) + " "
                + columnType(column.type()) + def.map(d -> " " + d).orElse("")
                + (!column.nullable() && def.isPresent() ? " NOT NULL" : ""));
    }

    @Override
    public String dropColumn(String table, String column) {
        return "ALTER TABLE " + quote(table) + " DROP COLUMN " + quote(column);
    }

    /**
     * One {@code ALTER TABLE} with the needed actions: {@code TYPE} when the PostgreSQL type differs (widening
     * within a family has an implicit cast, so no {@code USING} is needed), {@code DROP NOT NULL} /
     * {@code SET NOT NULL}, {@code SET DEFAULT} / {@code DROP DEFAULT}. Empty when nothing differs in PostgreSQL
     * (e.g. {@code varchar(max)} → {@code ntext}: both {@code text}). Note that PostgreSQL's cast from
     * {@code char(n)} to {@code varchar}/{@code text} drops trailing spaces, so widening {@code nchar} to
     * {@code nvarchar} in place trims the padding of existing values.
     */
    @Override
    public List<String> alterColumn(String table, Column from, Column to) {
        String col = quote(targetName(to.name()));
        List<String> actions = new ArrayList<>();
        if (!columnType(from.type()).equals(columnType(to.type()))) {
            actions.add("ALTER COLUMN " + col + " TYPE " + columnType(to.type()));
        }
        if (from.nullable() != to.nullable()) {
            actions.add("ALTER COLUMN " + col + (to.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
        }
        Optional<String> oldDefault = PostgresDefaults.translate(from);
        Optional<String> newDefault = PostgresDefaults.translate(to);
        if (!Objects.equals(oldDefault, newDefault)) {
            actions.add("ALTER COLUMN " + col + newDefault.map(d -> " SET DEFAULT " + d).orElse(" DROP DEFAULT"));
        }
        return actions.isEmpty() ? List.of() : List.of("ALTER TABLE " + quote(table) + " " + String.join(", ", actions));
    }

    /** TRUNCATE is transactional in PostgreSQL and, unlike DELETE, leaves no dead rows behind. */
    @Override
    public String truncateTable(String table) {
        return "TRUNCATE TABLE " + quote(table);
    }

    @Override
    public Set<String> listTables(Connection connection) throws SQLException {
        return PostgresCatalog.listTables(connection);
    }

    @Override
    public Optional<List<TargetColumn>> describeTable(Connection connection, String table) throws SQLException {
        return PostgresCatalog.describeTable(connection, table);
    }

    @Override
    public long bulkLoad(Connection connection, String table, TableSchema schema, Iterator<Row> rows, BulkProgress progress)
            throws SQLException {
        return PostgresBulkLoader.load(connection, this, table, schema, rows, progress, copyChunkChars);
    }

    @Override
    public TableCounts applyChanges(Connection connection, String table, TableSchema schema, Iterator<RowChange> changes)
            throws SQLException {
        if (applyWorkMem != null) {
            // The set-wise apply sorts the staged batch by key (DISTINCT ON) and joins it to the table; with the default
            // work_mem (4MB) a batch of wide rows spills to disk. SET LOCAL ends with core's transaction.
            // https://www.postgresql.org/docs/15/runtime-config-resource.html#GUC-WORK-MEM
            try (java.sql.Statement s = connection.createStatement()) {
                s.execute("SET LOCAL work_mem = '" + applyWorkMem + "'");
            }
        }
        // MERGE exists from PostgreSQL 15 on; older servers keep the DELETE + INSERT … ON CONFLICT pair.
        boolean merge = applyMerge && connection.getMetaData().getDatabaseMajorVersion() >= 15;
        return new PostgresChangeApplier(this, table, schema, merge).apply(connection, changes, copyChunkChars);
    }

    /** See {@link PostgresStager}. */
    @Override
    public TableCounts withStagedChanges(Connection connection, String table, TableSchema schema,
                                         Iterator<RowChange> changes, dev.mirror.api.dialect.StagedChanges.Work work)
            throws SQLException {
        return new PostgresStager(this, table, schema).stage(connection, changes, copyChunkChars, work);
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

    @Override
    public MirrorException translate(SQLException e, String what) {
        return PostgresErrors.translate(e, what);
    }

    /** {@code INCLUDE} and {@code WHERE} are both PostgreSQL 11+ features of CREATE INDEX. */
    @Override
    public String createIndex(String table, IndexDefinition index) {
        StringBuilder b = new StringBuilder(TargetDialect.super.createIndex(table, index));
        if (!index.include().isEmpty()) {
            b.append(" INCLUDE (");
            for (int i = 0; i < index.include().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(quote(index.include().get(i)));
            }
            b.append(')');
        }
        if (index.filter() != null && !index.filter().isBlank()) {
            b.append(" WHERE ").append(index.filter());
        }
        return b.toString();
    }

    @Override
    public Set<String> listIndexes(Connection connection, String table) throws SQLException {
        return PostgresCatalog.listIndexes(connection, table);
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
