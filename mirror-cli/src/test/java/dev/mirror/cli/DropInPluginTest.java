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
 * start, listed by 'mirror plugins' with its jar and version, enabled by name, and called during 'mirror run'.
 */
class DropInPluginTest {
    @TempDir
    Path dir;

    private static final String SOURCE = """
            package com.thirdparty.mirror;

            import dev.mirror.api.config.PluginConfig;
            import dev.mirror.api.hook.HookContext;
            import dev.mirror.api.hook.LifecycleHook;
            import dev.mirror.api.hook.LifecycleHookProvider;
            import dev.mirror.api.protocol.CycleReport;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public final class MarkerHookProvider implements LifecycleHookProvider {
                public String name() { return "marker"; }
                public LifecycleHook create(PluginConfig config) {
                    Path file = Path.of(config.requiredString("file"));
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
        assertThat(list.out()).containsPattern("hook\\s+marker\\s+" + jar.getFileName().toString().replace(".", "\\.") + "\\s+1\\.2\\.3\\s+yes");

        Cli.Result run = Cli.run("run", "--config", config.toString(), "--once");
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(marker).hasContent("DropIn 11");
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
