package dev.mirror.core.internal.protocol;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.Redactor;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.core.internal.metadata.MetadataTable;
import dev.mirror.core.internal.options.TableLayout;
import dev.mirror.core.internal.options.TableLayouts;
import dev.mirror.core.internal.schema.CanonicalSchema;
import dev.mirror.core.internal.schema.ReconcilePlan;
import dev.mirror.core.internal.schema.ReconcilePlanner;
import dev.mirror.core.internal.database.TargetDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one mirror table to a new source schema: introspects it, plans (see {@link ReconcilePlanner}), runs the
 * DDL and records the new hash in the metadata table only after the change succeeded. A recreate (an incompatible
 * change, or an in-place ALTER that failed) touches nothing here: the table keeps its old schema, contents and
 * metadata row until the repopulation has loaded a shadow table with the new schema and swapped it in.
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    /** The result: what was done, why, and the LSN to answer. */
    record Outcome(SchemaAction action, String reason, long lsn, TableState.Load load) {
    }

    private final TargetDatabase target;
    private final MetadataTable metadata;
    private final ReconcilePlanner planner;
    private final Redactor redactor;
    private final TableLayouts layouts;

    Reconciler(TargetDatabase target, MetadataTable metadata, Redactor redactor, TableLayouts layouts) {
        this.target = requireNonNull(target, "target is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.planner = new ReconcilePlanner(target.dialect());
        this.redactor = requireNonNull(redactor, "redactor is null");
        this.layouts = requireNonNull(layouts, "layouts is null");
    }

    /**
     * Brings the mirror table to {@code layout}'s mirror schema; the metadata row records the source's hash and schema and
     * the options in force. Called only when the options are those the table was built with (a change of options
     * rebuilds the table instead), so the previous mirror schema is the recorded source schema under the same options.
     */
    Outcome reconcile(TableLayout layout, MetadataRow stored, boolean existsInTarget) {
        TableSchema schema = layout.mirror();
        String hash = layout.sourceHash();
        TargetDialect dialect = target.dialect();
        String table = dialect.names().targetName(schema.name());
        Optional<List<TargetColumn>> actual = existsInTarget
                ? target.inTransaction("describing " + schema.name(), true, c -> dialect.catalog().describeTable(c, table))
                : Optional.empty();
        TableSchema previous = previousSchema(stored);
        ReconcilePlan plan = planner.plan(schema, previous, actual);
        String oldHash = stored == null ? "none" : shortHash(stored.schemaHash());
        return switch (plan.kind()) {
            case CREATE -> {
                run(layout, -1, c -> create(c, table, schema));
                log(schema, oldHash, hash, "created", plan.reason());
                yield new Outcome(SchemaAction.CREATED, plan.reason(), -1, TableState.Load.IN_PLACE);
            }
            case RECREATE -> recreate(schema, hash, oldHash, plan.reason());
            case ALTER -> {
                long lsn = stored.lsn();
                try {
                    run(layout, lsn, c -> alter(c, table, plan));
                } catch (MirrorException e) {
                    String why = "in-place ALTER failed (" + redactor.describe(e) + "): recreating instead";
                    LOG.warn("table {}: {}", schema.name(), why);
                    yield recreate(schema, hash, oldHash, plan.reason() + "; " + why);
                }
                log(schema, oldHash, hash, "altered in place", plan.reason());
                yield new Outcome(SchemaAction.ALTERED, plan.reason(), lsn, TableState.Load.SHADOW);
            }
            case NONE -> {
                long lsn = stored.lsn();
                run(layout, lsn, c -> { });
                log(schema, oldHash, hash, "recorded the new hash only", plan.reason());
                yield new Outcome(SchemaAction.NONE, plan.reason(), lsn, TableState.Load.SHADOW);
            }
        };
    }

    private Outcome recreate(TableSchema schema, String hash, String oldHash, String reason) {
        log(schema, oldHash, hash, "recreating: a new table is loaded beside the old one and swapped in when complete", reason);
        return new Outcome(SchemaAction.RECREATED, reason, -1, TableState.Load.SHADOW_NEW_SCHEMA);
    }

    private interface Ddl {
        void run(Connection c) throws SQLException;
    }

    /** DDL and the metadata row in one transaction (on targets with transactional DDL it commits as one). */
    private void run(TableLayout layout, long lsn, Ddl ddl) {
        String state = lsn < 0 ? MetadataTable.REPOPULATING : MetadataTable.OK;
        TableSchema source = layout.source();
        target.inTransaction("reconciling " + source.name(), true, c -> {
            ddl.run(c);
            metadata.upsert(c, new MetadataRow(source.name(), layout.sourceHash(), lsn, state, CanonicalSchema.format(source),
                    null, null, layout.fingerprint()));
            return null;
        });
    }

    private void create(Connection c, String table, TableSchema schema) throws SQLException {
        execute(c, target.dialect().ddl().createTable(table, schema));
    }

    private void alter(Connection c, String table, ReconcilePlan plan) throws SQLException {
        TargetDialect d = target.dialect();
        List<String> sql = new ArrayList<>();
        for (ReconcilePlan.Step step : plan.steps()) {
            if (step instanceof ReconcilePlan.Add a) {
                sql.addAll(d.ddl().addColumn(table, a.column()));
            } else if (step instanceof ReconcilePlan.Drop dr) {
                sql.add(d.ddl().dropColumn(table, dr.targetColumn()));
            } else if (step instanceof ReconcilePlan.Widen w) {
                sql.addAll(d.ddl().alterColumn(table, w.from(), w.to()));
            }
        }
        execute(c, sql);
    }

    private static void execute(Connection c, List<String> sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String stmt : sql) {
                s.execute(stmt);
            }
        }
    }

    private TableSchema previousSchema(MetadataRow stored) {
        if (stored == null || stored.schemaDef() == null || MetadataTable.BLOCKED.equals(stored.state())) {
            return null;
        }
        try {
            return layouts.of(CanonicalSchema.parse(stored.schemaDef())).mirror();
        } catch (MirrorException e) {
            LOG.warn("table {}: the table options do not apply to the recorded schema ({}); treating it as unknown",
                    stored.table(), redactor.describe(e));
            return null;
        } catch (IllegalArgumentException e) {
            LOG.warn("table {}: recorded schema is unreadable ({}); treating it as unknown", stored.table(), e.getMessage());
            return null;
        }
    }

    private static void log(TableSchema schema, String oldHash, String newHash, String what, String why) {
        LOG.info("table {}: schema hash {} -> {}: {} because {}", schema.name(), oldHash, shortHash(newHash), what, why);
    }

    static String shortHash(String hash) {
        return hash == null ? "none" : hash.substring(0, Math.min(12, hash.length()));
    }
}
