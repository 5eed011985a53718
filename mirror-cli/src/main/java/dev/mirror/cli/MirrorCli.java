package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.core.Redactor;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code mirror} command: keeps a mirror of a SQL Server (SuperOffice) database up to date in a target database. */
@Command(name = "mirror", mixinStandardHelpOptions = true, versionProvider = MirrorCli.Version.class,
        description = "Keeps a mirror of a SQL Server (SuperOffice CRM) database up to date in a database you control.",
        subcommands = {DemoCommand.class, RunCommand.class, StatusCommand.class, ResyncCommand.class, VerifyCommand.class,
            ValidateCommand.class, PluginsCommand.class, ServeCommand.class, AdminCliCommand.class, EnableChangeTrackingCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%n", footer = {
            "Exit codes:",
            "  0   success",
            "  1   the cycle ran but some tables failed (retried next cycle)",
            "  2   usage error (unknown option, missing argument)",
            "  3   configuration error",
            "  4   source error",
            "  5   target error",
            "  6   verify found differences between source and mirror",
            "  7   another run holds the lock on this target and context",
            "  70  internal error (a defect: please report it)",
            "See docs/exit-codes.md and docs/configuration.md."})
public final class MirrorCli implements Runnable {
    @Option(names = "--log-json", scope = ScopeType.INHERIT, description = "Write logs (stderr) as JSON lines.")
    void logJson(boolean json) {
        Logging.json(json);
    }

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Log at DEBUG level.")
    void verbose(boolean v) {
        levelChosen |= v;
        if (v) {
            Logging.level("DEBUG");
        }
    }

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Log warnings and errors only.")
    void quiet(boolean q) {
        levelChosen |= q;
        if (q) {
            Logging.level("WARN");
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private boolean levelChosen;
    private final StopSignal stopSignal = new StopSignal();

    /** SIGTERM / Ctrl-C for the running command (the hook is installed by {@link #main} only). */
    StopSignal stopSignal() {
        return stopSignal;
    }

    /** Whether -v or -q was given (the demo then keeps the chosen level). */
    boolean quietOrVerbose() {
        return levelChosen;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A command line with the tool's exit-code mapping and error printing. */
    public static CommandLine commandLine() {
        return commandLine(new MirrorCli());
    }

    private static CommandLine commandLine(MirrorCli cli) {
        CommandLine cl = new CommandLine(cli);
        cl.setExecutionExceptionHandler(MirrorCli::handle);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("mirror: " + ex.getMessage());
            err.println("Try 'mirror " + (ex.getCommandLine().getCommandName().equals("mirror") ? "" : ex.getCommandLine().getCommandName() + " ")
                    + "--help' for more information.");
            err.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        Object cmd = cl.getCommand();
        Redactor redactor = cmd instanceof BaseCommand b ? b.redactor() : new Redactor();
        PrintWriter err = cl.getErr();
        String what = e instanceof MirrorException m ? m.category().name().toLowerCase(java.util.Locale.ROOT) + " error ["
                + m.code() + "]" : "internal error (" + e.getClass().getSimpleName() + ")";
        err.println("mirror " + cl.getCommandName() + ": " + what + ": " + redactor.describe(e));
        if (!(e instanceof MirrorException)) {
            org.slf4j.LoggerFactory.getLogger(MirrorCli.class).error("unexpected failure: {}", redactor.describe(e));
        }
        err.flush();
        return ExitCodes.of(e);
    }

    public static void main(String[] args) {
        Logging.init();
        MirrorCli cli = new MirrorCli();
        Thread hook = cli.stopSignal.installShutdownHook();
        int code = commandLine(cli).execute(args);
        cli.stopSignal.exit(hook, code);
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = MirrorCli.class.getPackage().getImplementationVersion();
            return new String[] {"mirror " + (v == null ? "(development build)" : v), "Java " + System.getProperty("java.version")};
        }
    }
}
