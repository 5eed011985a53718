package dev.mirror.cli.web;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mirror.api.MirrorException;
import dev.mirror.core.config.RunSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP side of a long run: the status page ({@code /}), its refreshable fragment, {@code /status.json},
 * {@code /healthz}, {@code /readyz} and {@code /metrics}, on one port ({@code run.http.port}, formerly
 * {@code run.metricsPort}). Listens on {@code run.http.bindAddress} (loopback by default); see {@link TokenGate} for
 * who may read. Probes answer without the token and say only ready or not and a short reason with no names.
 * Every response forbids caching, framing and inline script.
 */
public final class WebServer implements AutoCloseable {
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final StatusService status;
    private final StatusPage page;
    private final StatusJson json;
    private final Supplier<String> metrics;
    private final TokenGate gate;
    private final RunSettings.Http settings;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param metrics the Prometheus text of the run's metrics, or null when there are none
     */
    public WebServer(RunSettings.Http settings, StatusService status, StatusPage page, StatusJson json, Supplier<String> metrics) {
        this.settings = requireNonNull(settings, "settings is null");
        this.status = requireNonNull(status, "status is null");
        this.page = requireNonNull(page, "page is null");
        this.json = requireNonNull(json, "json is null");
        this.metrics = metrics;
        this.gate = new TokenGate(settings.token());
    }

    /** Listens; returns the port (the chosen one when {@code run.http.port} is 0). */
    public int start() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            // Nagle off on accepted connections (read once, by the JVM's first JDK server; an operator's value is kept):
            // the server writes headers and body in two writes, and the body would wait ~40 ms for a delayed ACK.
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 16);
        } catch (IOException | RuntimeException e) {
            throw MirrorException.configuration("HTTP_PORT", "cannot listen on " + settings.bindAddress() + ":" + settings.port()
                    + ": " + e.getMessage() + "; choose a free run.http.port (or run.metricsPort) or another run.http.bindAddress");
        }
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "mirror-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(ex, 405, "text/plain", "only GET and HEAD\n");
                return;
            }
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/healthz" -> send(ex, 200, "text/plain", "ok\n");
                case "/readyz" -> {
                    Readiness.State s = status.readiness();
                    send(ex, s.ready() ? 200 : 503, "text/plain", s.ready() ? "ready\n" : "not ready: " + s.reason() + "\n");
                }
                default -> protectedPath(ex, path);
            }
        } catch (RuntimeException e) {
            // never a stack trace or message to the client: it could name a table or a host
            send(ex, 500, "text/plain", "internal error\n");
        }
    }

    private void protectedPath(HttpExchange ex, String path) throws IOException {
        if (!gate.admits(ex.getRequestHeaders(), ex.getRequestURI())) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"mirror\"");
            send(ex, gate.hasToken() ? 401 : 403, "text/plain", gate.hasToken()
                    ? "the token is missing or wrong: send 'Authorization: Bearer <run.http.token>', or open /?token=<run.http.token> once\n"
                    : "without run.http.token the status page answers only requests to a loopback host name (localhost, 127.0.0.1, [::1])\n");
            return;
        }
        if (gate.hasToken() && TokenGate.queryToken(ex.getRequestURI()) != null) {
            // remember the token in a cookie and drop it from the address bar (and from the browser's history)
            ex.getResponseHeaders().add("Set-Cookie", TokenGate.COOKIE + "=" + gate.cookieValue()
                    + "; Path=/; HttpOnly; SameSite=Strict");
            ex.getResponseHeaders().set("Location", path);
            send(ex, 303, "text/plain", "");
            return;
        }
        switch (path) {
            case "/", "/index.html" -> send(ex, 200, "text/html", page.page(status.view()));
            case "/fragment" -> send(ex, 200, "text/html", page.fragment(status.view()));
            case "/status.json" -> send(ex, 200, "application/json", StatusJson.write(json.page(status.view()), true));
            case "/metrics" -> {
                if (metrics == null) {
                    send(ex, 404, "text/plain", "no metrics in this process\n");
                } else {
                    send(ex, 200, "text/plain; version=0.0.4", metrics.get());
                }
            }
            case "/app.js" -> resource(ex, "app.js", "text/javascript");
            case "/app.css" -> resource(ex, "app.css", "text/css");
            default -> send(ex, 404, "text/plain", "not found\n");
        }
    }

    private void resource(HttpExchange ex, String name, String type) throws IOException {
        try (InputStream in = WebServer.class.getResourceAsStream(name)) {
            if (in == null) {
                send(ex, 404, "text/plain", "not found\n");
                return;
            }
            send(ex, 200, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void send(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type + "; charset=utf-8");
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Content-Security-Policy", CSP);
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(code, head || bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
