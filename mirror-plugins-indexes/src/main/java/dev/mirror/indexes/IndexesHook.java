package dev.mirror.indexes;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.hook.HookContext;
import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.api.hook.TableEvent;
import dev.mirror.api.hook.TargetSession;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.dialect.IndexDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps declared indexes present on mirror tables:
 * <ul>
 *   <li>a table just {@code CREATED} or {@code RECREATED} is empty and about to be fully loaded, so nothing
 *       is built then: indexes come in {@link #onTablePopulated}, after the load (building them first
 *       would slow every row of the load down);</li>
 *   <li>a repopulation of a table that has contents loads a shadow table that core then swaps in: the declared
 *       indexes are built on the shadow ({@link #onShadowLoaded}) under temporary names (index names are
 *       schema-wide on PostgreSQL and H2, and the table still has its own), so they exist the moment readers see
 *       the new contents, and are renamed to their declared names right after the swap;</li>
 *   <li>after a full population every declared index that is missing is created;</li>
 *   <li>on a table reconciled with {@code NONE} or {@code ALTERED}, a declared index that has gone missing
 *       (dropped by hand, or by a column change) is created again.</li>
 * </ul>
 * Each of those looks at the table's indexes with one catalog query. Indexes the configuration does not
 * declare are never touched. An index that cannot be built is logged (WARN) and kept in the per-cycle
 * {@link #problems()} list, the mirror goes on, and it is tried again next cycle. Nothing here throws.
 *
 * <p>One instance serves every context, possibly from several threads at once: state is per context
 * and thread-safe.
 */
public final class IndexesHook implements LifecycleHook {
    private static final Logger LOG = LoggerFactory.getLogger(IndexesHook.class);

    private static final String SHADOW_SUFFIX = "__mirror_shadow";

    private final DeclaredIndexes declared;
    private final ConcurrentMap<dev.mirror.api.ContextId, List<IndexProblem>> problems = new ConcurrentHashMap<>();

    public IndexesHook(DeclaredIndexes declared) {
        this.declared = requireNonNull(declared, "declared is null");
    }

    /** The problems of each context's current (or last) cycle. */
    public List<IndexProblem> problems() {
        List<IndexProblem> all = new ArrayList<>();
        problems.values().forEach(all::addAll);
        return all;
    }

    /** The problems of one context's current (or last) cycle. */
    public List<IndexProblem> problems(dev.mirror.api.ContextId contextId) {
        return List.copyOf(problems.getOrDefault(contextId, List.of()));
    }

    @Override
    public void onCycleStarted(HookContext context) {
        problems.put(context.contextId(), new CopyOnWriteArrayList<>());
    }

    @Override
    public void onTableReconciled(TableEvent event) {
        switch (event.action()) {
            case NONE, ALTERED -> ensure(event, "reconciled (" + event.action() + ")");
            case CREATED, RECREATED -> {
                if (!declared.forTable(event.table()).isEmpty()) {
                    LOG.debug("indexes: table {} was {}; its indexes are built after it is populated",
                            event.table(), event.action());
                }
            }
            default -> {
                // DROPPED, BLOCKED, FAILED: there is no table to index this cycle.
            }
        }
    }

    @Override
    public void onShadowLoaded(TableEvent event, String shadowTable) {
        List<IndexDefinition> wanted = declared.forTable(event.table());
        TargetSession session = event.context().target();
        for (IndexDefinition index : wanted) {
            IndexResolver.Resolved resolved = IndexResolver.resolve(index, event.schema(), session);
            if (resolved.failed()) {
                continue; // reported by onTablePopulated, which checks the table after the swap
            }
            try {
                IndexDefinition r = resolved.index();
                IndexDefinition temporary = new IndexDefinition(shadowName(index, session), r.columns(), r.unique(),
                        r.include(), r.filter());
                session.createIndexOnShadow(shadowTable, temporary);
                LOG.info("indexes: built index {} on the new contents of table {} in context {} before the swap",
                        r.name(), event.table(), event.context().contextId());
            } catch (RuntimeException e) {
                LOG.debug("indexes: could not build {} on the shadow of {}: {}; built after the swap instead",
                        index.name(), event.table(), e.getMessage());
            }
        }
    }

    /** The temporary name of a declared index while it lives on a shadow table. */
    static String shadowName(IndexDefinition declaredIndex, TargetSession session) {
        return session.targetName(declaredIndex.name() + SHADOW_SUFFIX);
    }

    @Override
    public void onTablePopulated(TableEvent event) {
        // Looked up again even if checked at reconciliation: a repopulation may have swapped in a new table.
        ensure(event, "populated");
    }

    @Override
    public void onCycleCompleted(HookContext context, CycleReport report) {
        List<IndexProblem> current = problems(context.contextId());
        if (!current.isEmpty()) {
            LOG.warn("indexes: {} declared index(es) could not be built this cycle in context {}; retried next cycle: {}",
                    current.size(), context.contextId(), current);
        }
    }

    private void ensure(TableEvent event, String when) {
        List<IndexDefinition> wanted = declared.forTable(event.table());
        if (wanted.isEmpty()) {
            return;
        }
        HookContext context = event.context();
        TargetSession session = context.target();
        Set<String> existing = new HashSet<>();
        try {
            // Compared case-insensitively: PostgreSQL folds unquoted names to lower case, H2 to upper case,
            // and SQL Server's catalog is usually case-insensitive; two declared names differing only in
            // case are refused by the configuration.
            for (String name : session.indexes(event.table())) {
                existing.add(name.toLowerCase(Locale.ROOT));
            }
        } catch (RuntimeException e) {
            report(context, event.table(), "*", "cannot list the table's indexes: " + e.getMessage());
            return;
        }
        for (IndexDefinition index : wanted) {
            IndexResolver.Resolved resolved = IndexResolver.resolve(index, event.schema(), session);
            if (resolved.failed()) {
                if (!existing.contains(index.name().toLowerCase(Locale.ROOT))) {
                    report(context, event.table(), index.name(), resolved.problem());
                }
                continue;
            }
            if (existing.contains(resolved.index().name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String temporary = shadowName(index, session);
            if (existing.contains(temporary.toLowerCase(Locale.ROOT)) && renamed(session, event.table(), temporary, resolved.index())) {
                continue;
            }
            try {
                session.createIndex(event.table(), resolved.index());
                LOG.info("indexes: created index {} on table {} in context {} (table {})",
                        resolved.index().name(), event.table(), context.contextId(), when);
            } catch (RuntimeException e) {
                report(context, event.table(), index.name(), e.getMessage());
            }
        }
    }

    /** Gives an index built on a shadow (now swapped in) its declared name; false when the target cannot. */
    private static boolean renamed(TargetSession session, String table, String temporary, IndexDefinition index) {
        try {
            session.renameIndex(table, temporary, index.name());
            return true;
        } catch (RuntimeException e) {
            LOG.debug("indexes: could not rename {} to {} on {}: {}; creating it instead", temporary, index.name(), table,
                    e.getMessage());
            return false;
        }
    }

    private void report(HookContext context, String table, String index, String reason) {
        String why = reason == null ? "unknown failure" : reason;
        LOG.warn("indexes: cannot build index {} on table {} in context {}: {}; retried next cycle",
                index, table, context.contextId(), why);
        problems.computeIfAbsent(context.contextId(), c -> new CopyOnWriteArrayList<>())
                .add(new IndexProblem(context.contextId(), table, index, why));
    }
}
