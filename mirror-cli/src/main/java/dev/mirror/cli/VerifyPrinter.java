package dev.mirror.cli;

import dev.mirror.core.verify.Difference;
import dev.mirror.core.verify.TableVerification;
import dev.mirror.core.verify.VerificationReport;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints a {@link VerificationReport}: a table of every table compared, then the differing keys. */
final class VerifyPrinter {
    static final String METHOD = "Rows are compared by count, then by checksums over ranges of about 1000 keys (hash "
            + "buckets), then key by key inside differing ranges. Checksums are computed in this process over both sides "
            + "streamed through JDBC and normalized so that documented type-mapping losses (e.g. fractional seconds beyond "
            + "microseconds, datetimeoffset offsets, char padding) do not count.";

    private VerifyPrinter() {
    }

    static void print(PrintWriter out, VerificationReport report, boolean all) {
        TextTable t = new TextTable("table", "result", ">source rows", ">mirror rows", ">ranges", ">differing",
                ">missing", ">extra", ">changed", "note");
        for (TableVerification v : report.tables()) {
            if (!all && !v.differs()) {
                continue;
            }
            t.row(v.table(), v.status().name().toLowerCase(Locale.ROOT).replace('_', ' '), count(v.sourceRows()),
                    count(v.mirrorRows()), v.ranges(), v.differingRanges(), v.missing(), v.extra(), v.changed(),
                    v.message() == null ? "" : v.message());
        }
        if (!t.isEmpty()) {
            out.print(t.render("  "));
        }
        for (TableVerification v : report.differing()) {
            for (Difference d : v.examples()) {
                out.println("  " + v.table() + ": " + describe(d.kind()) + ": " + d.key());
            }
            long listed = v.examples().size();
            long total = v.missing() + v.extra() + v.changed();
            if (total > listed) {
                out.println("  " + v.table() + ": ... and " + (total - listed) + " more");
            }
        }
        int n = report.differing().size();
        out.println(n == 0 ? "  verify: the mirror equals the source (" + report.tables().size() + " tables)"
                : "  verify: " + n + " of " + report.tables().size() + " tables differ from the source");
        out.flush();
    }

    private static String count(long n) {
        return n < 0 ? "-" : Long.toString(n);
    }

    private static String describe(Difference.Kind k) {
        return switch (k) {
            case MISSING_IN_MIRROR -> "missing in mirror";
            case EXTRA_IN_MIRROR -> "extra in mirror";
            case CHANGED -> "values differ";
        };
    }
}
