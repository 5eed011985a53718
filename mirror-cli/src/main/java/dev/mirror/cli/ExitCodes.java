package dev.mirror.cli;

import dev.mirror.api.MirrorException;
import dev.mirror.core.run.RunResult;

/**
 * The exit codes of {@code mirror} (documented in docs/exit-codes.md and in {@code mirror --help}): one per error
 * category of {@link MirrorException}, plus usage errors, table failures in a cycle, verification differences and a
 * held lock.
 */
public final class ExitCodes {
    /** Everything worked. */
    public static final int OK = 0;
    /** The cycle ran but some tables failed (they are retried next cycle). */
    public static final int TABLE_FAILURES = 1;
    /** Wrong command line (unknown option, missing argument). */
    public static final int USAGE = 2;
    /** The configuration is invalid (category CONFIGURATION). */
    public static final int CONFIGURATION = 3;
    /** The source failed (category SOURCE). */
    public static final int SOURCE = 4;
    /** The target failed (category TARGET). */
    public static final int TARGET = 5;
    /** {@code verify} found differences between source and mirror. */
    public static final int DIFFERENCES = 6;
    /** Another run holds the lock on this target and context. */
    public static final int LOCK_HELD = 7;
    /** A defect (category INTERNAL, or an unexpected exception). */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }

    /**
     * The exit code of a run: the failure of its last attempt if that did not complete (e.g. stopped while the target
     * was still unreachable), else 1 when the last cycle had failed tables, else 0 (also when no cycle was due).
     */
    public static int of(RunResult run) {
        if (run.lastFailure() != null) {
            return of(run.lastFailure());
        }
        return run.ok() ? OK : TABLE_FAILURES;
    }

    /** The exit code for a failure. */
    public static int of(Throwable t) {
        if (t instanceof MirrorException m) {
            if (m.code().equals("LOCK_HELD")) {
                return LOCK_HELD;
            }
            return switch (m.category()) {
                case CONFIGURATION -> CONFIGURATION;
                case SOURCE -> SOURCE;
                case TARGET -> TARGET;
                case INTERNAL -> INTERNAL;
            };
        }
        return INTERNAL;
    }
}
