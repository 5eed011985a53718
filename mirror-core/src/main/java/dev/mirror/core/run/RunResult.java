package dev.mirror.core.run;

import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.CycleReport;

/**
 * How a run ended.
 *
 * @param cycles      cycles that completed (with or without table failures)
 * @param lastReport  the last completed cycle's report, or null when none completed
 * @param lastFailure the failure of the last attempt when it did not complete (e.g. the target was still unreachable
 *                    when the run was stopped), else null
 * @param stopped     whether the run ended on a stop request
 */
public record RunResult(int cycles, CycleReport lastReport, MirrorException lastFailure, boolean stopped) {
    /** Whether the last attempt completed and none of its tables failed (also true when no cycle was due). */
    public boolean ok() {
        return lastFailure == null && (lastReport == null || lastReport.failures().isEmpty());
    }
}
