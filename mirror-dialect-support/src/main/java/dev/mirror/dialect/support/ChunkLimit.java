package dev.mirror.dialect.support;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Row;
import java.util.function.ToLongFunction;

/**
 * How many changes {@link StagedApply} stages before it applies them and empties the stage: after {@code rows} changes
 * or {@code weight} units (bytes, as {@code weigher} estimates them), whichever comes first. Chunks keep a stage that
 * lives in memory bounded; applying them in order keeps "last change wins" across chunk borders.
 */
public record ChunkLimit(long rows, long weight, ToLongFunction<Row> weigher) {
    /** The whole batch in one chunk (a stage on disk, or a database that spills it). */
    public static final ChunkLimit NONE = new ChunkLimit(Long.MAX_VALUE, Long.MAX_VALUE, r -> 0);

    public ChunkLimit {
        if (rows < 1 || weight < 1) {
            throw new IllegalArgumentException("chunk limits must be positive, got rows=" + rows + ", weight=" + weight);
        }
        requireNonNull(weigher, "weigher is null");
    }
}
