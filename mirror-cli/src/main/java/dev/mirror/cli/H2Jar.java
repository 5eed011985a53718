package dev.mirror.cli;

import java.nio.file.Path;

/** Where H2's jar is (in the distribution {@code lib/h2-<version>.jar}), for the commands the demo prints. */
final class H2Jar {
    private H2Jar() {
    }

    static String path() {
        try {
            return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            return "lib/h2-*.jar";
        }
    }
}
