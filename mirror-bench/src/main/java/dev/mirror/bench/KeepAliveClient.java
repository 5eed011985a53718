package dev.mirror.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A client that only sends bytes: one HTTP/1.1 connection kept alive, requests written from ready-made byte arrays
 * (headers and body rendered once, before the clock starts), each answer read to its Content-Length. So the timed part
 * of benchmark 6 is the endpoint's work, not a client's XML writing (the SuperOffice simulator's HttpClient and string
 * building were the bottleneck of the earlier measurement). Not thread-safe; one per thread.
 */
final class KeepAliveClient implements AutoCloseable {
    /** An answer: status and body. */
    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** SOAP success: HTTP 200 and IsSuccessful=true in the body. */
        boolean successful() {
            return status == 200 && text().contains("IsSuccessful>true<");
        }
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    KeepAliveClient(String host, int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 10_000);
        socket.setSoTimeout(600_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    /** The request head for a SOAP POST of {@code length} bytes (rendered once per request, untimed). */
    static byte[] head(String host, int port, String path, String soapAction, int length) {
        return ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: text/xml; charset=utf-8\r\n"
                + "SOAPAction: \"" + soapAction + "\"\r\nContent-Length: " + length + "\r\nConnection: keep-alive\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    Answer post(byte[] head, byte[] body) throws IOException {
        out.write(head);
        out.write(body);
        out.flush();
        String status = line();
        if (status == null || !status.startsWith("HTTP/1.")) {
            throw new IOException("no HTTP answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            if (h.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            }
        }
        if (length < 0) {
            throw new IOException("the endpoint answered without Content-Length (status " + code + ")");
        }
        return new Answer(code, in.readNBytes(length));
    }

    private String line() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                int n = b.length();
                return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
            }
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
