package dev.mirror.core.internal.hooks;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.hook.HookContext;
import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.api.hook.TableEvent;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the enabled hooks in configuration order. A hook that throws is logged with its name and the failure
 * returned as a warning for the cycle report; it never fails the table or the cycle (see {@link LifecycleHook}).
 */
public final class HookDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(HookDispatcher.class);

    /** A hook with the name it was enabled under. */
    public record NamedHook(String name, LifecycleHook hook) {
        public NamedHook {
            requireNonNull(name, "name is null");
            requireNonNull(hook, "hook is null");
        }
    }

    private final List<NamedHook> hooks;
    private final Redactor redactor;

    public HookDispatcher(List<NamedHook> hooks, Redactor redactor) {
        this.hooks = List.copyOf(hooks);
        this.redactor = requireNonNull(redactor, "redactor is null");
    }

    public List<NamedHook> hooks() {
        return hooks;
    }

    public List<String> cycleStarted(HookContext context) {
        return each("onCycleStarted", h -> h.onCycleStarted(context));
    }

    public List<String> tableReconciled(TableEvent e) {
        return each("onTableReconciled(" + e.table() + ")", h -> h.onTableReconciled(e));
    }

    public List<String> tableWiped(TableEvent e) {
        return each("onTableWiped(" + e.table() + ")", h -> h.onTableWiped(e));
    }

    public List<String> shadowLoaded(TableEvent e, String shadowTable) {
        return each("onShadowLoaded(" + e.table() + ")", h -> h.onShadowLoaded(e, shadowTable));
    }

    public List<String> tablePopulated(TableEvent e) {
        return each("onTablePopulated(" + e.table() + ")", h -> h.onTablePopulated(e));
    }

    public List<String> tableDropped(TableEvent e) {
        return each("onTableDropped(" + e.table() + ")", h -> h.onTableDropped(e));
    }

    public List<String> cycleCompleted(HookContext context, CycleReport report) {
        return each("onCycleCompleted", h -> h.onCycleCompleted(context, report));
    }

    public List<String> cycleFailed(HookContext context, Throwable cause) {
        return each("onCycleFailed", h -> h.onCycleFailed(context, cause));
    }

    private List<String> each(String event, Consumer<LifecycleHook> call) {
        List<String> warnings = List.of();
        for (NamedHook h : hooks) {
            try {
                call.accept(h.hook());
            } catch (RuntimeException e) {
                String w = "hook '" + h.name() + "' failed in " + event + ": " + redactor.describe(e);
                LOG.warn("{} (the mirror goes on; hooks never fail a table)", w);
                if (warnings.isEmpty()) {
                    warnings = new ArrayList<>();
                }
                warnings.add(w);
            }
        }
        return warnings;
    }
}
