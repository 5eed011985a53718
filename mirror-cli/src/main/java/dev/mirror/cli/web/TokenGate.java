package dev.mirror.cli.web;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Who may read the status page. With a token ({@code run.http.token}) a request must present it — header
 * {@code Authorization: Bearer TOKEN}, the cookie set after a first visit with it (its SHA-256), or once {@code ?token=TOKEN} (which sets the cookie);
 * tokens are compared in constant time (over their SHA-256, so not even the length leaks) and never logged or echoed.
 * Without a token the server listens on loopback only, and a request must name a loopback host, so that a web page
 * in the operator's browser cannot reach it through DNS rebinding.
 */
final class TokenGate {
    static final String COOKIE = "mirror_token";

    private final byte[] tokenDigest;

    /** @param token the token, or null for loopback-only access without one */
    TokenGate(String token) {
        this.tokenDigest = token == null ? null : sha256(token);
    }

    boolean hasToken() {
        return tokenDigest != null;
    }

    /** Whether a request may read the page, JSON and metrics. */
    boolean admits(Headers headers, URI uri) {
        if (tokenDigest == null) {
            return loopbackHost(headers.getFirst("Host"));
        }
        String auth = headers.getFirst("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && matches(auth.substring(7).trim())) {
            return true;
        }
        String cookie = cookie(headers);
        return (cookie != null && MessageDigest.isEqual(cookieValue().getBytes(StandardCharsets.US_ASCII),
                cookie.getBytes(StandardCharsets.US_ASCII))) || matches(queryToken(uri));
    }

    /**
     * What the cookie holds: the token's SHA-256 in hex, not the token itself (it cannot break the cookie syntax, and
     * the browser never stores the configured secret).
     */
    String cookieValue() {
        return java.util.HexFormat.of().formatHex(tokenDigest);
    }

    /** The {@code token} query parameter of a URI, or null. */
    static String queryToken(URI uri) {
        String q = uri.getRawQuery();
        if (q == null) {
            return null;
        }
        for (String part : q.split("&")) {
            if (part.startsWith("token=")) {
                return java.net.URLDecoder.decode(part.substring(6), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    boolean matches(String candidate) {
        if (tokenDigest == null || candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(tokenDigest, sha256(candidate));
    }

    private static String cookie(Headers headers) {
        for (String line : headers.getOrDefault("Cookie", java.util.List.of())) {
            for (String c : line.split(";")) {
                String t = c.trim();
                if (t.startsWith(COOKIE + "=")) {
                    return t.substring(COOKIE.length() + 1);
                }
            }
        }
        return null;
    }

    static boolean loopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            return h.startsWith("[::1]");
        }
        int colon = h.indexOf(':');
        String name = colon < 0 ? h : h.substring(0, colon);
        return name.equals("localhost") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
