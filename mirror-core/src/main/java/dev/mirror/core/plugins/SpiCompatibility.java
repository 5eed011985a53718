package dev.mirror.core.plugins;

import dev.mirror.api.MirrorException;
import dev.mirror.api.SpiVersion;

/** Whether a plugin built for one SPI version can run on this mirror's (see {@link SpiVersion}). */
final class SpiCompatibility {
    private SpiCompatibility() {
    }

    /** Null when compatible; otherwise why not, naming the plugin, its jar and both versions. */
    static String problem(Discovered<?> d) {
        String stated = d.spiVersion();
        String[] parts = stated == null ? new String[0] : stated.trim().split("\\.");
        int major;
        int minor;
        try {
            major = Integer.parseInt(parts[0]);
            minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return describe(d) + " states SPI version '" + stated + "', which is not MAJOR.MINOR; its provider's spiVersion() "
                    + "should return SpiVersion.VERSION";
        }
        if (major == SpiVersion.MAJOR && minor <= SpiVersion.MINOR) {
            return null;
        }
        return describe(d) + " was built for mirror SPI " + major + "." + minor + ", but this mirror provides SPI "
                + SpiVersion.VERSION + " (it runs plugins built for " + (SpiVersion.MINOR == 0 ? SpiVersion.VERSION
                : SpiVersion.MAJOR + ".0 to " + SpiVersion.VERSION) + "): use a "
                + "build of the plugin for this mirror version, or remove its jar from the plugins directory";
    }

    /** Throws a CONFIGURATION error when {@code d} cannot run here. */
    static void require(Discovered<?> d) {
        String problem = problem(d);
        if (problem != null) {
            throw MirrorException.configuration("PLUGIN_SPI_INCOMPATIBLE", problem);
        }
    }

    private static String describe(Discovered<?> d) {
        return "the " + d.kind() + " plugin '" + d.name() + "' (" + d.provider().getClass().getName() + " in " + d.location()
                + ", version " + d.version() + ")";
    }
}
