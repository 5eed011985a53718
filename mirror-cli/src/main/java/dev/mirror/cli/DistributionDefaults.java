package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * The defaults a distribution chooses for the front end, which itself names no plugin. A distribution puts them in
 * {@value #RESOURCE} on its class path (the full distribution's jar, {@code mirror-distribution}, says
 * {@code target.default=h2}); {@code -D}{@value #TARGET_PROPERTY} overrides it for one run. A distribution without the
 * file (such as one assembled from {@code mirror-bom} with a few plugins) gets core's rule instead: the one target
 * dialect offering an embedded default URL, else a clear error asking for {@code target.dialect} and {@code target.url}.
 */
final class DistributionDefaults {
    /** The class-path resource holding a distribution's defaults (a properties file). */
    static final String RESOURCE = "META-INF/mirror/distribution.properties";
    /** Its key naming the target dialect used when a configuration names neither {@code target.dialect} nor a URL. */
    static final String TARGET_KEY = "target.default";
    /** The system property overriding {@value #TARGET_KEY}. */
    static final String TARGET_PROPERTY = "mirror.target.default";

    private DistributionDefaults() {
    }

    /**
     * The default target dialect's name, or null when neither the system property nor the distribution names one
     * (then core picks the single dialect offering an embedded default, or reports that none does).
     *
     * @throws MirrorException CONFIGURATION {@code DISTRIBUTION_INVALID} when two class-path resources disagree, or one
     *                         cannot be read: the distribution was assembled wrongly, and which default wins must not
     *                         depend on the order of lib/
     */
    static String targetDialect() {
        String override = System.getProperty(TARGET_PROPERTY);
        if (override != null && !override.isBlank()) {
            return override.trim();
        }
        return targetDialect(DistributionDefaults.class.getClassLoader());
    }

    static String targetDialect(ClassLoader loader) {
        List<String> found = new ArrayList<>();
        List<URL> where = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(RESOURCE))) {
                String value = read(url).getProperty(TARGET_KEY);
                if (value != null && !value.isBlank() && !found.contains(value.trim())) {
                    found.add(value.trim());
                    where.add(url);
                }
            }
        } catch (IOException e) {
            throw MirrorException.configuration("DISTRIBUTION_INVALID", "cannot list " + RESOURCE + " on the class path: "
                    + e.getMessage() + "; reinstall the distribution");
        }
        if (found.size() > 1) {
            throw MirrorException.configuration("DISTRIBUTION_INVALID", "the distribution's class path holds " + found.size()
                    + " " + RESOURCE + " naming different default targets (" + String.join(", ", found) + ") in " + where
                    + "; keep one, or choose with -D" + TARGET_PROPERTY + "=NAME or target.dialect in the configuration");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static Properties read(URL url) {
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
            return p;
        } catch (IOException e) {
            throw MirrorException.configuration("DISTRIBUTION_INVALID", "cannot read the distribution's defaults " + url
                    + ": " + e.getMessage() + "; reinstall the distribution");
        }
    }
}
