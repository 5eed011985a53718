package dev.mirror.superoffice;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The WSDL served at {@code ?wsdl}, naming the endpoint's own address in {@code soap:address}: the configured
 * {@code publicUrl} when there is one (behind a proxy only that is the address SuperOffice calls), else the address the
 * request came to (its {@code Host} header, or the local socket address without one, and the service path). The
 * shipped WSDL is SuperOffice's, whose address is their development host {@code https://localhost:44334/}.
 */
final class Wsdl {
    static final String SHIPPED_ADDRESS = "https://localhost:44334/MirroringClientService.svc";
    /** host, host:port, IPv4, or [IPv6]:port; anything else (markup, paths, credentials) is not a Host header we repeat. */
    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}])(:[0-9]{1,5})?");

    private final String before;
    private final String after;

    Wsdl() {
        String text;
        try (InputStream in = Wsdl.class.getResourceAsStream("MirroringClientService_Full.xml")) {
            text = new String(requireNonNull(in, "WSDL resource missing").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String marker = "location=\"" + SHIPPED_ADDRESS + "\"";
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("the WSDL resource has no soap:address " + SHIPPED_ADDRESS);
        }
        before = text.substring(0, at) + "location=\"";
        after = text.substring(at + marker.length() - 1);
    }

    /** The WSDL naming {@code address}. */
    byte[] render(String address) {
        return (before + escape(address) + after).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The endpoint's address for a request: {@code publicUrl} when configured, else scheme, the request's Host header
     * (when it is a plain host[:port]; else the local address) and the service path.
     */
    static String address(Optional<URI> publicUrl, boolean https, String hostHeader, InetSocketAddress local, String path) {
        if (publicUrl.isPresent()) {
            return publicUrl.get().toString();
        }
        String host = hostHeader == null ? null : hostHeader.strip();
        if (host == null || !HOST.matcher(host).matches()) {
            String ip = local.getAddress() == null ? local.getHostString() : local.getAddress().getHostAddress();
            host = (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + local.getPort();
        }
        return (https ? "https" : "http") + "://" + host + path;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
