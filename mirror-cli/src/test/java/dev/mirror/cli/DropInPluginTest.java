package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party hook shipped as a jar dropped into the plugins directory: compiled here against mirror-api only, found at
 * start, listed by 'mirror plugins' with its jar, version and SPI version, enabled by name, and called during 'mirror run';
 * two plugin jars carrying different versions of the same library each use their own (one class loader per plugin);
 * a plugin built for another SPI version is refused with a message naming the plugin, its jar and both versions.
 */
class DropInPluginTest {
    @TempDir
    Path dir;

    private static final String SOURCE = """
            package com.thirdparty.mirror;

            import dev.mirror.api.PluginContext;
            import dev.mirror.api.SpiVersion;
            import dev.mirror.api.hook.HookContext;
            import dev.mirror.api.hook.LifecycleHook;
            import dev.mirror.api.hook.LifecycleHookProvider;
            import dev.mirror.api.protocol.CycleReport;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public final class MarkerHookProvider implements LifecycleHookProvider {
                public String name() { return "marker"; }
                public String spiVersion() { return SpiVersion.VERSION; }
                public LifecycleHook create(PluginContext context) {
                    Path file = Path.of(context.config().requiredString("file"));
                    return new LifecycleHook() {
                        public void onCycleCompleted(HookContext context, CycleReport report) {
                            try {
                                Files.writeString(file, context.contextId() + " " + report.tables().size());
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    };
                }
            }
            """;

    @Test
    void aJarInThePluginsDirectoryIsFoundListedEnabledAndCalled() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = buildJar(plugins.resolve("marker-hook-1.2.3.jar"));
        Path marker = dir.resolve("marker.txt");
        Path config = dir.resolve("mirror.yaml");
        Files.writeString(config, """
                context: DropIn
                source: {type: sample, advance: false, steps: 1}
                target: {dialect: h2, url: "jdbc:h2:file:%s"}
                plugins: {directory: "%s"}
                hooks:
                  - name: marker
                    file: "%s"
                """.formatted(dir.resolve("db").toAbsolutePath().toString().replace('\\', '/'), plugins.toString().replace('\\', '/'),
                marker.toString().replace('\\', '/')));

        Cli.Result list = Cli.run("plugins", "--config", config.toString());
        assertThat(list.code()).as(list.toString()).isZero();
        assertThat(list.out()).containsPattern("hook\\s+marker\\s+" + jar.getFileName().toString().replace(".", "\\.") + "\\s+1\\.2\\.3\\s+"
                + dev.mirror.api.SpiVersion.VERSION.replace(".", "\\.") + "\\s+yes");

        Cli.Result run = Cli.run("run", "--config", config.toString(), "--once");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(marker).hasContent("DropIn 11");
    }

    /** A hook writing {@code Greeting.text()} of the library class it carries to a file when a cycle completes. */
    private static String greetingHook(String pkg, String name) {
        return """
                package %s;

                import dev.mirror.api.PluginContext;
                import dev.mirror.api.SpiVersion;
                import dev.mirror.api.hook.HookContext;
                import dev.mirror.api.hook.LifecycleHook;
                import dev.mirror.api.hook.LifecycleHookProvider;
                import dev.mirror.api.protocol.CycleReport;
                import java.nio.file.Files;
                import java.nio.file.Path;

                public final class Provider implements LifecycleHookProvider {
                    public String name() { return "%s"; }
                    public String spiVersion() { return SpiVersion.VERSION; }
                    public LifecycleHook create(PluginContext context) {
                        Path file = Path.of(context.config().requiredString("file"));
                        return new LifecycleHook() {
                            public void onCycleCompleted(HookContext context, CycleReport report) {
                                try {
                                    Files.writeString(file, com.shared.lib.Greeting.text());
                                } catch (java.io.IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            }
                        };
                    }
                }
                """.formatted(pkg, name);
    }

    private static String greetingLibrary(String text) {
        return "package com.shared.lib;\npublic final class Greeting {\n    public static String text() { return \"" + text
                + "\"; }\n}\n";
    }

    @Test
    void twoPluginsCarryingDifferentVersionsOfOneLibraryEachUseTheirOwn() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        jar(plugins.resolve("alpha-hook.jar"), "1.0", java.util.Map.of("com.alpha.Provider", greetingHook("com.alpha", "alpha"),
                "com.shared.lib.Greeting", greetingLibrary("library v1")), "com.alpha.Provider");
        Path betaDir = Files.createDirectories(plugins.resolve("beta")); // a plugin as a directory: its jar and its library's jar
        jar(betaDir.resolve("beta-hook.jar"), "2.0", java.util.Map.of("com.beta.Provider", greetingHook("com.beta", "beta"),
                "com.shared.lib.Greeting", greetingLibrary("library v2")), "com.beta.Provider");
        Path a = dir.resolve("alpha.txt");
        Path b = dir.resolve("beta.txt");
        Path config = config(plugins, "  - name: alpha\n    file: \"" + slash(a) + "\"\n  - name: beta\n    file: \"" + slash(b) + "\"\n");
        Cli.Result run = Cli.run("run", "--config", config.toString(), "--once");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(a).hasContent("library v1");
        assertThat(b).hasContent("library v2");
    }

    @Test
    void aPluginBuiltForSpi1IsRefusedNamingThePluginItsJarAndBothVersions() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        // what a plugin compiled against SPI 1.1 states (its spiVersion() returned the 1.1 constant)
        String source = greetingHook("com.old", "old").replace("return SpiVersion.VERSION;", "return \"1.1\";");
        jar(plugins.resolve("old-hook-1.jar"), "1", java.util.Map.of("com.old.Provider", source,
                "com.shared.lib.Greeting", greetingLibrary("x")), "com.old.Provider");
        Path config = config(plugins, "  - name: old\n    file: \"" + slash(dir.resolve("o.txt")) + "\"\n");
        Cli.Result list = Cli.run("plugins", "--config", config.toString());
        assertThat(list.out()).containsPattern("old\\s+old-hook-1\\.jar\\s+1\\s+1\\.1 \\(incompatible\\)");
        Cli.Result run = Cli.run("run", "--config", config.toString(), "--once");
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(run.err()).contains("hook plugin 'old'").contains("old-hook-1.jar")
                .contains("built for mirror SPI 1.1, but this mirror provides SPI " + dev.mirror.api.SpiVersion.VERSION).contains("use a build of the plugin");
        assertThat(dir.resolve("o.txt")).as("an incompatible plugin is never called").doesNotExist();
    }

    @Test
    void aPluginBuiltForAnotherSpiVersionIsRefusedNamingThePluginItsJarAndBothVersions() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        String source = greetingHook("com.future", "future").replace("return SpiVersion.VERSION;", "return \"3.0\";");
        jar(plugins.resolve("future-hook-9.jar"), "9", java.util.Map.of("com.future.Provider", source,
                "com.shared.lib.Greeting", greetingLibrary("x")), "com.future.Provider");
        Path config = config(plugins, "  - name: future\n    file: \"" + slash(dir.resolve("f.txt")) + "\"\n");
        Cli.Result list = Cli.run("plugins", "--config", config.toString());
        assertThat(list.out()).containsPattern("future\\s+future-hook-9\\.jar\\s+9\\s+3\\.0 \\(incompatible\\)");
        Cli.Result run = Cli.run("run", "--config", config.toString(), "--once");
        assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(run.err()).contains("hook plugin 'future'").contains("future-hook-9.jar")
                .contains("SPI 3.0").contains("provides SPI " + dev.mirror.api.SpiVersion.VERSION);
    }

    private Path config(Path plugins, String hooks) throws Exception {
        Path config = dir.resolve("mirror.yaml");
        Files.writeString(config, """
                context: DropIn
                source: {type: sample, advance: false, steps: 1}
                target: {dialect: h2, url: "jdbc:h2:file:%s"}
                plugins: {directory: "%s"}
                hooks:
                """.formatted(slash(dir.resolve("db").toAbsolutePath()), slash(plugins)) + hooks);
        return config;
    }

    private static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }

    /** Compiles {@code sources} (class name to source) against this class path and jars them with a service entry. */
    private Path jar(Path jar, String version, java.util.Map<String, String> sources, String provider) throws Exception {
        Path work = Files.createTempDirectory(dir, "build");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new java.util.ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
        for (java.util.Map.Entry<String, String> e : sources.entrySet()) {
            Path src = work.resolve("src").resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(src.getParent());
            Files.writeString(src, e.getValue());
            args.add(src.toString());
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).as("compiling").isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue("Implementation-Version", version);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             java.util.stream.Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, (OutputStream) out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/dev.mirror.api.hook.LifecycleHookProvider"));
            out.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private Path buildJar(Path jar) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/com/thirdparty/mirror")).resolve("MarkerHookProvider.java");
        Files.writeString(src, SOURCE);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(rc).as("compiling the drop-in plugin").isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        manifest.getMainAttributes().putValue("Implementation-Version", "1.2.3");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (String name : List.of("com/thirdparty/mirror/MarkerHookProvider.class", "com/thirdparty/mirror/MarkerHookProvider$1.class")) {
                out.putNextEntry(new JarEntry(name));
                Files.copy(classes.resolve(name), (OutputStream) out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/dev.mirror.api.hook.LifecycleHookProvider"));
            out.write("com.thirdparty.mirror.MarkerHookProvider\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
