package dev.mirror.cli;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.Mirror;
import dev.mirror.core.plugins.PluginRegistry;
import dev.mirror.core.verify.VerificationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The zero-setup demo: the sample source into an embedded H2 file, one cycle per scripted step, a table per cycle,
 * then where the mirror is, how to look inside, and a verification that it equals the source.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Mirrors the built-in sample (SuperOffice-shaped data with scripted changes) into an embedded H2 file",
            "(or the database of --target),",
            "one cycle per scripted step, and verifies that the mirror equals the source.",
            "Starts from scratch each time: it deletes only its own files DIR/demo.mv.db and DIR/demo.trace.db."})
final class DemoCommand extends BaseCommand {
    static final String CONTEXT = "Demo";
    static final String DB_NAME = "demo";

    @ParentCommand
    MirrorCli parent;

    @Option(names = "--dir", defaultValue = "mirror-data", paramLabel = "DIR", description = "Where the mirror file goes (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--cycles", defaultValue = "8", description = "Cycles to run (default: ${DEFAULT-VALUE}; the script has 7 steps, later cycles are quiet).")
    int cycles;

    @Option(names = "--scale", defaultValue = "1", description = "Multiplies the sample's row counts (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--target", paramLabel = "JDBC_URL", description = {"Mirror into this database instead of the H2 file, the",
        "dialect chosen by the URL (e.g. jdbc:mariadb://127.0.0.1:3306/test?user=root, jdbc:postgresql://...)."})
    String target;

    @Override
    public Integer call() throws IOException {
        if (cycles < 1 || scale < 1) {
            err().println("mirror demo: --cycles and --scale must be at least 1");
            return ExitCodes.USAGE;
        }
        if (parent == null || !parent.quietOrVerbose()) {
            Logging.level("WARN"); // the per-cycle tables say what the INFO lines would; -v brings them back
        }
        PrintWriter out = out();
        if (target != null) {
            return toServer(out);
        }
        if (!holdsH2()) {
            err().println("mirror demo: this distribution holds no H2 target, which the demo's embedded file needs; pass"
                    + " --target JDBC_URL of a database whose dialect it holds (see 'mirror plugins')");
            return ExitCodes.USAGE;
        }
        Path home = dir.toAbsolutePath().normalize();
        Files.createDirectories(home);
        for (String suffix : List.of(".mv.db", ".trace.db")) {
            if (Files.deleteIfExists(home.resolve(DB_NAME + suffix))) {
                out.println("removed the previous demo mirror " + home.resolve(DB_NAME + suffix));
            }
        }
        String url = "jdbc:h2:file:" + home.resolve(DB_NAME);
        Map<String, Object> h2 = new LinkedHashMap<>(Map.of("dialect", "h2", "url", url));
        try (Mirror mirror = Mirror.builder().config(tree(h2), "the demo configuration")
                .progress(ProgressPrinter.forConsole(out)).build()) {
            out.println("mirror demo: sample source (tables 'core', scale " + scale + ") -> H2 file " + home.resolve(DB_NAME + ".mv.db"));
            Integer code = cyclesAndVerify(out, mirror);
            where(out, home, url, mirror);
            return code;
        }
    }

    /**
     * The demo into a database server: the target dialect is chosen by the URL. The mirror's tables (and its metadata
     * table, named after the context {@value #CONTEXT}) stay in that database afterwards; a second demo into the same
     * database starts from what the first left.
     */
    private Integer toServer(PrintWriter out) {
        try (Mirror mirror = Mirror.builder().config(tree(new LinkedHashMap<>(Map.of("url", target))), "the demo configuration")
                .progress(ProgressPrinter.forConsole(out)).build()) {
            out.println("mirror demo: sample source (tables 'core', scale " + scale + ") -> " + mirror.targetDialect().name()
                    + " target (the URL given with --target)");
            Integer code = cyclesAndVerify(out, mirror);
            out.println("The mirror is in the database of the --target URL; metadata table: " + mirror.metadataTableName()
                    + " (one row per mirrored table: tablename, schemahash, lsn, state)");
            out.flush();
            return code;
        }
    }

    /** Whether the class path or the plugins directory offers the H2 dialect (a custom distribution may not). */
    private boolean holdsH2() {
        return PluginRegistry.load(PluginsCommand.defaultDirectory(), getClass().getClassLoader()).targets().stream()
                .anyMatch(d -> d.name().equals("h2"));
    }

    private Integer cyclesAndVerify(PrintWriter out, Mirror mirror) {
        int failures = 0;
        for (int i = 1; i <= cycles; i++) {
            out.println();
            out.println("Cycle " + i + " of " + cycles);
            out.flush();
            CycleReport report = mirror.runCycle();
            failures += report.failures().size();
            out.print(CycleSummary.render(report, "  "));
            out.flush();
        }
        out.println();
        out.println("Verifying the mirror against the source:");
        VerificationReport verification = Verification.verify(mirror, List.of());
        VerifyPrinter.print(out, verification, false);
        out.println();
        if (!verification.equal()) {
            return ExitCodes.DIFFERENCES;
        }
        return failures > 0 ? ExitCodes.TABLE_FAILURES : ExitCodes.OK;
    }

    private Map<String, Object> tree(Map<String, Object> target) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("context", CONTEXT);
        tree.put("source", new LinkedHashMap<>(Map.of("type", "sample", "scale", scale, "tables", "core", "advance", true)));
        tree.put("target", target);
        return tree;
    }

    private static void where(PrintWriter out, Path home, String url, Mirror mirror) {
        String metadata = mirror.metadataTableName();
        out.println("The mirror is in " + home.resolve(DB_NAME + ".mv.db"));
        out.println("  JDBC URL:       " + url + "   (empty user name and password)");
        out.println("  metadata table: \"" + metadata + "\" (one row per mirrored table: tablename, schemahash, lsn, state)");
        out.println("Look inside with H2's shell (from the distribution directory):");
        out.println("  java -cp " + H2Jar.path() + " org.h2.tools.Shell -url \"" + url + "\" -user \"\" -password \"\" \\");
        out.println("       -sql 'SELECT \"tablename\", \"lsn\", \"state\" FROM \"" + metadata + "\" ORDER BY 1'");
        out.println("  (or without -sql for an interactive prompt; try SELECT COUNT(*) FROM \"contact\")");
        out.flush();
    }
}
