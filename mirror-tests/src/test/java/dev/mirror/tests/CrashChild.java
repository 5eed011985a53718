package dev.mirror.tests;

import dev.mirror.core.Mirror;
import java.util.Map;

/**
 * Runs in a child JVM: cycles the sample (to {@code steps}) into H2 (or the dialect the {@value #WRAPS} property names) through the halting dialect, which kills this JVM
 * in the middle of the chosen operation. Arguments: url, failDuring, failTable, failAfterRows, steps[, mode].
 */
public final class CrashChild {
    /** System property naming the dialect the halting wrapper wraps (default {@code h2}). */
    static final String WRAPS = "mirror.crash.wraps";

    private CrashChild() {
    }

    public static void main(String[] args) {
        Map<String, Object> config = new java.util.LinkedHashMap<>(TestMirrors.sampleToTarget("Crash", "faulty-h2", args[0],
                Map.of("advance", false, "steps", Integer.parseInt(args[4])),
                Map.of("failDuring", args[1], "failTable", args[2], "failAfterRows", Long.parseLong(args[3]), "halt", true,
                        "wraps", System.getProperty(WRAPS, "h2"))));
        if (args.length > 5) {
            config.put("options", Map.of("default", Map.of("mode", args[5])));
        }
        try (Mirror mirror = TestMirrors.build(config)) {
            mirror.runCycle();
        }
        System.exit(0); // the fault never fired: the parent test fails on exit code 0
    }
}
