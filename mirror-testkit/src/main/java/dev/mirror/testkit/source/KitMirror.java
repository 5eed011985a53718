package dev.mirror.testkit.source;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.Source;
import dev.mirror.core.Mirror;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.core.plugins.PluginRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@link Mirror} (core's protocol, reconciliation, metadata table and hooks) on an H2 in-memory target, with the
 * source's steps recorded ({@link RecordingProtocol}): what the source kits run a plugin on. H2's dialect is found at
 * run time by its URL among the dialects on the test class path, so the module running a kit needs
 * {@code dev.mirror:mirror-h2} in test scope (the testkit cannot depend on it: mirror-h2's own tests use the testkit).
 *
 * <p>Each instance has a database of its own. {@code credentials} is always blocked (core's rule); core's default
 * blocklist is off, so only the given names are blocked besides it. Not for concurrent use by several test threads.
 */
public final class KitMirror implements AutoCloseable {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final Mirror mirror;
    private final RecordingProtocol protocol;

    private KitMirror(Mirror mirror) {
        this.mirror = mirror;
        this.protocol = new RecordingProtocol(mirror.protocol());
    }

    /**
     * Builds a mirror of {@code source} for context {@code context} that blocks {@code blocked} (case-insensitive) and
     * {@code credentials}. The mirror owns the source from now on: {@link #close()} closes it.
     *
     * @throws AssertionError when no single dialect on the class path accepts an H2 URL (mirror-h2 missing)
     */
    public static KitMirror start(Source source, String context, Collection<String> blocked) {
        requireNonNull(source, "source is null");
        String url = "jdbc:h2:mem:kit_" + DATABASES.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8)
                + ";DB_CLOSE_DELAY=-1";
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (new PluginRegistry(loader).targetForUrl(url).isEmpty()) {
            throw new AssertionError("the source kit runs the source through core on an H2 in-memory target, but no single "
                    + "target dialect on the test class path accepts '" + url + "': add dev.mirror:mirror-h2 (scope test) "
                    + "to the pom of the module running the kit");
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("context", context);
        tree.put("target", Map.of("url", url, "poolSize", 4));
        tree.put("blocklist", Map.of("useDefault", false, "add", List.copyOf(blocked)));
        Mirror mirror = Mirror.builder().config(tree, "source kit").classLoader(loader).pluginDirectory(false)
                .source(source).build();
        return new KitMirror(mirror);
    }

    /**
     * Builds a mirror of {@code source} on the dialect under test (the dialect kit's protocol part): {@code url} is the
     * target (the dialect instance is used as given, not looked up), {@code options} core's {@code options} section (table
     * modes, column exclusion and hashing; empty for plain mirroring). Only {@code credentials} is blocked.
     */
    public static KitMirror on(Source source, String context, TargetDialect dialect, String url, Map<String, Object> options) {
        requireNonNull(dialect, "dialect is null");
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("context", context);
        tree.put("target", Map.of("url", requireNonNull(url, "url is null"), "poolSize", 2));
        tree.put("blocklist", Map.of("useDefault", false));
        if (!options.isEmpty()) {
            tree.put("options", options);
        }
        return new KitMirror(Mirror.builder().config(tree, "dialect kit").pluginDirectory(false).source(source)
                .dialect(dialect).build());
    }

    /** Runs one pull cycle like core's runner: the source drives the (recorded) protocol, then complete or fail. */
    public CycleReport cycle() {
        return cycle(mirror.pullSource());
    }

    /**
     * Runs one cycle of another source instance on this mirror (a restarted source resuming from the mirror's LSNs).
     * The caller keeps owning {@code pull}.
     */
    public CycleReport cycle(PullSource pull) {
        return mirror.runCycle(pull, core -> protocol);
    }

    /** Core's protocol of this mirror's context, recorded: for tests that make the steps themselves. */
    public RecordingProtocol protocol() {
        return protocol;
    }

    /** The real mirror (status, verify, the target's data source). */
    public Mirror mirror() {
        return mirror;
    }

    public List<ProtocolCall> calls() {
        return protocol.calls();
    }

    public void clearCalls() {
        protocol.clearCalls();
    }

    public List<TableAnswer> lastAnswers() {
        return protocol.lastAnswers();
    }

    /** The schema a table was last announced with, or null. */
    public TableSchema schema(String table) {
        return protocol.announced(table);
    }

    /** The LSN core stored for a table (blocked tables included), read from the metadata table. */
    public long lsn(String table) {
        return mirror.status().stream().filter(r -> r.table().equalsIgnoreCase(table)).mapToLong(MetadataRow::lsn)
                .findFirst().orElseThrow(() -> new AssertionError("the metadata table has no row for '" + table + "'; it has "
                        + mirror.status().stream().map(MetadataRow::table).toList()));
    }

    /** Sets a table's stored LSN to -1 through core ({@code mirror resync}): the next cycle must repopulate it. */
    public void resetLsn(String table) {
        if (mirror.resync(List.of(table)) != 1) {
            throw new AssertionError("resync did not reset '" + table + "'");
        }
    }

    /** The source names of the tables that exist in the target as mirror tables (blocked ones never do). */
    public Set<String> tables() {
        Set<String> existing = targetTables();
        Set<String> r = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (MetadataRow row : mirror.status()) {
            if (existing.contains(dialect().names().targetName(row.table()))) {
                r.add(row.table());
            }
        }
        return r;
    }

    /** Whether the target has a mirror table for this source table. */
    public boolean contains(String table) {
        return targetTables().contains(dialect().names().targetName(table));
    }

    /** Asserts that the mirror table of {@code schema} holds exactly {@code expected} (compared as core's verify does). */
    public void assertRows(TableSchema schema, List<Row> expected) {
        KitRows.assertEqual(mirror, schema, expected);
    }

    /**
     * The rows of a table's mirror, each as its values normalized the way {@code mirror verify} compares them (text;
     * null for NULL), in no particular order; the table is read with the schema it was last announced with.
     */
    public List<List<String>> rows(String table) {
        TableSchema schema = protocol.announced(table);
        if (schema == null) {
            throw new AssertionError("table '" + table + "' was never announced to this mirror");
        }
        return List.copyOf(KitRows.read(mirror, schema).values());
    }

    private TargetDialect dialect() {
        return mirror.targetDialect();
    }

    private Set<String> targetTables() {
        try (Connection c = mirror.targetDataSource().getConnection()) {
            Set<String> r = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            r.addAll(dialect().catalog().listTables(c));
            r.remove(mirror.metadataTableName());
            return r;
        } catch (SQLException e) {
            throw new AssertionError("listing the mirror's tables failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        mirror.close();
    }

    static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
