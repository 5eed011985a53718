package dev.mirror.tests;

import dev.mirror.api.PluginContext;
import dev.mirror.api.hook.HookContext;
import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.api.hook.LifecycleHookProvider;
import dev.mirror.api.hook.TableEvent;
import dev.mirror.api.protocol.CycleReport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A hook (name {@code recorder}) that records every event as a line, to assert order and counts in tests. */
public final class RecordingHookProvider implements LifecycleHookProvider {
    /** Events seen in this test JVM; tests clear it first. */
    public static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    /** Built against this SPI version (a compile-time constant). */
    @Override
    public String spiVersion() {
        return dev.mirror.api.SpiVersion.VERSION;
    }

    @Override
    public String name() {
        return "recorder";
    }

    @Override
    public LifecycleHook create(PluginContext context) {
        return new LifecycleHook() {
            @Override
            public void onCycleStarted(HookContext context) {
                EVENTS.add("started " + context.contextId());
            }

            @Override
            public void onTableReconciled(TableEvent e) {
                EVENTS.add("reconciled " + e.table() + " " + e.action());
            }

            @Override
            public void onTableWiped(TableEvent e) {
                EVENTS.add("wiped " + e.table());
            }

            @Override
            public void onTablePopulated(TableEvent e) {
                EVENTS.add("populated " + e.table());
            }

            @Override
            public void onTableDropped(TableEvent e) {
                EVENTS.add("dropped " + e.table());
            }

            @Override
            public void onCycleCompleted(HookContext context, CycleReport report) {
                EVENTS.add("completed " + report.tables().size() + " tables " + report.totals());
            }

            @Override
            public void onCycleFailed(HookContext context, Throwable cause) {
                EVENTS.add("failed " + cause.getMessage());
            }
        };
    }
}
