package com.example.mirror.report;

import dev.mirror.api.PluginContext;
import dev.mirror.api.SpiVersion;
import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.api.hook.LifecycleHookProvider;
import java.util.regex.Pattern;

/**
 * Entry point of the {@code cycle-report} hook, listed in
 * {@code META-INF/services/dev.mirror.api.hook.LifecycleHookProvider}. Enabled with
 * <pre>
 * hooks:
 *   - name: cycle-report
 *     table: mirror_cycle_report   # optional, this is the default
 * </pre>
 */
public final class CycleReportHookProvider implements LifecycleHookProvider {
    static final String DEFAULT_TABLE = "mirror_cycle_report";
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    @Override
    public String name() {
        return "cycle-report";
    }

    /** Built against this SPI version (a compile-time constant, recorded in this class file). */
    @Override
    public String spiVersion() {
        return SpiVersion.VERSION;
    }

    @Override
    public LifecycleHook create(PluginContext context) {
        PluginConfig config = context.config();
        String table = config.string("table", DEFAULT_TABLE).trim();
        if (!TABLE_NAME.matcher(table).matches()) {
            // The name is quoted anyway; this only keeps it portable across every target.
            config.problem("table", "'" + table + "' is not a simple table name: use letters, digits and _ "
                    + "(at most 63, not starting with a digit), e.g. " + DEFAULT_TABLE);
            table = DEFAULT_TABLE;
        }
        return new CycleReportHook(table);
    }
}
