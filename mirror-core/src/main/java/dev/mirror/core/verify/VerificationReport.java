package dev.mirror.core.verify;

import java.util.List;

/**
 * The result of verifying a mirror against its source, one line per table.
 *
 * @param contextId the context identifier
 * @param tables    per-table results, in source order (extra mirror tables last)
 */
public record VerificationReport(dev.mirror.api.ContextId contextId, List<TableVerification> tables) {
    public VerificationReport {
        java.util.Objects.requireNonNull(contextId, "contextId is null");
        tables = List.copyOf(tables);
    }

    /** Tables that differ in any way. */
    public List<TableVerification> differing() {
        return tables.stream().filter(TableVerification::differs).toList();
    }

    public boolean equal() {
        return differing().isEmpty();
    }
}
