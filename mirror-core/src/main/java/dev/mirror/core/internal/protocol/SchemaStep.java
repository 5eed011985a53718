package dev.mirror.core.internal.protocol;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.hook.HookContext;
import dev.mirror.api.hook.TableEvent;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.core.Blocklist;
import dev.mirror.core.Redactor;
import dev.mirror.core.internal.hooks.HookDispatcher;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.core.internal.metadata.MetadataTable;
import dev.mirror.core.internal.options.TableLayout;
import dev.mirror.core.internal.options.TableLayouts;
import dev.mirror.core.internal.schema.CanonicalSchema;
import dev.mirror.core.internal.schema.SchemaHash;
import dev.mirror.core.internal.schema.TableDrift;
import dev.mirror.api.dialect.TargetColumn;
import dev.mirror.core.internal.database.TargetDatabase;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema step of a cycle. Costs two queries when nothing changed (one catalog query listing the mirror's
 * tables, one read of the metadata table), whatever the number of tables; only tables whose schema hash changed,
 * or whose mirror table went missing, are introspected and reconciled.
 */
final class SchemaStep {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaStep.class);

    /** @param failedBefore the announced tables whose stored state was {@code failed} when the cycle started */
    record Result(List<TableAnswer> answers, Map<String, TableState> states, Set<String> failedBefore) {
    }

    /** A reconciliation's answer and how a repopulation of the table is to be loaded. */
    private record Reconciled(TableAnswer answer, TableState.Load load, TableLayout layout) {
    }

    private final TargetDatabase target;
    private final MetadataTable metadata;
    private final Blocklist blocklist;
    private final HookDispatcher hooks;
    private final HookContext hookContext;
    private final Reconciler reconciler;
    private final ShadowTables shadows;
    private final Redactor redactor;
    private final TableLayouts layouts;

    SchemaStep(TargetDatabase target, MetadataTable metadata, Blocklist blocklist, HookDispatcher hooks, HookContext hookContext,
               Reconciler reconciler, ShadowTables shadows, Redactor redactor, TableLayouts layouts) {
        this.target = requireNonNull(target, "target is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.blocklist = requireNonNull(blocklist, "blocklist is null");
        this.hooks = requireNonNull(hooks, "hooks is null");
        this.hookContext = requireNonNull(hookContext, "hookContext is null");
        this.reconciler = requireNonNull(reconciler, "reconciler is null");
        this.shadows = requireNonNull(shadows, "shadows is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
        this.layouts = requireNonNull(layouts, "layouts is null");
    }

    private record Snapshot(Set<String> tables, Map<String, MetadataRow> rows) {
    }

    Result run(List<TableSchema> announced, CycleLedger ledger) {
        Snapshot snap = snapshot();
        Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        announced.forEach(t -> known.add(t.name()));
        known.addAll(snap.rows().keySet());
        shadows.dropLeftovers(known, snap.tables());
        List<TableAnswer> answers = new ArrayList<>(announced.size());
        Map<String, TableState> states = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> blocked = new ArrayList<>();
        for (TableSchema schema : announced) {
            if (!seen.add(schema.name())) {
                answers.add(new TableAnswer(schema.name(), -1, SchemaAction.FAILED, "announced twice in one schema step"));
                continue;
            }
            TableAnswer answer;
            if (blocklist.isBlocked(schema.name())) {
                blocked.add(schema.name());
                answer = block(schema, snap);
                ledger.schema(schema.name(), answer.action(), answer.reason(), answer.lsn());
                states.put(schema.name(), new TableState(TableLayout.plain(schema), null, answer.lsn(),
                        TableState.Disposition.BLOCKED, null, TableState.Load.SHADOW));
            } else {
                Reconciled r = reconcile(schema, snap);
                answer = r.answer();
                boolean ok = answer.action() != SchemaAction.FAILED;
                states.put(schema.name(), new TableState(r.layout(), ok ? target.dialect().names().targetName(schema.name()) : null,
                        answer.lsn(), ok ? TableState.Disposition.MIRRORED : TableState.Disposition.FAILED, answer.reason(),
                        r.load()));
                ledger.schema(schema.name(), answer.action(), answer.reason(), answer.lsn());
                if (!ok) {
                    ledger.failed(schema.name(), answer.reason());
                }
                ledger.warnings(schema.name(),
                        hooks.tableReconciled(new TableEvent(hookContext, schema.name(), r.layout().mirror(), answer.action(),
                                answer.reason())));
            }
            answers.add(answer);
        }
        if (!blocked.isEmpty()) {
            LOG.info("{} announced table(s) are blocked and not mirrored (rows discarded, LSN recorded): {}", blocked.size(), blocked);
        }
        dropVanished(seen, snap, ledger);
        Set<String> failedBefore = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        snap.rows().values().stream().filter(r -> MetadataTable.FAILED.equals(r.state()) && seen.contains(r.table()))
                .forEach(r -> failedBefore.add(r.table()));
        return new Result(answers, states, failedBefore);
    }

    /** Loads one table's state from the metadata table (a push call arriving before any schema step in this process). */
    Optional<TableState> load(String table) {
        MetadataRow row = target.inTransaction("reading the metadata of " + table, true, c -> metadata.readAll(c)).get(table);
        if (row == null || row.schemaDef() == null) {
            return Optional.empty();
        }
        TableSchema schema = CanonicalSchema.parse(row.schemaDef());
        boolean isBlocked = MetadataTable.BLOCKED.equals(row.state()) || blocklist.isBlocked(table);
        if (isBlocked) {
            return Optional.of(new TableState(TableLayout.plain(schema), null, row.lsn(), TableState.Disposition.BLOCKED, null,
                    TableState.Load.SHADOW));
        }
        TableLayout layout;
        String refused = null;
        try {
            layout = layouts.of(schema);
            if (!layout.fingerprint().equals(recordedOptions(row))) {
                refused = "its options changed since its last schema step (" + recordedOptions(row) + " -> "
                        + layout.fingerprint() + "); send the schema first";
            }
        } catch (MirrorException e) {
            layout = TableLayout.plain(schema);
            refused = redactor.describe(e);
        }
        return Optional.of(new TableState(layout, target.dialect().names().targetName(table), row.lsn(),
                refused == null ? TableState.Disposition.MIRRORED : TableState.Disposition.FAILED, refused, TableState.Load.SHADOW));
    }

    /** The options a metadata row records; rows written before options existed were built as plain mirrors. */
    private static String recordedOptions(MetadataRow row) {
        return row.options() == null ? TableLayout.PLAIN_FINGERPRINT : row.options();
    }

    /** Every stored LSN (blocked tables included); empty when the metadata table does not exist yet. */
    Map<String, Long> storedLsns() {
        return target.inTransaction("reading the stored LSNs", true, c -> {
            if (target.dialect().catalog().listTables(c).stream().noneMatch(t -> t.equalsIgnoreCase(metadata.targetName()))) {
                return Map.<String, Long>of();
            }
            Map<String, Long> r = new java.util.LinkedHashMap<>();
            metadata.readAll(c).values().forEach(row -> r.put(row.table(), row.lsn()));
            return r;
        });
    }

    private Snapshot snapshot() {
        return target.inTransaction("reading the metadata table " + metadata.targetName(), true, c -> {
            Set<String> existing = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            existing.addAll(target.dialect().catalog().listTables(c));
            if (!existing.contains(metadata.targetName())) {
                LOG.info("creating the metadata table {}", metadata.targetName());
                metadata.create(c);
                return new Snapshot(existing, Map.of());
            }
            metadata.upgrade(c);
            return new Snapshot(existing, metadata.readAll(c));
        });
    }

    private Reconciled reconcile(TableSchema schema, Snapshot snap) {
        if (schema.name().length() > MetadataTable.TABLE_NAME_LIMIT) {
            String why = "table name is " + schema.name().length() + " characters long; the metadata table holds names of up to "
                    + MetadataTable.TABLE_NAME_LIMIT + ": rename the table in the source or block it";
            LOG.error("table {}…: {}", schema.name().substring(0, 60), why);
            return failedAnswer(schema, why);
        }
        try {
            TableLayout layout = layouts.of(schema);
            String hash = layout.sourceHash();
            MetadataRow stored = snap.rows().get(schema.name());
            boolean exists = snap.tables().contains(target.dialect().names().targetName(schema.name()));
            boolean mirrored = stored != null && exists && !MetadataTable.BLOCKED.equals(stored.state());
            boolean sameOptions = stored != null && layout.fingerprint().equals(recordedOptions(stored));
            if (mirrored && hash.equals(stored.schemaHash()) && sameOptions) {
                if (MetadataTable.FAILED.equals(stored.state())) {
                    Optional<Reconciled> repair = repairIfDrifted(layout, stored);
                    if (repair.isPresent()) {
                        return repair.get();
                    }
                }
                return new Reconciled(new TableAnswer(schema.name(), stored.lsn(), SchemaAction.NONE,
                        stored.lsn() < 0 ? "unchanged; LSN is -1: full repopulation requested" : "unchanged"), TableState.Load.SHADOW,
                        layout);
            }
            if (mirrored && !sameOptions) {
                // The old table may have other columns and another key (a mode's columns): it keeps its contents, and its
                // metadata row with the old options, until the table rebuilt under the new options is swapped in.
                String why = "table options changed from " + recordedOptions(stored) + " to " + layout.fingerprint()
                        + ": rebuilt with a full repopulation";
                LOG.info("table {}: {}", schema.name(), why);
                return new Reconciled(new TableAnswer(schema.name(), -1, SchemaAction.RECREATED, why),
                        TableState.Load.SHADOW_NEW_SCHEMA, layout);
            }
            Reconciler.Outcome o = reconciler.reconcile(layout, MetadataTable.BLOCKED.equals(stored == null ? null : stored.state())
                    ? null : stored, exists);
            return new Reconciled(new TableAnswer(schema.name(), o.lsn(), o.action(), o.reason()), o.load(), layout);
        } catch (MirrorException | IllegalArgumentException e) {
            String why = "schema reconciliation failed: " + redactor.describe(e) + " (retried next cycle)";
            LOG.error("table {}: {}", schema.name(), why);
            return failedAnswer(schema, why);
        }
    }

    /**
     * A table that failed last time is checked against its recorded schema (one catalog query, only for failed tables,
     * so a quiet cycle costs nothing more): when it was changed by hand so that loads or applies fail or lose data, it is
     * rebuilt through a full repopulation into a shadow table created from the recorded schema.
     */
    private Optional<Reconciled> repairIfDrifted(TableLayout layout, MetadataRow stored) {
        TableSchema schema = layout.mirror();
        String table = target.dialect().names().targetName(schema.name());
        Optional<List<TargetColumn>> actual = target.inTransaction("describing " + schema.name(), true,
                c -> target.dialect().catalog().describeTable(c, table));
        if (actual.isEmpty()) {
            return Optional.empty();
        }
        TableDrift drift = TableDrift.of(schema, actual.get(), target.dialect());
        String extras = drift.extras().isEmpty() ? "" : "; column(s) added by hand, kept until the next repopulation: "
                + String.join(", ", drift.extras());
        if (!drift.needsRebuild()) {
            if (!extras.isEmpty()) {
                LOG.warn("table {}: {}", schema.name(), extras.substring(2));
            }
            return Optional.of(new Reconciled(new TableAnswer(schema.name(), stored.lsn(), SchemaAction.NONE,
                    "unchanged" + extras), TableState.Load.SHADOW, layout));
        }
        String why = "the mirror table no longer matches its recorded schema (" + String.join("; ", drift.mismatches())
                + "): rebuilding it with a full repopulation" + extras;
        LOG.warn("table {}: {} (the last failure: {})", schema.name(), why, stored.message());
        return Optional.of(new Reconciled(new TableAnswer(schema.name(), -1, SchemaAction.RECREATED, why),
                TableState.Load.SHADOW_NEW_SCHEMA, layout));
    }

    private static Reconciled failedAnswer(TableSchema schema, String why) {
        return new Reconciled(new TableAnswer(schema.name(), -1, SchemaAction.FAILED, why), TableState.Load.SHADOW,
                TableLayout.plain(schema));
    }

    private TableAnswer block(TableSchema schema, Snapshot snap) {
        MetadataRow stored = snap.rows().get(schema.name());
        long lsn = stored == null ? -1 : stored.lsn();
        try {
            String targetName = safeTargetName(schema.name());
            boolean mirrorTableExists = targetName != null && snap.tables().contains(targetName)
                    && (stored == null || !MetadataTable.BLOCKED.equals(stored.state()));
            if (stored == null || !MetadataTable.BLOCKED.equals(stored.state()) || mirrorTableExists) {
                target.inTransaction("recording blocked table " + schema.name(), true, c -> {
                    if (mirrorTableExists) {
                        LOG.info("table {} is blocked: dropping its mirror table", schema.name());
                        try (Statement s = c.createStatement()) {
                            s.execute(target.dialect().ddl().dropTable(targetName));
                        }
                    }
                    metadata.upsert(c, new MetadataRow(schema.name(), SchemaHash.of(schema), lsn, MetadataTable.BLOCKED,
                            CanonicalSchema.format(schema), null, "blocked: not mirrored"));
                    return null;
                });
            }
        } catch (MirrorException e) {
            LOG.warn("table {} is blocked; recording it failed: {}", schema.name(), redactor.describe(e));
        }
        return new TableAnswer(schema.name(), lsn, SchemaAction.BLOCKED, "on the blocklist");
    }

    private String safeTargetName(String table) {
        try {
            return target.dialect().names().targetName(table);
        } catch (MirrorException e) {
            return null;
        }
    }

    private void dropVanished(Set<String> announced, Snapshot snap, CycleLedger ledger) {
        for (MetadataRow row : snap.rows().values()) {
            if (announced.contains(row.table())) {
                continue;
            }
            try {
                boolean wasMirrored = !MetadataTable.BLOCKED.equals(row.state());
                String targetName = safeTargetName(row.table());
                target.inTransaction("dropping " + row.table(), true, c -> {
                    if (wasMirrored && targetName != null && snap.tables().contains(targetName)) {
                        try (Statement s = c.createStatement()) {
                            s.execute(target.dialect().ddl().dropTable(targetName));
                        }
                    }
                    metadata.delete(c, row.table());
                    return null;
                });
                if (wasMirrored) {
                    LOG.info("table {} disappeared from the source: dropped it from the mirror and removed its metadata row", row.table());
                    ledger.schema(row.table(), SchemaAction.DROPPED, "disappeared from the source", -1);
                    ledger.warnings(row.table(), hooks.tableDropped(
                            new TableEvent(hookContext, row.table(), null, SchemaAction.DROPPED, "disappeared from the source")));
                }
            } catch (MirrorException e) {
                ledger.schema(row.table(), SchemaAction.FAILED, "dropping the vanished table failed", row.lsn());
                ledger.failed(row.table(), redactor.describe(e));
            }
        }
    }
}
