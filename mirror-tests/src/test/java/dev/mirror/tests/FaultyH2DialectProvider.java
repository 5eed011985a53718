package dev.mirror.tests;

import dev.mirror.api.MirrorException;
import dev.mirror.api.PluginContext;
import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.dialect.BulkLoader;
import dev.mirror.api.dialect.Capability;
import dev.mirror.api.dialect.ChangeApplier;
import dev.mirror.api.dialect.DialectCatalog;
import dev.mirror.api.dialect.DialectDdl;
import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.dialect.DialectTypes;
import dev.mirror.api.dialect.ErrorTranslator;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.dialect.TargetDialectProvider;
import dev.mirror.h2.H2DialectProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Set;

/**
 * A fault-injecting wrapper around the H2 dialect, or the dialect named by {@code wraps} (provider {@code faulty-h2}): after {@code failAfterRows} rows of
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
        String wraps = config.string("wraps", "h2");
        TargetDialectProvider inner = wraps.equals("h2") ? new H2DialectProvider() : java.util.ServiceLoader
                .load(TargetDialectProvider.class).stream().map(java.util.ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(wraps)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("faulty-h2: no target dialect named '" + wraps + "' to wrap"));
        return new Faulty(inner.create(context), during, table, after, halt);
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

        /** Only the bulk path and the apply are wrapped; every other concern is H2's own. */
        @Override
        public BulkLoader bulk() {
            return (c, t, s, rows, p) -> d.bulk().bulkLoad(c, t, s, failing("bulkLoad", t, rows), p);
        }

        @Override
        public ChangeApplier changes() {
            return new ChangeApplier() {
                @Override
                public TableCounts applyChanges(Connection c, String t, TableSchema s, Iterator<RowChange> changes)
                        throws SQLException {
                    return d.changes().applyChanges(c, t, s, failing("applyChanges", t, changes));
                }

            /** {@code applyChanges}: fails while the batch is staged; {@code stagedWork}: after core's statements ran, uncommitted. */
            @Override
            public TableCounts withStagedChanges(Connection c, String t, TableSchema s, Iterator<RowChange> changes,
                                                 dev.mirror.api.dialect.StagedChanges.Work work) throws SQLException {
                boolean afterWork = during.equals("stagedWork") && t.equalsIgnoreCase(table);
                return d.changes().withStagedChanges(c, t, s, failing("applyChanges", t, changes), (cc, stage) -> {
                    work.run(cc, stage);
                    if (afterWork) {
                        fault("core's statements on the stage of " + t);
                    }
                });
            }
            };
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
        public DialectNames names() {
            return d.names();
        }

        @Override
        public DialectTypes types() {
            return d.types();
        }

        @Override
        public DialectDdl ddl() {
            return d.ddl();
        }

        @Override
        public DialectCatalog catalog() {
            return d.catalog();
        }

        @Override
        public ErrorTranslator errors() {
            return d.errors();
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
        public void prepareConnection(Connection c) throws SQLException {
            d.prepareConnection(c);
        }
    }
}
