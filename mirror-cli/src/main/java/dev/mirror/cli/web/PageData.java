package dev.mirror.cli.web;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Everything the status page and {@code /status.json} show at one moment.
 *
 * @param generated when the contexts were read from their targets
 * @param readiness what {@code /readyz} answers now
 * @param contexts  each context as read from its target
 * @param board     what this process saw of its cycles
 */
public record PageData(Instant generated, Readiness.State readiness, List<ContextStatus> contexts, StatusBoard board) {
    public PageData {
        requireNonNull(generated, "generated is null");
        requireNonNull(readiness, "readiness is null");
        contexts = List.copyOf(contexts);
        requireNonNull(board, "board is null");
    }
}
