package dev.mirror.testkit.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mirror.api.MirrorException;
import dev.mirror.api.hook.HookContext;
import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.api.hook.LifecycleHookProvider;
import dev.mirror.api.hook.TableEvent;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.protocol.TableReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every lifecycle-hook plugin must pass. Subclass it in the plugin's tests, say
 * which provider name to load and give a valid configuration; the suite then checks what core relies on:
 *
 * <ul>
 *   <li>the provider is found through {@link ServiceLoader} by its lower-case name, exactly once;</li>
 *   <li>a valid configuration records no problem and leaves no key unread; a wrong or empty one records
 *       problems instead of throwing;</li>
 *   <li>the hook survives every event with minimal inputs (every {@link SchemaAction}, a dropped table
 *       without schema, empty reports, a failed cycle), including events for tables it knows nothing
 *       about and tables with hostile names;</li>
 *   <li>when the target refuses its SQL the hook does not throw but reports the failure (through what
 *       {@link #reportedProblems} returns), and one hook instance shares no state with another;</li>
 *   <li>events may arrive from several threads for several contexts at once.</li>
 * </ul>
 *
 * The hook runs against a {@link RecordingTargetSession} (override {@link #newSession()} to use another).
 */
public abstract class AbstractLifecycleHookTest {
    /** The name the provider answers, as users write it in {@code hooks: [{name: ...}]}. */
    protected abstract String providerName();

    /** A valid configuration subtree of the hook (without the {@code name} key). */
    protected abstract Map<String, Object> configuration();

    /**
     * The problems the hook reports about its current cycle (for example its per-cycle problem list):
     * the suite asserts it is not empty after the target refused the hook's SQL.
     */
    protected abstract List<String> reportedProblems(LifecycleHook hook);

    /** A table the configuration is about (its events reach the hook's real work). */
    protected TableSchema table() {
        return new TableSchema("contact", List.of(
                Column.of("contact_id", SqlType.of(SqlServerType.INT), false),
                Column.of("name", SqlType.ofLength(SqlServerType.NVARCHAR, 220), true),
                Column.of("department", SqlType.ofLength(SqlServerType.NVARCHAR, 220), true),
                Column.of("business_idx", SqlType.of(SqlServerType.INT), true),
                Column.of("deleted", SqlType.of(SqlServerType.INT), false)),
                List.of("contact_id"));
    }

    /** A fresh session for one test; the default records calls over {@link KitDialect#minimal()}. */
    protected RecordingTargetSession newSession() {
        return new RecordingTargetSession();
    }

    /** Finds the provider through the service loader, as core does. */
    protected final LifecycleHookProvider provider() {
        List<LifecycleHookProvider> found = new ArrayList<>();
        for (LifecycleHookProvider p : ServiceLoader.load(LifecycleHookProvider.class)) {
            if (p.name().equals(providerName())) {
                found.add(p);
            }
        }
        assertThat(found).as("providers named '%s' in META-INF/services/%s", providerName(),
                LifecycleHookProvider.class.getName()).hasSize(1);
        return found.get(0);
    }

    /** Creates the hook from {@link #configuration()}, asserting the configuration is clean. */
    protected final LifecycleHook newHook() {
        MapPluginConfig config = new MapPluginConfig("hooks[0]", configuration());
        LifecycleHook hook = provider().create(config.context("Cust1"));
        assertThat(hook).as("hook created by provider '%s'", providerName()).isNotNull();
        assertThat(config.problems()).as("problems recorded for a valid configuration").isEmpty();
        return hook;
    }

    @Test
    void providerIsFoundThroughTheServiceLoaderByItsLowerCaseName() {
        assertThat(providerName()).as("provider names are lower case").isEqualTo(providerName().toLowerCase(Locale.ROOT));
        assertThat(provider().name()).isEqualTo(providerName());
    }

    @Test
    void providerNamesAreUnique() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(LifecycleHookProvider.class).forEach(p -> names.add(p.name()));
        assertThat(names).as("hook provider names on the class path").doesNotHaveDuplicates();
    }

    @Test
    void validConfigurationRecordsNoProblemAndNoUnknownKey() {
        MapPluginConfig config = new MapPluginConfig("hooks[0]", configuration());
        assertThat(provider().create(config.context("Cust1"))).isNotNull();
        assertThat(config.problems()).isEmpty();
        assertThat(config.unknownKeys()).as("configuration keys the hook never read").isEmpty();
    }

    @Test
    void badConfigurationIsRecordedNotThrown() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of(), Map.of("tables", 42, "table", List.of(1, 2), "unique", "perhaps"), Map.of("x", Map.of("y", List.of())))) {
            MapPluginConfig config = new MapPluginConfig("hooks[0]", bad);
            assertThatCode(() -> provider().create(config.context("Cust1"))).as("create with %s", bad).doesNotThrowAnyException();
        }
    }

    @Test
    void survivesEveryEventWithMinimalInputs() {
        LifecycleHook hook = newHook();
        RecordingTargetSession session = newSession();
        HookContext ctx = new KitHookContext("Cust1", session);
        assertThatCode(() -> {
            runCycle(hook, ctx, table());
            runCycle(hook, ctx, minimal(table().name()));
        }).doesNotThrowAnyException();
    }

    @Test
    void toleratesEventsForUnknownTables() {
        LifecycleHook hook = newHook();
        HookContext ctx = new KitHookContext("Cust1", newSession());
        assertThatCode(() -> {
            runCycle(hook, ctx, minimal("no_such_table_in_the_configuration"));
            runCycle(hook, ctx, minimal("we\"ird]] name;--"));
        }).doesNotThrowAnyException();
    }

    @Test
    void neverThrowsWhenTheTargetRefusesItsSqlButReportsIt() {
        LifecycleHook hook = newHook();
        RecordingTargetSession session = newSession().failEverything("target refused the statement (test)");
        HookContext ctx = new KitHookContext("Cust1", session);
        assertThatCode(() -> runCycle(hook, ctx, table())).doesNotThrowAnyException();
        assumeTrue(session.attempts() > 0, "the hook ran no SQL during a whole cycle, so there was nothing to report");
        assertThat(reportedProblems(hook)).as("problems the hook reports after the target refused its SQL").isNotEmpty();
    }

    @Test
    void instancesShareNoState() {
        LifecycleHook failing = newHook();
        LifecycleHook healthy = newHook();
        runCycle(failing, new KitHookContext("Cust1", newSession().failEverything("refused (test)")), table());
        runCycle(healthy, new KitHookContext("Cust1", newSession()), table());
        assertThat(reportedProblems(healthy)).as("problems of a hook whose target accepted everything").isEmpty();
    }

    @Test
    void eventsFromSeveralThreadsAndContexts() throws Exception {
        LifecycleHook hook = newHook();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                HookContext ctx = new KitHookContext("Cust" + i, newSession());
                runs.add(pool.submit(() -> runCycle(hook, ctx, table())));
            }
            for (Future<?> f : runs) {
                assertThatCode(f::get).doesNotThrowAnyException();
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
    }

    /** Every event of one cycle for one table, in the order core sends them, plus the odd ones. */
    protected static void runCycle(LifecycleHook hook, HookContext ctx, TableSchema schema) {
        Instant started = Instant.parse("2024-05-01T10:00:00Z");
        String t = schema.name();
        hook.onCycleStarted(ctx);
        for (SchemaAction action : SchemaAction.values()) {
            hook.onTableReconciled(new TableEvent(ctx, t, schema, action, ""));
        }
        hook.onTableWiped(new TableEvent(ctx, t, schema, SchemaAction.NONE, ""));
        hook.onTablePopulated(new TableEvent(ctx, t, schema, SchemaAction.NONE, ""));
        hook.onTableDropped(new TableEvent(ctx, t, null, SchemaAction.DROPPED, ""));
        hook.onCycleCompleted(ctx, new CycleReport(ctx.contextId(), started, started, List.of()));
        hook.onCycleCompleted(ctx, new CycleReport(ctx.contextId(), started, started.plusSeconds(1), List.of(
                new TableReport(t, SchemaAction.NONE, "", new TableCounts(1, 2, 3), 42, false, null),
                new TableReport(t + "_2", SchemaAction.FAILED, "", TableCounts.ZERO, -1, false, "boom"))));
        hook.onCycleFailed(ctx, new MirrorException("SOURCE_UNREACHABLE", dev.mirror.api.ErrorCategory.SOURCE, "test"));
    }

    /** The smallest table there is: one integer key. */
    protected static TableSchema minimal(String name) {
        return new TableSchema(name, List.of(Column.of("id", SqlType.of(SqlServerType.INT), false)), List.of("id"));
    }
}
