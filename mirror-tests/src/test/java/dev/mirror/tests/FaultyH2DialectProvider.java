package dev.mirror.tests;

import dev.mirror.api.MirrorException;
import dev.mirror.api.PluginContext;
import dev.mirror.api.config.PluginConfig;
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
import dev.mirror.api.dialect.TargetDialectProvider;
import dev.mirror.h2.H2DialectProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A fault-injecting wrapper around the H2 dialect (provider {@code faulty-h2}): after {@code failAfterRows} rows of
 * {@code failTable} in {@code failDuring} ({@code bulkLoad}, {@code applyChanges}, {@code stagedWork} or {@code swapShadow}) it throws, or with {@code halt: true}
 * kills the JVM on the spot (Runtime.halt: no finally blocks, no rollback, like kill -9).
 */
public final class FaultyH2DialectProvider implements TargetDialectProvider {
    /** Built against this SPI version (a compile-time constant). */
    @Override
    public String spiVersion() {
        return dev.mirror.api.SpiVersion.VERSION;
    }

    @Override
    public String name() {
        return "faulty-h2";
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return false;
    }

    @Override
    public TargetDialect create(PluginContext context) {
        PluginConfig config = context.config();
        String during = config.string("failDuring", "bulkLoad");
        String table = config.requiredString("failTable");
        long after = config.longValue("failAfterRows", 100);
        boolean halt = config.bool("halt", false);
        return new Faulty(new H2DialectProvider().create(context), during, table, after, halt);
    }

    private record Faulty(TargetDialect d, String during, String table, long after, boolean halt) implements TargetDialect {
        private <T> Iterator<T> failing(String what, String t, Iterator<T> it) {
            // The table itself, or its shadow while a repopulation of a table that has contents loads it.
            if (!what.equals(during) || !(t.equalsIgnoreCase(table) || t.equalsIgnoreCase(table + "__mirror_shadow"))) {
                return it;
            }
            return new Iterator<>() {
                long n;

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public T next() {
                    if (++n > after) {
                        if (halt) {
                            Runtime.getRuntime().halt(99);
                        }
                        throw MirrorException.target("INJECTED_FAULT", false, "injected fault in " + what + " of " + t + " after "
                                + after + " rows", null);
                    }
                    return it.next();
                }
            };
        }

        @Override
        public long bulkLoad(Connection c, String t, TableSchema s, Iterator<Row> rows, BulkProgress p) throws SQLException {
            return d.bulkLoad(c, t, s, failing("bulkLoad", t, rows), p);
        }

        @Override
        public TableCounts applyChanges(Connection c, String t, TableSchema s, Iterator<RowChange> changes) throws SQLException {
            return d.applyChanges(c, t, s, failing("applyChanges", t, changes));
        }

        /** {@code applyChanges}: fails while the batch is staged; {@code stagedWork}: after core's statements ran, uncommitted. */
        @Override
        public TableCounts withStagedChanges(Connection c, String t, TableSchema s, Iterator<RowChange> changes,
                                             dev.mirror.api.dialect.StagedChanges.Work work) throws SQLException {
            boolean afterWork = during.equals("stagedWork") && t.equalsIgnoreCase(table);
            return d.withStagedChanges(c, t, s, failing("applyChanges", t, changes), (cc, stage) -> {
                work.run(cc, stage);
                if (afterWork) {
                    fault("core's statements on the stage of " + t);
                }
            });
        }

        private void fault(String where) {
            if (halt) {
                Runtime.getRuntime().halt(99);
            }
            throw MirrorException.target("INJECTED_FAULT", false, "injected fault after " + where, null);
        }

        @Override
        public String name() {
            return "faulty-h2";
        }

        @Override
        public Set<Capability> capabilities() {
            return d.capabilities();
        }

        @Override
        public String targetName(String sourceName) {
            return d.targetName(sourceName);
        }

        @Override
        public String quote(String targetName) {
            return d.quote(targetName);
        }

        @Override
        public String columnType(SqlType type) {
            return d.columnType(type);
        }

        @Override
        public Optional<String> defaultClause(Column column) {
            return d.defaultClause(column);
        }

        @Override
        public List<String> createTable(String t, TableSchema schema) {
            return d.createTable(t, schema);
        }

        @Override
        public String dropTable(String t) {
            return d.dropTable(t);
        }

        @Override
        public String renameIndex(String table, String from, String to) {
            return d.renameIndex(table, from, to);
        }

        @Override
        public void swapShadow(java.sql.Connection connection, String table, String shadow, SwapStep inSwap)
                throws java.sql.SQLException {
            if (during.equals("swapShadow") && table.equalsIgnoreCase(this.table)) {
                fault("the shadow of " + table + " was loaded (and merged), before the swap");
            }
            d.swapShadow(connection, table, shadow, inSwap);
        }

        @Override
        public String renameTable(String from, String to) {
            return d.renameTable(from, to);
        }

        @Override
        public List<String> addColumn(String t, Column column) {
            return d.addColumn(t, column);
        }

        @Override
        public String dropColumn(String t, String column) {
            return d.dropColumn(t, column);
        }

        @Override
        public List<String> alterColumn(String t, Column from, Column to) {
            return d.alterColumn(t, from, to);
        }

        @Override
        public String truncateTable(String t) {
            return d.truncateTable(t);
        }

        @Override
        public Set<String> listTables(Connection c) throws SQLException {
            return d.listTables(c);
        }

        @Override
        public Optional<List<TargetColumn>> describeTable(Connection c, String t) throws SQLException {
            return d.describeTable(c, t);
        }

        @Override
        public MirrorException translate(SQLException e, String what) {
            return d.translate(e, what);
        }

        @Override
        public String createIndex(String t, IndexDefinition index) {
            return d.createIndex(t, index);
        }

        @Override
        public Set<String> listIndexes(Connection c, String t) throws SQLException {
            return d.listIndexes(c, t);
        }

        @Override
        public void prepareConnection(Connection c) throws SQLException {
            d.prepareConnection(c);
        }
    }
}
