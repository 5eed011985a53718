package dev.mirror.testkit.hook;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.hook.TargetSession;
import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.dialect.TargetDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A fake {@link TargetSession} that runs nothing: it records every call in order (statements as the
 * dialect renders them, queries, index look-ups), keeps the index names of each table so a test can
 * simulate "an index was dropped by hand", and fails the calls a test chooses, the way a real session
 * does (with a TARGET {@link MirrorException}). Thread-safe.
 */
public final class RecordingTargetSession extends DialectBackedSession {
    private final List<String> log = new ArrayList<>();
    private final Map<String, Set<String>> indexes = new LinkedHashMap<>();
    private final Map<String, List<List<Object>>> queryResults = new LinkedHashMap<>();
    private Predicate<String> failing = sql -> false;
    private String failureMessage = "";
    private int attempts;

    public RecordingTargetSession(TargetDialect dialect) {
        super(dialect);
    }

    /** A session over {@link KitDialect#minimal()}. */
    public RecordingTargetSession() {
        this(KitDialect.minimal());
    }

    /** From now on, every call whose logged text matches fails with {@code message}. */
    public synchronized RecordingTargetSession failWhen(Predicate<String> call, String message) {
        this.failing = requireNonNull(call, "call is null");
        this.failureMessage = requireNonNull(message, "message is null");
        return this;
    }

    /** From now on every call fails (an unreachable or refusing target). */
    public RecordingTargetSession failEverything(String message) {
        return failWhen(sql -> true, message);
    }

    /** Makes {@link #query} answer {@code rows} for a statement containing {@code sqlFragment}. */
    public synchronized RecordingTargetSession answer(String sqlFragment, List<List<Object>> rows) {
        queryResults.put(sqlFragment, List.copyOf(rows));
        return this;
    }

    /** Pretends an index exists on a table (given by its source name), e.g. one a user made by hand. */
    public synchronized void addIndex(String sourceTable, String indexName) {
        indexesOf(sourceTable).add(indexName);
    }

    /** Pretends an index was dropped by hand. */
    public synchronized void dropIndex(String sourceTable, String indexName) {
        indexesOf(sourceTable).removeIf(n -> n.equalsIgnoreCase(indexName));
    }

    /** Every call so far, in order: {@code execute: <sql>}, {@code query: <sql>}, {@code indexes: <table>}, {@code createIndex: <sql>}. */
    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    /** The statements executed or index DDL run, in order (no queries or look-ups). */
    public synchronized List<String> statements() {
        return log.stream().filter(s -> s.startsWith("execute: ") || s.startsWith("createIndex: "))
                .map(s -> s.substring(s.indexOf(": ") + 2)).toList();
    }

    /** How many calls the hook made, failed ones included. */
    public synchronized int attempts() {
        return attempts;
    }

    /** Forgets the log (not the indexes). */
    public synchronized void clearLog() {
        log.clear();
    }

    @Override
    public synchronized void execute(String sql) {
        requireNonNull(sql, "sql is null");
        call("execute: " + sql);
    }

    @Override
    public synchronized int execute(String sql, Object... parameters) {
        requireNonNull(sql, "sql is null");
        call("execute: " + sql + (parameters.length == 0 ? "" : " " + java.util.Arrays.asList(parameters)));
        return 1;
    }

    @Override
    public synchronized List<List<Object>> query(String sql, Object... parameters) {
        requireNonNull(sql, "sql is null");
        call("query: " + sql + (parameters.length == 0 ? "" : " " + List.of(parameters)));
        for (Map.Entry<String, List<List<Object>>> e : queryResults.entrySet()) {
            if (sql.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return List.of();
    }

    @Override
    public synchronized Set<String> indexes(String sourceTable) {
        call("indexes: " + sourceTable);
        return Set.copyOf(indexesOf(sourceTable));
    }

    @Override
    public synchronized void createIndex(String sourceTable, IndexDefinition index) {
        build(sourceTable, dialect.names().targetName(sourceTable), index);
    }

    /** Logged as {@code createIndex: <sql>}, like {@link #createIndex}; the index is recorded on the shadow's name. */
    @Override
    public synchronized void createIndexOnShadow(String shadowTable, IndexDefinition index) {
        build(shadowTable, shadowTable, index);
    }

    /** Logged as {@code execute: <sql>} (the dialect's rename statement); the recorded index takes the new name. */
    @Override
    public synchronized void renameIndex(String sourceTable, String from, String to) {
        String sql = dialect.ddl().renameIndex(dialect.names().targetName(sourceTable), from, to);
        call("execute: " + sql);
        Set<String> existing = indexesOf(sourceTable);
        existing.removeIf(n -> n.equalsIgnoreCase(from));
        existing.add(to);
    }

    private void build(String table, String targetTable, IndexDefinition index) {
        String sql;
        try {
            sql = dialect.ddl().createIndex(targetTable, index);
        } catch (MirrorException e) {
            attempts++;
            log.add("createIndex: <refused by dialect: " + e.getMessage() + ">");
            throw e;
        }
        call("createIndex: " + sql);
        Set<String> existing = indexesOf(table);
        for (String n : existing) {
            if (n.equalsIgnoreCase(index.name())) {
                throw MirrorException.target("TARGET_FAILED", false, "index " + index.name() + " already exists", null);
            }
        }
        existing.add(index.name());
    }

    private void call(String entry) {
        attempts++;
        log.add(entry);
        if (failing.test(entry)) {
            throw MirrorException.target("TARGET_FAILED", false, failureMessage, null);
        }
    }

    private Set<String> indexesOf(String sourceTable) {
        return indexes.computeIfAbsent(sourceTable.toLowerCase(Locale.ROOT), t -> new LinkedHashSet<>());
    }
}
