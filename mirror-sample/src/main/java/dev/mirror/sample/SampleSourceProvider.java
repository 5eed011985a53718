package dev.mirror.sample;

import dev.mirror.api.SpiVersion;
import dev.mirror.api.PluginContext;
import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.PullSourceProvider;
import java.util.Locale;

/**
 * The {@code sample} change source: a deterministic, SuperOffice-shaped data set with a scripted sequence of
 * changes, for the zero-setup demo, the tests and the benchmarks. Configuration keys:
 * <ul>
 *   <li>{@code scale} (int &ge; 1, default 1): multiplies every table's row count;</li>
 *   <li>{@code tables} ({@code core}, the default, or {@code all} for SuperOffice's 413 tables);</li>
 *   <li>{@code steps} ({@code all}, the default, or 1..7): how far the script goes;</li>
 *   <li>{@code advance} (default true): each cycle moves one step forward; false keeps the source at
 *       step {@code steps}.</li>
 * </ul>
 */
public final class SampleSourceProvider implements PullSourceProvider {
    @Override
    public String name() {
        return "sample";
    }

    /** Built against this SPI version (a compile-time constant, recorded in this class file). */
    @Override
    public String spiVersion() {
        return SpiVersion.VERSION;
    }

    @Override
    public PullSource create(PluginContext context) {
        PluginConfig config = context.config();
        int scale = config.integer("scale", 1);
        if (scale < 1) {
            config.problem("scale", "must be an integer of at least 1 (it multiplies the row counts), got " + scale);
            scale = 1;
        }
        String tables = config.string("tables", "core").trim().toLowerCase(Locale.ROOT);
        SampleDataSet.Selection selection = SampleDataSet.Selection.CORE;
        if (tables.equals("all")) {
            selection = SampleDataSet.Selection.ALL;
        } else if (!tables.equals("core")) {
            config.problem("tables", "must be 'core' (the main SuperOffice tables, the default) or 'all' "
                    + "(all 413 tables), got '" + tables + "'");
        }
        int steps = parseSteps(config);
        boolean advance = config.bool("advance", true);
        return new SampleChangeSource(new SampleDataSet(scale, selection), steps, advance, null);
    }

    private static int parseSteps(PluginConfig config) {
        String raw = config.string("steps", "all").trim();
        if (raw.equalsIgnoreCase("all")) {
            return SampleDataSet.LAST_STEP;
        }
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= SampleDataSet.LAST_STEP) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        config.problem("steps", "must be 'all' or a step number 1.." + SampleDataSet.LAST_STEP
                + " (how far the scripted changes go), got '" + raw + "'");
        return SampleDataSet.LAST_STEP;
    }
}
