package com.example.mirror.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the assembled distribution (target/mirror-custom-VERSION, made by this module's assembly before the test phase)
 * the way a user would: its launcher, in a JVM of its own, with only its lib/ on the class path.
 */
class CustomDistributionTest {
    private static final Path DIST = Path.of(System.getProperty("distribution.dir", "target/mirror-custom-0.1.0-SNAPSHOT"));
    private static final List<String> KINDS = List.of("target", "pull source", "push source", "hook");

    @TempDir
    Path dir;

    @Test
    void itSeesExactlyTheSqlServerSourceAndTheMariaDbTarget() throws Exception {
        Run r = mirror("plugins");
        assertEquals(0, r.code, r.toString());
        assertEquals(Set.of("pull source sqlserver", "target mariadb"), plugins(r.out), r.toString());
    }

    @Test
    void itsLibHoldsTheFrontEndAndTheTwoPluginsOnly() throws IOException {
        Set<String> mirrorJars;
        try (Stream<Path> lib = Files.list(DIST.resolve("lib"))) {
            mirrorJars = lib.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("mirror-"))
                    .map(n -> n.replaceFirst("-\\d.*$", "")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(Set.of("mirror-api", "mirror-core", "mirror-cli", "mirror-dialect-support", "mirror-mariadb",
                "mirror-sqlserver-common", "mirror-sqlserver-source")), mirrorJars);
        assertTrue(Files.isRegularFile(DIST.resolve("bin/mirror.bat")), "bin/mirror.bat");
        assertTrue(Files.isDirectory(DIST.resolve("plugins")), "plugins/");
    }

    @Test
    void withoutH2AConfigurationWithoutATargetIsRefusedClearly() throws Exception {
        Path config = dir.resolve("no-target.yaml");
        Files.writeString(config, "context: Cust12345\nsource:\n  type: sqlserver\n"
                + "  url: jdbc:sqlserver://crm.example.com;databaseName=SuperOffice\n");
        Run r = mirror("validate", "--config", config.toString());
        assertNotEquals(0, r.code, r.toString());
        assertTrue(r.all().contains("no target is configured") && r.all().contains("mariadb")
                && r.all().contains("target.url"), r.toString());

        Run demo = mirror("demo", "--dir", dir.resolve("demo").toString());
        assertNotEquals(0, demo.code, demo.toString());
        assertTrue(demo.all().contains("holds no H2 target") && demo.all().contains("--target"), demo.toString());
    }

    /** "kind name" of each row of 'mirror plugins' (kinds may hold a space: "pull source"). */
    private static Set<String> plugins(String out) {
        Set<String> found = new TreeSet<>();
        for (String line : out.split("\\R")) {
            String row = line.trim();
            for (String kind : KINDS) {
                if (row.startsWith(kind + " ")) {
                    found.add(kind + " " + row.substring(kind.length()).trim().split("\\s+")[0]);
                }
            }
        }
        return found;
    }

    private record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
        }
    }

    /** bin/mirror (bin\mirror.bat on Windows) with the JVM running this test as JAVA_HOME. */
    private Run mirror(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        boolean windows = File.separatorChar == '\\';
        if (windows) {
            command.addAll(List.of("cmd", "/c", DIST.resolve("bin/mirror.bat").toString()));
        } else {
            command.addAll(List.of("sh", DIST.resolve("bin/mirror").toString()));
        }
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("JAVA_OPTS");
        pb.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("mirror " + String.join(" ", args) + " did not end within 2 minutes");
        }
        return new Run(p.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
