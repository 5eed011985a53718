package dev.mirror.core.plugins;

import static java.util.Objects.requireNonNull;

/**
 * A provider found through ServiceLoader.
 *
 * @param kind     {@code target}, {@code source} or {@code hook}
 * @param name     the provider's name
 * @param provider the provider instance
 * @param location the jar (or directory) it came from
 * @param version  the jar's Implementation-Version, or {@code unknown}
 * @param spiVersion the SPI version the plugin states it was built against ({@code spiVersion()})
 */
public record Discovered<T>(String kind, String name, T provider, String location, String version, String spiVersion) {
    public Discovered {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(provider, "provider is null");
        requireNonNull(location, "location is null");
        requireNonNull(version, "version is null");
        requireNonNull(spiVersion, "spiVersion is null");
    }

    /** Null when the plugin can run on this mirror's SPI; otherwise why not (plugin, jar, both versions). */
    public String spiProblem() {
        return SpiCompatibility.problem(this);
    }
}
