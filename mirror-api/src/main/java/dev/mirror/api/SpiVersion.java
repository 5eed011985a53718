package dev.mirror.api;

/**
 * The version of the plugin SPI (this module's contracts), {@code MAJOR.MINOR}. A minor version adds to the SPI (new
 * default methods, new types) and stays compatible with plugins built for an earlier minor version of the same major;
 * a major version changes or removes something, and plugins must be rebuilt.
 *
 * <p>A plugin states the version it was built against by overriding {@code spiVersion()} on its provider with
 * {@code return SpiVersion.VERSION;}: {@link #VERSION} is a compile-time constant, so the Java compiler copies its value
 * into the plugin's class file (JLS 13.1), and the running mirror sees the version the plugin was compiled against, not
 * its own. Core refuses to use a plugin built for another major version or for a newer minor version, with a message
 * naming the plugin, its jar and both versions.
 */
public final class SpiVersion {
    /** Incompatible changes. */
    public static final int MAJOR = 2;
    /**
     * Compatible additions within {@link #MAJOR}. History: 1.1 added the shadow-table swap
     * ({@code TargetDialect.swapShadow}, {@code renameIndex}), {@code LifecycleHook.onShadowLoaded} and
     * {@code ChangeSource.allowedContexts}; 2.0 split {@code ChangeSource} into {@code PullSource} and
     * {@code PushSource} (with their own providers), gave every provider's {@code create} a {@code PluginContext} and
     * made context identifiers a {@code ContextId}; 2.1 added the diagnostics/admin facet of a source
     * ({@code Source.diagnostics()}, package {@code dev.mirror.api.admin}).
     */
    public static final int MINOR = 1;
    /** {@code MAJOR.MINOR}, a compile-time constant. */
    public static final String VERSION = "2.1";
    /** What a provider that does not override {@code spiVersion()} is taken to be built for: the first SPI. */
    public static final String UNSTATED = "1.0";

    private SpiVersion() {
    }
}
