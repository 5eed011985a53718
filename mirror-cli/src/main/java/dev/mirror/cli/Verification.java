package dev.mirror.cli;

import dev.mirror.core.Mirror;
import dev.mirror.core.verify.VerificationReport;
import java.util.List;

/** Runs core's verification on a built mirror. */
final class Verification {
    private Verification() {
    }

    static VerificationReport verify(Mirror mirror, List<String> tables) {
        return mirror.verify(tables);
    }
}
