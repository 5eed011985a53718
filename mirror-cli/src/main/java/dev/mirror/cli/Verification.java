package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.api.source.SnapshotReader;
import dev.mirror.core.Blocklist;
import dev.mirror.core.Mirror;
import dev.mirror.core.verify.MirrorVerifier;
import dev.mirror.core.verify.TableComparator;
import dev.mirror.core.verify.VerificationReport;
import java.util.List;

/** Runs core's verifier on a built mirror. */
final class Verification {
    private Verification() {
    }

    static VerificationReport verify(Mirror mirror, List<String> tables) {
        SnapshotReader reader = mirror.source().snapshotReader().orElseThrow(() -> MirrorException.configuration(
                "VERIFY_UNSUPPORTED", "the source '" + mirror.settings().sourceType() + "' cannot be read for verification "
                        + "(it offers no snapshot reader); verify works with pull sources such as sqlserver and sample"));
        Blocklist blocklist = Blocklist.of(mirror.settings().useDefaultBlocklist(), mirror.settings().blocklistAdditions());
        MirrorVerifier verifier = new MirrorVerifier(mirror.target(), mirror.protocol().metadata(), blocklist,
                TableComparator.defaults(), mirror.redactor());
        return verifier.verify(mirror.contextId(), reader, tables);
    }
}
