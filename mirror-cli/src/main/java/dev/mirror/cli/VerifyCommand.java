package dev.mirror.cli;

import dev.mirror.core.Mirror;
import dev.mirror.core.config.RunSettings;
import dev.mirror.core.run.MirrorRunner;
import dev.mirror.core.run.RunResult;
import dev.mirror.core.verify.MirrorVerifier;
import dev.mirror.core.verify.VerificationReport;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Compares source and mirror; optionally repairs the tables that differ. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compares the source and the mirror table by table: row counts, checksums over key ranges, then the",
            "differing keys (the first 20 per table). Exit code 6 when anything differs.",
            VerifyPrinter.METHOD,
            "--repair sets LSN -1 for the differing tables and runs one cycle (holding the run lock), then verifies again."})
final class VerifyCommand extends BaseCommand.Configured {
    @Option(names = "--repair", description = "Repopulate the tables that differ, then verify again.")
    boolean repair;

    @Option(names = "--tables", split = ",", paramLabel = "TABLE", description = "Only these tables (comma-separated, case-insensitive).")
    List<String> tables = List.of();

    @Option(names = "--all", description = "List equal tables too (default: only the ones that differ).")
    boolean all;

    @Option(names = "--wait", paramLabel = "DURATION", description = "With --repair: how long to wait for a running mirror's lock (default: run.wait, 0s).")
    String waitFor;

    @Override
    public Integer call() {
        try (Mirror mirror = open(config(), ProgressPrinter.forConsole(out()))) {
            VerificationReport report = Verification.verify(mirror, tables);
            VerifyPrinter.print(out(), report, all || report.equal());
            if (report.equal() || !repair) {
                return report.equal() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
            }
            List<String> toRepair = MirrorVerifier.tablesToRepair(report);
            RunSettings settings = RunCommand.options(mirror.runSettings(), true, null,
                    waitFor == null ? null : RunCommand.parse(waitFor, "--wait"));
            MirrorRunner runner = new MirrorRunner(mirror, settings, new ConsoleRunListener(out(), mirror.contextId(), settings,
                    null, null));
            stopSignal().onRequest(runner::stop);
            out().println("repair: " + toRepair.size() + " table(s) set to LSN -1 (" + String.join(", ", toRepair)
                    + "); running a cycle under the run lock");
            out().flush();
            RunResult repaired = runner.repopulate(toRepair);
            if (repaired.lastReport() == null) { // stopped before the repair cycle ran: the differences are still there
                return repaired.lastFailure() != null ? ExitCodes.of(repaired.lastFailure()) : ExitCodes.DIFFERENCES;
            }
            VerificationReport after = Verification.verify(mirror, tables);
            out().println("after repair:");
            VerifyPrinter.print(out(), after, false);
            return after.equal() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
        }
    }
}
