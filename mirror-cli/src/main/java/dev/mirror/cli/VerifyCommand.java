package dev.mirror.cli;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.Mirror;
import dev.mirror.core.lock.TargetLock;
import dev.mirror.core.report.CycleSummary;
import dev.mirror.core.verify.MirrorVerifier;
import dev.mirror.core.verify.VerificationReport;
import java.time.Duration;
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

    @Override
    public Integer call() {
        MirrorConfig config = config();
        try (Mirror mirror = open(config, ProgressPrinter.forConsole(out()))) {
            VerificationReport report = Verification.verify(mirror, tables);
            VerifyPrinter.print(out(), report, all || report.equal());
            if (report.equal() || !repair) {
                return report.equal() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
            }
            List<String> toRepair = MirrorVerifier.tablesToRepair(report);
            TargetLock lock = RunLock.create(mirror, config.run().lockTtl());
            lock.acquire(config.run().lockWait(), Duration.ofSeconds(1));
            try {
                int n = toRepair.isEmpty() ? 0 : mirror.resync(toRepair);
                out().println("repair: " + n + " table(s) set to LSN -1 (" + String.join(", ", toRepair) + "); running a cycle");
                out().flush();
                CycleReport cycle = mirror.runCycle();
                out().print(CycleSummary.render(cycle, "  "));
            } finally {
                lock.release();
            }
            VerificationReport after = Verification.verify(mirror, tables);
            out().println("after repair:");
            VerifyPrinter.print(out(), after, false);
            return after.equal() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
        }
    }
}
