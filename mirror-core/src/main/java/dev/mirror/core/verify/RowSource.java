package dev.mirror.core.verify;

import java.util.function.Consumer;

/**
 * One side of a comparison: streams a table's rows, normalized by {@link ValueNormalizer}, to a consumer. It can be
 * read more than once (a second pass collects the keys of the ranges that differ) and releases what it holds
 * (cursor, result set) before returning.
 */
@FunctionalInterface
public interface RowSource {
    void forEach(Consumer<String[]> rows);
}
