package dev.mirror.superoffice;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.mirror.api.MirrorException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP(S) listener. It uses the JDK's own {@code com.sun.net.httpserver} (module jdk.httpserver):
 * maintained and patched with the JDK itself, no third-party dependency to keep converging, streaming
 * request bodies, TLS through the standard JSSE {@link SSLContext}, and a pluggable executor for
 * concurrent calls — all this endpoint needs (one path, POST and GET ?wsdl). A Jetty server would add a
 * dozen jars for no feature used here. Production deployments may also terminate TLS at a reverse proxy.
 */
final class SoapHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SoapHttpServer.class);

    private final SuperOfficeConfig config;
    private final MirroringEndpoint endpoint;
    private final Wsdl wsdl = new Wsdl();
    private HttpServer server;
    private ExecutorService executor;

    SoapHttpServer(SuperOfficeConfig config, MirroringEndpoint endpoint) {
        this.config = requireNonNull(config, "config is null");
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
    }

    /**
     * Turns Nagle's algorithm off on the connections the JDK's server accepts (its {@code sun.net.httpserver.nodelay},
     * read once, when the first server of the JVM is created; a value set by the operator is kept). The server writes an
     * answer's headers and body in two writes: with Nagle on, the body waits for the client's delayed ACK of the headers,
     * about 40 ms on Linux, so every call on a keep-alive connection took at least that long whatever its work.
     */
    static void noNagle() {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    /** Binds and starts; returns once the port listens. */
    void start() {
        InetSocketAddress address = new InetSocketAddress(config.bindAddress(), config.port());
        // The keystore is opened before the port is bound: creating the server binds it, and a keystore error thrown
        // after that left the port bound (and unusable by a corrected restart in the same process) until exit.
        SSLContext tls = config.tlsKeystore()
                .map(ks -> EndpointTls.serverContext(ks, config.tlsKeystorePassword().orElse("")))
                .orElse(null);
        noNagle();
        try {
            if (tls != null) {
                HttpsServer https = HttpsServer.create(address, 128);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            } else {
                server = HttpServer.create(address, 128);
            }
        } catch (IOException e) {
            throw MirrorException.configuration("SUPEROFFICE_LISTEN", "cannot listen on " + config.bindAddress() + ":"
                    + config.port() + " (" + e.getMessage() + "); choose a free port or bindAddress");
        }
        AtomicInteger n = new AtomicInteger();
        executor = new ThreadPoolExecutor(config.threads(), config.threads(), 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "superoffice-endpoint-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        server.setExecutor(executor);
        server.createContext(config.path(), this::exchange);
        server.start();
        LOG.info("SuperOffice mirroring endpoint listening on {}://{}:{}{}", config.tlsKeystore().isPresent() ? "https" : "http",
                config.bindAddress(), port(), config.path());
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestURI().getPath().equals(config.path())) {
                send(ex, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            switch (ex.getRequestMethod()) {
                case "GET", "HEAD" -> get(ex);
                case "POST" -> post(ex);
                default -> {
                    ex.getResponseHeaders().set("Allow", "GET, POST");
                    send(ex, 405, "text/plain; charset=utf-8", "use POST (SOAP 1.1) or GET ?wsdl".getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (RuntimeException e) {
            LOG.error("unexpected failure serving a request", e);
        }
    }

    /**
     * Answers what the endpoint could not: closing an exchange without a response drops the connection with no bytes
     * sent, which a keep-alive client sees as a broken connection ("header parser received no bytes"), not an error.
     */
    private void internalError(HttpExchange ex, RuntimeException e) throws IOException {
        LOG.error("unexpected failure serving a request", e);
        ex.getResponseHeaders().set("Connection", "close");
        send(ex, 500, "text/xml; charset=utf-8", Soap.fault("s:Server", "internal error (" + e.getClass().getSimpleName()
                + "); see the mirror's log"));
    }

    private void get(HttpExchange ex) throws IOException {
        // A HEAD answer completes the exchange at once: the (empty) request body must already be read to its end, or
        // the JDK server closes the connection after it.
        if (!consumed(ex, ex.getRequestBody())) {
            ex.getResponseHeaders().set("Connection", "close");
        }
        String query = ex.getRequestURI().getQuery();
        if (query != null && (query.equalsIgnoreCase("wsdl") || query.equalsIgnoreCase("singleWsdl"))) {
            String address = Wsdl.address(config.publicUrl(), config.tlsKeystore().isPresent(),
                    ex.getRequestHeaders().getFirst("Host"), ex.getLocalAddress(), config.path());
            send(ex, 200, "text/xml; charset=utf-8", wsdl.render(address));
        } else {
            send(ex, 200, "text/plain; charset=utf-8", ("IMirroringClientService (SuperOffice database mirroring). "
                    + "POST SOAP 1.1 requests here; the WSDL is at ?wsdl.").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void post(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > config.maxRequestBytes()) {
                    // The body is not read: the connection cannot carry another request, so say so.
                    ex.getResponseHeaders().set("Connection", "close");
                    send(ex, 413, "text/xml; charset=utf-8", Soap.fault("s:Client", "the request is larger than "
                            + "maxRequestBytes (" + config.maxRequestBytes() + " bytes); raise maxRequestBytes"));
                    return;
                }
            } catch (NumberFormatException ignored) {
                // the server itself rejects a malformed Content-Length
            }
        }
        InputStream decoded;
        try {
            decoded = decoded(ex);
        } catch (IOException e) {
            ex.getResponseHeaders().set("Connection", "close");
            send(ex, 415, "text/xml; charset=utf-8", Soap.fault("s:Client",
                    "the request body's Content-Encoding is not gzip, deflate or identity, or is corrupt"));
            return;
        }
        InputStream body = new LimitedInputStream(decoded, config.maxRequestBytes());
        MirroringEndpoint.Response r;
        try {
            r = endpoint.handle(ex.getRequestHeaders().getFirst("SOAPAction"), body);
        } catch (RuntimeException e) {
            internalError(ex, e);
            return;
        }
        if (!consumed(ex, body)) {
            ex.getResponseHeaders().set("Connection", "close");
        }
        send(ex, r.status(), "text/xml; charset=utf-8", r.body());
    }

    /**
     * Reads what the endpoint left of the request body (an in-band refusal answers before reading a large RowData,
     * the parser stops at the envelope's end), so the connection stays usable for the client's next call. The JDK
     * server would otherwise close it after the response whenever more than its drain amount (64 KiB) is left,
     * without a {@code Connection: close} header. Returns false when the body cannot be read to its end (over
     * {@code maxRequestBytes}, corrupt, or the client went away): the answer then says the connection closes.
     */
    private boolean consumed(HttpExchange ex, InputStream body) {
        try {
            body.transferTo(OutputStream.nullOutputStream());
            // after a gzip body's last member: whatever raw bytes follow, bounded like the body itself
            new LimitedInputStream(ex.getRequestBody(), config.maxRequestBytes()).transferTo(OutputStream.nullOutputStream());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InputStream decoded(HttpExchange ex) throws IOException {
        String enc = ex.getRequestHeaders().getFirst("Content-Encoding");
        InputStream raw = ex.getRequestBody();
        if (enc == null || enc.isBlank() || enc.equalsIgnoreCase("identity")) {
            return raw;
        }
        return switch (enc.strip().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> new GZIPInputStream(raw, 64 * 1024);
            case "deflate" -> new InflaterInputStream(raw);
            default -> throw new IOException("unsupported Content-Encoding");
        };
    }

    private static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        String accept = ex.getRequestHeaders().getFirst("Accept-Encoding");
        boolean head = ex.getRequestMethod().equals("HEAD");
        if (!head && accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip") && body.length > 256) {
            // Compressed in memory and sent with a Content-Length, never chunked: a client reading the gzip stream stops
            // at the gzip trailer, before a chunked body's terminating chunk, and closing the response there cancels the
            // exchange mid-body; the JDK HttpClient may then hand the dying connection to the next request, which fails
            // with "HTTP/1.1 header parser received no bytes". With a length the body ends with its last gzip byte.
            byte[] gz = gzip(body);
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.getResponseHeaders().set("Vary", "Accept-Encoding");
            ex.sendResponseHeaders(status, gz.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(gz);
            }
        } else {
            ex.sendResponseHeaders(status, head ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                if (!head) {
                    out.write(body);
                }
            }
        }
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (OutputStream z = new GZIPOutputStream(bytes)) {
            z.write(body);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(1);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
