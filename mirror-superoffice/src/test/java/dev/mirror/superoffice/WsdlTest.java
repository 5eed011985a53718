package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.superoffice.sim.InMemorySessions;
import dev.mirror.superoffice.sim.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WSDL at {@code ?wsdl} names the endpoint's own address, never SuperOffice's development host. */
class WsdlTest {
    private static final Pattern LOCATION = Pattern.compile("<soap:address location=\"([^\"]*)\"/>");
    private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8443);

    @TempDir
    Path dir;

    @Test
    void theAddressIsTheHostTheRequestCameToWithTheServicePath() {
        assertThat(Wsdl.address(Optional.empty(), true, "mirror.example.com", LOCAL, "/m.svc")).isEqualTo("https://mirror.example.com/m.svc");
        assertThat(Wsdl.address(Optional.empty(), false, "10.0.0.5:8080", LOCAL, "/m.svc")).isEqualTo("http://10.0.0.5:8080/m.svc");
        assertThat(Wsdl.address(Optional.empty(), false, "[::1]:8080", LOCAL, "/m.svc")).isEqualTo("http://[::1]:8080/m.svc");
    }

    @Test
    void aMissingOrHostileHostHeaderFallsBackToTheLocalAddress() {
        assertThat(Wsdl.address(Optional.empty(), false, null, LOCAL, "/m.svc")).isEqualTo("http://127.0.0.1:8443/m.svc");
        assertThat(Wsdl.address(Optional.empty(), false, "evil.example\"/><x y=\"", LOCAL, "/m.svc")).isEqualTo("http://127.0.0.1:8443/m.svc");
        assertThat(Wsdl.address(Optional.empty(), false, "user@host/path", LOCAL, "/m.svc")).isEqualTo("http://127.0.0.1:8443/m.svc");
    }

    @Test
    void theConfiguredPublicUrlWins() {
        URI pub = URI.create("https://crm-mirror.example.com/so/MirroringClientService.svc");
        assertThat(Wsdl.address(Optional.of(pub), false, "internal:8080", LOCAL, "/m.svc")).isEqualTo(pub.toString());
    }

    @Test
    void theRenderedWsdlNamesOnlyTheGivenAddressEscaped() {
        String text = new String(new Wsdl().render("https://a.example/x?y=1&z=2"), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("localhost:44334").contains("location=\"https://a.example/x?y=1&amp;z=2\"")
                .contains("IMirroringClientService");
    }

    @Test
    void servedOverHttpWithTheRequestsHostOrThePublicUrl() throws Exception {
        try (SuperOfficeSource plain = start(Optional.empty())) {
            assertThat(location(get(plain.port(), "127.0.0.1:" + plain.port()))).isEqualTo("http://127.0.0.1:" + plain.port()
                    + SuperOfficeConfig.DEFAULT_PATH);
            assertThat(location(get(plain.port(), "mirror.example.com:9443")))
                    .isEqualTo("http://mirror.example.com:9443" + SuperOfficeConfig.DEFAULT_PATH);
        }
        URI pub = URI.create("https://mirror.example.com/mirroring/MirroringClientService.svc");
        try (SuperOfficeSource proxied = start(Optional.of(pub))) {
            assertThat(location(get(proxied.port(), "127.0.0.1:" + proxied.port()))).isEqualTo(pub.toString());
        }
    }

    private SuperOfficeSource start(Optional<URI> publicUrl) {
        KeyPair so = TestKeys.generate();
        KeyPair app = TestKeys.generate();
        SuperOfficeConfig config = new SuperOfficeConfig(0, "127.0.0.1", SuperOfficeConfig.DEFAULT_PATH, Optional.empty(),
                Optional.empty(), "app", TestKeys.write(dir, "k" + publicUrl.isPresent() + ".pem", TestKeys.privatePkcs8Pem(app)),
                List.of(TestKeys.write(dir, "so" + publicUrl.isPresent() + ".pem", TestKeys.publicPem(so))), 60, Map.of(), false,
                SuperOfficeConfig.DEFAULT_MAX_REQUEST_BYTES, 2, Optional.empty(), publicUrl);
        SuperOfficeSource source = new SuperOfficeSource(config, Clock.systemUTC());
        source.serve(new InMemorySessions());
        return source;
    }

    /** A raw GET ?wsdl with the given Host header (the JDK client does not let a caller set Host). */
    private static String get(int port, String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + SuperOfficeConfig.DEFAULT_PATH + "?wsdl HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        }
    }

    private static String location(String response) {
        assertThat(response).startsWith("HTTP/1.1 200");
        Matcher m = LOCATION.matcher(response);
        assertThat(m.find()).as("a soap:address in %s", response.substring(0, Math.min(300, response.length()))).isTrue();
        String found = m.group(1);
        assertThat(m.find()).as("one soap:address").isFalse();
        return found;
    }
}
