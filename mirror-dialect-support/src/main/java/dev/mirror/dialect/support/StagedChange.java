package dev.mirror.dialect.support;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;

/**
 * One change as it goes into a stage: its position in the batch (1, 2, ...; the last change of a key has the highest),
 * its operation and its row, whose size {@link StagedApply} has checked against the schema.
 */
public record StagedChange(long seq, Operation operation, Row row) {
    public StagedChange {
        requireNonNull(operation, "operation is null");
        requireNonNull(row, "row is null");
    }

    /** The operation's one-letter code as stored in the stage ({@code I}, {@code U}, {@code D}). */
    public String opCode() {
        return String.valueOf(operation.code());
    }
}
