package dev.mirror.core.internal.protocol;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.core.internal.metadata.MetadataTable;
import dev.mirror.core.internal.schema.CanonicalSchema;
import dev.mirror.core.internal.database.TargetDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Atomic repopulation: the new contents of a table that readers can see are loaded into a shadow table (named after the
 * table, {@value #SUFFIX} appended, mapped through the dialect like any name) and swapped into the table's place in the
 * same transaction that records the table's LSN, hash and schema (see {@link TargetDialect#swapShadow}). Until then the
 * table, its rows and its metadata row are untouched, so a crash, a failed batch or an abandoned push cycle leaves the
 * previous complete contents; the leftover shadow is recognised by its name and dropped by the next schema step.
 */
final class ShadowTables {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowTables.class);
    static final String SUFFIX = "__mirror_shadow";

    private final TargetDatabase target;
    private final MetadataTable metadata;

    ShadowTables(TargetDatabase target, MetadataTable metadata) {
        this.target = requireNonNull(target, "target is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    /** The shadow's target name for a source table. */
    String name(String sourceTable) {
        return target.dialect().names().targetName(sourceTable + SUFFIX);
    }

    /** Drops a leftover shadow and creates an empty one with the state's (new) schema, on {@code c}. */
    void create(Connection c, String shadow, TableSchema schema) throws SQLException {
        TargetDialect d = target.dialect();
        try (Statement s = c.createStatement()) {
            s.execute(d.ddl().dropTable(shadow));
            for (String sql : d.ddl().createTable(shadow, schema)) {
                s.execute(sql);
            }
        }
    }

    /** Creates an empty shadow for {@code state}'s table in its own transaction; returns its name. */
    String open(TableState state) {
        String shadow = name(state.table());
        target.inTransaction("creating the shadow table of " + state.table(), true, c -> {
            create(c, shadow, state.schema());
            return null;
        });
        LOG.info("table {}: loading the new contents into {} (readers keep seeing the current contents until the swap)",
                state.table(), shadow);
        return shadow;
    }

    /**
     * Swaps the loaded shadow into the table's place and records {@code lsn} with the schema's hash and canonical text,
     * in one transaction; then drops the shadow if the dialect's swap left it behind.
     */
    void swap(TableState state, String shadow, long lsn) {
        // the source's hash and schema, and the options the new contents were built with
        TableSchema source = state.layout().source();
        MetadataRow row = new MetadataRow(state.table(), state.layout().sourceHash(), lsn, MetadataTable.OK,
                CanonicalSchema.format(source), null, null, state.layout().fingerprint());
        long start = System.nanoTime();
        target.inTransaction("swapping in the new contents of " + state.table(), true, c -> {
            target.dialect().swapShadow(c, state.targetName(), shadow, sc -> metadata.upsert(sc, row));
            return null;
        });
        LOG.info("table {}: swapped in the new contents in {} ms", state.table(), (System.nanoTime() - start) / 1_000_000);
        drop(shadow, "after the swap");
    }

    /** Drops the shadows of {@code sourceTables} found among {@code existing} target tables (leftovers of a crash). */
    void dropLeftovers(Collection<String> sourceTables, Set<String> existing) {
        for (String table : sourceTables) {
            String shadow;
            try {
                shadow = name(table);
            } catch (MirrorException e) {
                continue; // a name no mapping can fix has no shadow either
            }
            if (existing.contains(shadow)) {
                LOG.info("table {}: dropping the leftover shadow table {} of an unfinished repopulation", table, shadow);
                drop(shadow, "leftover");
            }
        }
    }

    private void drop(String shadow, String why) {
        try {
            target.inTransaction("dropping the shadow table " + shadow, true, c -> {
                try (Statement s = c.createStatement()) {
                    s.execute(target.dialect().ddl().dropTable(shadow));
                }
                return null;
            });
        } catch (MirrorException e) {
            LOG.warn("could not drop the shadow table {} ({}): {}; dropped by a later cycle", shadow, why, e.getMessage());
        }
    }
}
