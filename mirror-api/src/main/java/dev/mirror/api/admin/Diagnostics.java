package dev.mirror.api.admin;

import java.util.List;

/**
 * What a source adds to {@code mirror status} (and the status page, {@code status.json}) and to {@code mirror admin}.
 * Offered through {@link dev.mirror.api.source.Source#diagnostics()}; both methods have defaults, so a source implements
 * only what it has. Implementations use the source's own connection settings: the caller never reads the source's
 * configuration.
 */
public interface Diagnostics {
    /**
     * Reads the source's status details now (on demand: nothing is cached by the caller). Called by
     * {@code mirror status} on the main thread and by the status page on a web-server thread, possibly while a cycle
     * runs on the runner thread, so it must be thread-safe and must not share a cycle's connection or transaction.
     * Keep it cheap (a query or two): the status page calls it on each refresh.
     *
     * @param request the context and the mirror's stored LSN per table; never null
     * @return the details, never null ({@link StatusDetails#NONE} when there is nothing to show)
     * @throws dev.mirror.api.MirrorException (category SOURCE) when the details cannot be read, with a message saying
     *         why and never a secret; the caller then shows that message in the status instead of the details and
     *         carries on. Any other runtime exception is shown the same way.
     */
    default StatusDetails status(StatusRequest request) {
        return StatusDetails.NONE;
    }

    /**
     * The admin commands the source offers, in the order {@code mirror admin} lists them. Called on the main thread by
     * {@code mirror admin} (and by aliases such as {@code mirror enable-change-tracking}), after the source is created
     * and while no cycle runs in this process. Must not connect to anything: listing commands works offline.
     *
     * @return the commands, never null, each name unique; empty when there is none
     */
    default List<AdminCommand> commands() {
        return List.of();
    }
}
