package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes of docs/exit-codes.md after SIGTERM (not the JVM's 143): {@code mirror} runs in a child JVM through
 * its real {@code main}, and the test sends it SIGTERM ({@link Process#destroy()}) at a chosen moment.
 */
class SigtermExitCodeTest {
    @TempDir
    Path dir;

    private Path config(String source, String target, String run) throws IOException {
        Path file = dir.resolve("mirror.yaml");
        Files.writeString(file, "context: Sig\nsource:\n" + source + "target:\n" + target + "run:\n  lockTtl: 30s\n" + run);
        return file;
    }

    private String h2() {
        return "  dialect: h2\n  url: jdbc:h2:file:" + dir.resolve("db").toAbsolutePath().toString().replace('\\', '/') + "/mirror\n";
    }

    @Test
    void runEveryStoppedWhileIdleExitsWithTheLastCyclesCode() throws Exception {
        Path cfg = config("  type: sample\n  advance: false\n", h2(), "");
        Child child = Child.start(dir, "run", "--config", cfg.toString(), "--every", "1h");
        child.awaitOut("total: ");
        assertThat(child.sigterm()).as(child.toString()).isEqualTo(ExitCodes.OK);
        assertThat(child.out()).contains("stopped on request");
    }

    @Test
    void runOnceStoppedInTheMiddleOfTheCycleExitsWithThatCyclesCode() throws Exception {
        Path cfg = config("  type: sample\n  advance: false\n  scale: 40\n", h2(), "");
        Child child = Child.start(dir, "run", "--config", cfg.toString(), "--once");
        child.awaitOut(" done"); // the first table is loaded; the others are still to come
        assertThat(child.sigterm()).as(child.toString()).isEqualTo(ExitCodes.TABLE_FAILURES);
        assertThat(child.out()).contains("not applied: the run is stopping");
    }

    @Test
    void runOnceStoppedWhileWaitingForAnUnreachableTargetExitsWithTheTargetCode() throws Exception {
        Path cfg = config("  type: sample\n", "  url: jdbc:postgresql://127.0.0.1:1/nowhere\n", "");
        Child child = Child.start(dir, "run", "--config", cfg.toString(), "--once");
        child.awaitErr("next attempt in");
        assertThat(child.sigterm()).as(child.toString()).isEqualTo(ExitCodes.TARGET);
        assertThat(child.err()).contains("connecting to the target and taking the run lock failed (attempt 1, TARGET_CONNECTION)")
                .contains("mirror run: stopped while waiting for the target: ");
    }

    @Test
    void serveStoppedExitsZero() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair app = g.generateKeyPair();
        KeyPair so = g.generateKeyPair();
        Path key = Files.writeString(dir.resolve("app.pem"), pem("PRIVATE KEY", app.getPrivate().getEncoded()));
        Path cert = Files.writeString(dir.resolve("so.pem"), pem("PUBLIC KEY", so.getPublic().getEncoded()));
        Path cfg = config("  type: superoffice\n  port: 0\n  bindAddress: 127.0.0.1\n  applicationId: 6cf25376616343b38d14ddcd804f2891\n"
                + "  privateKeyFile: " + key.toAbsolutePath() + "\n  superOfficeCertificates: [" + cert.toAbsolutePath() + "]\n",
                h2().replace("/mirror\n", "/mirror;AUTO_SERVER=TRUE\n"), ""); // AUTO_SERVER: a second process may open the file
        Child child = Child.start(dir, "serve", "--config", cfg.toString());
        child.awaitOut("stop with SIGTERM");
        Cli.Result resync = Cli.run("resync", "--config", cfg.toString(), "--all");
        assertThat(resync.code()).as("serve holds the run lock: " + resync).isEqualTo(ExitCodes.LOCK_HELD);
        assertThat(resync.err()).contains("another mirror run holds the lock").contains("pid " + child.process().pid());
        assertThat(child.sigterm()).as(child.toString()).isEqualTo(ExitCodes.OK);
        assertThat(child.out()).contains("stopping");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END "
                + type + "-----\n";
    }

    /** {@code mirror} in a child JVM, stdout and stderr in files. */
    private record Child(Process process, Path outFile, Path errFile) {
        static Child start(Path dir, String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), MirrorCli.class.getName()));
            cmd.addAll(List.of(args));
            Path out = dir.resolve("child.out");
            Path err = dir.resolve("child.err");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new Child(p, out, err);
        }

        String out() throws IOException {
            return Files.readString(outFile);
        }

        String err() throws IOException {
            return Files.readString(errFile);
        }

        void awaitOut(String text) throws Exception {
            await(outFile, text);
        }

        void awaitErr(String text) throws Exception {
            await(errFile, text);
        }

        private void await(Path file, String text) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(file).contains(text)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new AssertionError("no '" + text + "' from the child (alive: " + process.isAlive() + ")\n" + this);
                }
                Thread.sleep(50);
            }
        }

        /** Sends SIGTERM and returns the exit code. */
        int sigterm() throws Exception {
            process.destroy(); // SIGTERM on Unix
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the child did not stop after SIGTERM\n" + this);
            }
            return process.exitValue();
        }

        @Override
        public String toString() {
            try {
                return "--- out ---\n" + out() + "\n--- err ---\n" + err();
            } catch (IOException e) {
                return e.toString();
            }
        }
    }
}
