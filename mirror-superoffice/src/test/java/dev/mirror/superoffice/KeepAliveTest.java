package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One persistent HTTP/1.1 connection carries call after call, as SuperOffice's client keeps it: in-band refusals of large
 * requests (answered before the body was read) leave the connection usable, gzip answers have a Content-Length (a
 * client stopping at the gzip trailer has read the whole body), and a body the server will not read is answered with
 * {@code Connection: close} instead of a connection silently dropped after the answer. Plain sockets, so nothing in a
 * client library can mask what the server does.
 */
class KeepAliveTest {
    private static final String NS = SuperOfficeSimulator.NS;

    @TempDir
    Path dir;
    EndpointFixture f;

    @BeforeEach
    void start() {
        f = new EndpointFixture(dir, false, 256 * 1024, Map.of());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aRefusedLargeRequestLeavesTheConnectionUsable() throws Exception {
        StringBuilder rows = new StringBuilder();
        while (rows.length() < 200 * 1024) { // well over the JDK server's 64 KiB drain, under maxRequestBytes
            SuperOfficeSimulator.rawRowData(rows, java.util.List.of("[I:1]", "x"), "I");
        }
        String bigRowData = envelope("not-a-token", "<RowDataRequest xmlns=\"" + NS + "\"><ClientState/><DataBatches xmlns:a=\""
                + SuperOfficeSimulator.A + "\" xmlns:i=\"" + SuperOfficeSimulator.I + "\"><a:RowDataBatch><a:Data>" + rows
                + "</a:Data><a:LSN>0</a:LSN></a:RowDataBatch></DataBatches></RowDataRequest>");
        try (Socket s = new Socket("127.0.0.1", f.source.port())) {
            s.setSoTimeout(30_000);
            for (int i = 0; i < 3; i++) {
                Reply refused = call(s, "RowData", bigRowData.getBytes(StandardCharsets.UTF_8), false);
                assertThat(refused.status).isEqualTo(200);
                assertThat(refused.text()).contains("<IsSuccessful>false</IsSuccessful>").contains("Authentication failed");
                assertThat(refused.headers).doesNotContainEntry("connection", "close");

                Reply auth = call(s, "Authenticate", envelope(f.sim.tokens().token("Cust1"), "<AuthenticateRequest xmlns=\""
                        + NS + "\"><ClientState>x</ClientState></AuthenticateRequest>").getBytes(StandardCharsets.UTF_8), true);
                assertThat(auth.status).as("the next call on the same connection is answered").isEqualTo(200);
                assertThat(auth.headers).containsEntry("content-encoding", "gzip").containsKey("content-length")
                        .doesNotContainKey("transfer-encoding");
                assertThat(auth.text()).contains("<IsSuccessful>true</IsSuccessful>");
            }
        }
    }

    /**
     * The JDK's HTTP server writes an answer's headers and body in two writes; with Nagle's algorithm on the accepted
     * socket the body waits for the client's delayed ACK of the headers (40 ms on Linux), so every call of a keep-alive
     * connection took at least 40 ms whatever its work (a first load of 60,000 rows: 44 RowData calls, 1.8 s lost of
     * 4.7 s). The endpoint turns Nagle off; a small call then takes a few milliseconds. The median of 31 calls is
     * compared with the stall, not with a speed goal: with the stall no call can be faster than 40 ms.
     */
    @Test
    void answersAreNotHeldBackByNagle() throws Exception {
        byte[] auth = envelope(f.sim.tokens().token("Cust1"), "<AuthenticateRequest xmlns=\"" + NS
                + "\"><ClientState>x</ClientState></AuthenticateRequest>").getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket("127.0.0.1", f.source.port())) {
            s.setSoTimeout(30_000);
            s.setTcpNoDelay(true); // the client sends each request in one write anyway; this rules the client out
            for (int i = 0; i < 5; i++) {
                assertThat(call(s, "Authenticate", auth, false).status).isEqualTo(200); // warm-up
            }
            long[] millis = new long[31];
            for (int i = 0; i < millis.length; i++) {
                long t0 = System.nanoTime();
                assertThat(call(s, "Authenticate", auth, false).status).isEqualTo(200);
                millis[i] = (System.nanoTime() - t0) / 1_000_000;
            }
            java.util.Arrays.sort(millis);
            assertThat(millis[millis.length / 2]).as("median ms per call of %s: a Nagle stall takes 40 ms",
                    java.util.Arrays.toString(millis)).isLessThan(35);
        }
    }

    @Test
    void aBodyOverTheLimitIsAnsweredWithConnectionClose() throws Exception {
        try (Socket s = new Socket("127.0.0.1", f.source.port())) {
            s.setSoTimeout(30_000);
            // Announces 300 KiB (over maxRequestBytes) and sends only the start: the server answers from the length.
            send(s, "Wipe", 300 * 1024, envelope("t", "").substring(0, 40).getBytes(StandardCharsets.UTF_8), false);
            Reply r = reply(s);
            assertThat(r.status).isEqualTo(413);
            assertThat(r.headers).containsEntry("connection", "close");
        }
    }

    private record Reply(int status, Map<String, String> headers, byte[] body) {
        String text() throws IOException {
            byte[] b = "gzip".equals(headers.get("content-encoding")) ? new GZIPInputStream(new java.io.ByteArrayInputStream(body))
                    .readAllBytes() : body;
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    private static Reply call(Socket s, String operation, byte[] body, boolean acceptGzip) throws IOException {
        send(s, operation, body.length, body, acceptGzip);
        return reply(s);
    }

    private static void send(Socket s, String operation, long contentLength, byte[] body, boolean acceptGzip) throws IOException {
        OutputStream out = s.getOutputStream();
        String head = "POST " + SuperOfficeConfig.DEFAULT_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: text/xml; charset=utf-8\r\nSOAPAction: \"" + NS + "/IMirroringClientService/" + operation + "\"\r\n"
                + (acceptGzip ? "Accept-Encoding: gzip, deflate\r\n" : "") + "Content-Length: " + contentLength + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static Reply reply(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        String statusLine = line(in);
        assertThat(statusLine).as("an answer, not a dropped connection").startsWith("HTTP/1.1 ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).strip().toLowerCase(Locale.ROOT), l.substring(colon + 1).strip().toLowerCase(Locale.ROOT));
        }
        assertThat(headers).as("a fixed-length answer").containsKey("content-length");
        byte[] b = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        return new Reply(Integer.parseInt(statusLine.substring(9, 12)), headers, b);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    private static String envelope(String token, String body) {
        return "<s:Envelope xmlns:s=\"" + SuperOfficeSimulator.S + "\"><s:Header><h:SignedToken xmlns:h=\"" + NS + "\">" + token
                + "</h:SignedToken></s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }
}
