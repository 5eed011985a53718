package dev.mirror.api.dialect;

import static java.util.Objects.requireNonNull;

/**
 * A column of a mirror table as the target really has it (introspected).
 *
 * @param name       the column name in the target
 * @param nativeType the target's type, normalized the way {@link DialectTypes#columnType} prints it
 *                   (so that the two can be compared)
 * @param nullable   whether the target column accepts NULL
 */
public record TargetColumn(String name, String nativeType, boolean nullable) {
    public TargetColumn {
        requireNonNull(name, "name is null");
        requireNonNull(nativeType, "nativeType is null");
    }
}
