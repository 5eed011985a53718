package dev.mirror.core.internal.protocol;

import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.api.hook.TableEvent;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.ChangeBatch;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.MirrorProtocol;
import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import dev.mirror.core.metadata.MetadataRow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Core's protocol on a real database: a {@link Mirror} built from a configuration tree (the public API) with the H2
 * target in memory, one fresh database per fixture. Tests drive it only through {@link MirrorProtocol} and read
 * outcomes back with SQL and {@link Mirror#status()}, so they do not depend on how the dialect or the context id are
 * shaped inside core.
 */
final class ProtocolFixture implements AutoCloseable {
    static final String CONTEXT = "Proto";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Mirror mirror;
    private final String url;
    private final boolean ownsDatabase;
    /** What the hooks saw, one line per call: {@code event:table[:detail]}. */
    final List<String> events = new CopyOnWriteArrayList<>();

    private ProtocolFixture(Map<String, Object> extra, String url, boolean ownsDatabase) {
        this.url = url;
        this.ownsDatabase = ownsDatabase;
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("context", CONTEXT);
        tree.put("source", Map.of("type", "sample")); // never run: the tests drive the protocol themselves
        tree.put("target", Map.of("dialect", "h2", "url", url));
        tree.put("blocklist", Map.of("useDefault", false, "add", List.of("blockedtable")));
        tree.putAll(extra);
        mirror = Mirror.builder().config(tree, "protocol-test").pluginDirectory(false).progress(ProgressListener.NONE)
                .hook("recorder", new Recorder()).build();
    }

    /** A mirror of context {@value #CONTEXT}; {@code blockedtable} is blocked. */
    static ProtocolFixture create() {
        return create(Map.of());
    }

    /** The same with more top-level configuration (e.g. {@code options}). */
    static ProtocolFixture create(Map<String, Object> extra) {
        return new ProtocolFixture(extra, "jdbc:h2:mem:protocol" + DATABASES.incrementAndGet() + "_" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1", true);
    }

    /**
     * Another mirror, configured with {@code extra}, on this fixture's database (as after a configuration change and a
     * restart). Close it before this fixture; closing it leaves the database to this one.
     */
    ProtocolFixture reconfigured(Map<String, Object> extra) {
        return new ProtocolFixture(extra, url, false);
    }

    MirrorProtocol protocol() {
        return mirror.protocol();
    }

    Mirror mirror() {
        return mirror;
    }

    /** {@code (id int primary key, name nvarchar(40) null)}, or with {@code name} as datetime. */
    static TableSchema table(String name) {
        return table(name, SqlType.ofLength(SqlServerType.NVARCHAR, 40));
    }

    static TableSchema table(String name, SqlType nameType) {
        return new TableSchema(name, List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of("name", nameType, true)), List.of("id"));
    }

    /** {@link #table} with one more nullable column {@code note nvarchar(20)}. */
    static TableSchema tableWithNote(String name) {
        return new TableSchema(name, List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of("name", SqlType.ofLength(SqlServerType.NVARCHAR, 40), true),
                Column.of("note", SqlType.ofLength(SqlServerType.NVARCHAR, 20), true)), List.of("id"));
    }

    ApplyResult apply(String table, long lsn, RowChange... changes) {
        return protocol().apply(ChangeBatch.last(table, ChangeCursor.of(List.of(changes)), lsn));
    }

    ApplyResult applyPartial(String table, RowChange... changes) {
        return protocol().apply(ChangeBatch.partial(table, ChangeCursor.of(List.of(changes))));
    }

    ApplyResult repopulate(String table, long lsn, RowChange... rows) {
        return protocol().repopulate(table, ChangeCursor.of(List.of(rows)), lsn);
    }

    /** Every row of a mirror table as {@code id=name} (name as its text), ordered by id. */
    List<String> rows(String table) {
        return query("SELECT \"id\", \"name\" FROM \"" + table + "\" ORDER BY \"id\"", rs -> rs.getInt(1) + "=" + rs.getString(2));
    }

    /** The names of the tables in the mirror's schema, lower case, sorted. */
    List<String> tables() {
        return new ArrayList<>(new TreeSet<>(query("SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC'", rs -> rs.getString(1))));
    }

    /** The metadata row of a table, if any (through {@link Mirror#status()}). */
    Optional<MetadataRow> metadata(String table) {
        return mirror.status().stream().filter(r -> r.table().equalsIgnoreCase(table)).findFirst();
    }

    long storedLsn(String table) {
        return metadata(table).orElseThrow(() -> new AssertionError("no metadata row for " + table)).lsn();
    }

    String state(String table) {
        return metadata(table).orElseThrow(() -> new AssertionError("no metadata row for " + table)).state();
    }

    void execute(String sql) {
        try (Connection c = mirror.targetDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(String sql, Reader<T> reader) {
        try (Connection c = mirror.targetDataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<T> r = new ArrayList<>();
            while (rs.next()) {
                r.add(reader.read(rs));
            }
            return r;
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (ownsDatabase) {
            try {
                execute("SHUTDOWN"); // the in-memory database outlives the pool (DB_CLOSE_DELAY=-1) until this
            } catch (AssertionError ignored) {
                // already closed
            }
        }
        mirror.close();
    }

    /** Records hook calls (a hook written in code, as an embedding application adds one). */
    private final class Recorder implements LifecycleHook {
        @Override
        public void onTableReconciled(TableEvent event) {
            events.add("reconciled:" + event.table() + ":" + event.action());
        }

        @Override
        public void onTableWiped(TableEvent event) {
            events.add("wiped:" + event.table());
        }

        @Override
        public void onShadowLoaded(TableEvent event, String shadowTable) {
            events.add("shadowLoaded:" + event.table() + ":" + shadowTable);
        }

        @Override
        public void onTablePopulated(TableEvent event) {
            events.add("populated:" + event.table());
        }

        @Override
        public void onTableDropped(TableEvent event) {
            events.add("dropped:" + event.table());
        }

        @Override
        public void onCycleFailed(dev.mirror.api.hook.HookContext context, Throwable cause) {
            events.add("cycleFailed:" + cause.getMessage());
        }
    }
}
