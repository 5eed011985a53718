package dev.mirror.cli;

import java.nio.file.Path;

/**
 * Where H2's jar is (in the distribution {@code lib/h2-<version>.jar}), for the commands the demo prints. Found by name:
 * the front end does not depend on H2, the distribution brings it.
 */
final class H2Jar {
    private H2Jar() {
    }

    static String path() {
        try {
            Class<?> driver = Class.forName("org.h2.Driver", false, H2Jar.class.getClassLoader());
            return Path.of(driver.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            return "lib/h2-*.jar";
        }
    }
}
