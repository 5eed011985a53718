package dev.mirror.indexes;

import dev.mirror.api.PluginContext;
import dev.mirror.api.SpiVersion;
import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.api.hook.LifecycleHookProvider;

/**
 * The {@code indexes} hook: keeps the indexes declared in the configuration present on mirror tables
 * (indexes are not mirrored). Enabled with
 * <pre>
 * hooks:
 *   - name: indexes
 *     tables:
 *       contact:
 *         - name: ix_contact_name
 *           columns: [name, "department desc"]
 *           unique: false
 *           include: [business_idx]
 *           filter: "deleted = 0"
 * </pre>
 */
public final class IndexesHookProvider implements LifecycleHookProvider {
    /** The name users write in the configuration. */
    public static final String NAME = "indexes";

    @Override
    public String name() {
        return NAME;
    }

    /** Built against this SPI version (a compile-time constant, recorded in this class file). */
    @Override
    public String spiVersion() {
        return SpiVersion.VERSION;
    }

    @Override
    public LifecycleHook create(PluginContext context) {
        PluginConfig config = context.config();
        return new IndexesHook(IndexesConfiguration.read(config));
    }
}
