package com.example.mirror.report;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.ContextId;
import dev.mirror.api.hook.HookContext;
import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.api.hook.TargetSession;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.TableCounts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one row per completed cycle into a report table on the target, creating the table when it is
 * missing. Column types come from the target's dialect, names are quoted by it, so the same code works on
 * every target. A failure is logged and kept in {@link #problems()}; it never reaches the mirror.
 */
public final class CycleReportHook implements LifecycleHook {
    private static final Logger LOG = LoggerFactory.getLogger(CycleReportHook.class);
    private static final int KEPT_PROBLEMS = 20;

    private final String table;
    /** Contexts whose target is known to have the table (checked once, again after a failure). */
    private final Set<ContextId> tableReady = ConcurrentHashMap.newKeySet();
    private final Deque<String> problems = new ArrayDeque<>();

    public CycleReportHook(String table) {
        this.table = requireNonNull(table, "table is null");
    }

    /** The most recent failures (at most 20), oldest first. */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void onCycleCompleted(HookContext context, CycleReport report) {
        TargetSession target = context.target();
        try {
            if (!tableReady.contains(context.contextId())) {
                createTableIfMissing(target);
                tableReady.add(context.contextId());
            }
            TableCounts totals = report.totals();
            target.execute(insert(target), report.contextId().value(), utc(report.started()), utc(report.finished()),
                    report.tables().size(), totals.inserts(), totals.updates(), totals.deletes(), report.failures().size());
        } catch (RuntimeException e) {
            tableReady.remove(context.contextId()); // look again next cycle: the table may have been dropped
            problem("cannot write the report of context " + context.contextId() + " into " + table + ": " + e.getMessage());
        }
    }

    private void createTableIfMissing(TargetSession target) {
        String name = target.quote(target.targetName(table));
        try {
            target.query("SELECT COUNT(*) FROM " + name + " WHERE 1 = 0");
            return; // it exists
        } catch (RuntimeException missing) {
            LOG.info("cycle-report: creating report table {}", table);
        }
        target.execute("CREATE TABLE " + name + " ("
                + column(target, "context", SqlType.ofLength(SqlServerType.NVARCHAR, 128)) + " NOT NULL, "
                + column(target, "started", SqlType.fractional(SqlServerType.DATETIME2, 3)) + " NOT NULL, "
                + column(target, "finished", SqlType.fractional(SqlServerType.DATETIME2, 3)) + " NOT NULL, "
                + column(target, "tables", SqlType.of(SqlServerType.INT)) + " NOT NULL, "
                + column(target, "inserts", SqlType.of(SqlServerType.BIGINT)) + " NOT NULL, "
                + column(target, "updates", SqlType.of(SqlServerType.BIGINT)) + " NOT NULL, "
                + column(target, "deletes", SqlType.of(SqlServerType.BIGINT)) + " NOT NULL, "
                + column(target, "failures", SqlType.of(SqlServerType.INT)) + " NOT NULL, "
                + "PRIMARY KEY (" + quoted(target, "context") + ", " + quoted(target, "started") + "))");
    }

    /** The insert statement; the values are bound as parameters, never written into the SQL. */
    private String insert(TargetSession d) {
        return "INSERT INTO " + d.quote(d.targetName(table)) + " ("
                + String.join(", ", List.of(q(d, "context"), q(d, "started"), q(d, "finished"), q(d, "tables"),
                        q(d, "inserts"), q(d, "updates"), q(d, "deletes"), q(d, "failures")))
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    }

    private static String column(TargetSession target, String name, SqlType type) {
        return quoted(target, name) + " " + target.columnType(type);
    }

    private static String quoted(TargetSession target, String name) {
        return q(target, name);
    }

    private static String q(TargetSession d, String name) {
        return d.quote(d.targetName(name));
    }

    /** The instant as a UTC date-time, the way the report table stores it (datetime2 / timestamp without zone). */
    private static java.time.LocalDateTime utc(Instant instant) {
        return java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    private synchronized void problem(String message) {
        LOG.warn("cycle-report: {}; trying again after the next cycle", message);
        if (problems.size() == KEPT_PROBLEMS) {
            problems.removeFirst();
        }
        problems.addLast(message);
    }
}
