package dev.mirror.cli.web;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.ContextId;
import dev.mirror.core.Mirror;
import dev.mirror.core.config.RunSettings;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The status page of one running mirror, put together: the board (already fed by the mirror as a hook), readiness
 * probes, the background refresh and the HTTP server. {@code mirror run --every} and {@code mirror serve} start one
 * when {@code run.http.port} (or {@code run.metricsPort}) is set.
 */
public final class StatusSite implements AutoCloseable {
    private final StatusService service;
    private final WebServer server;
    private final int port;

    private StatusSite(StatusService service, WebServer server, int port) {
        this.service = requireNonNull(service, "service is null");
        this.server = requireNonNull(server, "server is null");
        this.port = port;
    }

    /**
     * Starts serving.
     *
     * @param board   the board the mirror feeds (it was added to the mirror's builder as a hook)
     * @param metrics the Prometheus text of the run's metrics, or null
     */
    public static StatusSite start(Mirror mirror, StatusBoard board, RunSettings.Http http, Supplier<String> metrics) {
        requireNonNull(mirror, "mirror is null");
        board.attach(mirror.redactor());
        if (mirror.settings().contextId() != null) {
            board.expect(mirror.settings().contextId().value());
        }
        mirror.tenants().allowed().ifPresent(a -> a.stream().map(ContextId::value).sorted().forEach(board::expect));
        Clock clock = Clock.systemUTC();
        Readiness readiness = new Readiness(board::contexts, c -> mirror.checkTarget(ContextId.of(c)), board, http.notReadyAfter(), clock,
                mirror.redactor());
        StatusReader reader = new StatusReader(mirror);
        StatusService service = new StatusService(board, readiness, board::contexts, reader::read, clock).start();
        WebServer server = new WebServer(http, service, new StatusPage(mirror.redactor()), new StatusJson(mirror.redactor()), metrics);
        try {
            return new StatusSite(service, server, server.start());
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            service.close();
        }
    }
}
