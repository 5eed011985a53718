package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mirror.api.ErrorCategory;
import dev.mirror.api.MirrorException;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.testkit.hook.MapPluginConfig;
import dev.mirror.superoffice.sim.InMemoryProtocol;
import dev.mirror.superoffice.sim.InMemorySessions;
import dev.mirror.superoffice.sim.SimSource;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import dev.mirror.superoffice.sim.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint served over HTTPS, configured as a user would ({@code tls: {keystore, keystorePassword}} through the
 * provider), with a keystore the JDK's own keytool creates at test time: the simulator, trusting exactly that
 * certificate, runs whole cycles; plaintext and untrusting clients are refused; a bad keystore or password is a
 * clear startup error that never shows the password.
 */
class HttpsEndpointTest {
    private static final String APP_ID = EndpointFixture.APP_ID;
    private static final String PATH = SuperOfficeConfig.DEFAULT_PATH;

    @TempDir
    static Path stores;
    static String password;
    static Path keystore;
    static X509Certificate certificate;
    /** Another self-signed certificate for CN=localhost: same name, different key. */
    static X509Certificate otherCertificate;

    @TempDir
    Path dir;
    final KeyPair superOffice = TestKeys.generate();
    final KeyPair application = TestKeys.generate();
    final InMemorySessions sessions = new InMemorySessions();
    SuperOfficeSource source;

    @BeforeAll
    static void createKeystores() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name").startsWith("Windows") ? "keytool.exe" : "keytool");
        assumeTrue(Files.isExecutable(keytool), "the JDK's keytool is missing at " + keytool
                + " (a runtime without the JDK tools?): no keystore for the HTTPS tests can be created");
        password = randomPassword();
        keystore = keytool(keytool, stores.resolve("tls.p12"), password);
        certificate = certificate(keystore, password);
        String otherPassword = randomPassword();
        otherCertificate = certificate(keytool(keytool, stores.resolve("other.p12"), otherPassword), otherPassword);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(otherCertificate.getPublicKey()).isNotEqualTo(certificate.getPublicKey());
    }

    @BeforeEach
    void noSourceYet() {
        source = null;
    }

    @AfterEach
    void stop() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void wholeCyclesOverHttpsMirrorWhatWasSent() throws Exception {
        int port = start(0, tls(keystore.toString(), password));
        URI https = URI.create("https://127.0.0.1:" + port + PATH);

        // the certificate served is the configured one
        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(certificate)).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> wsdl = trusting.send(HttpRequest.newBuilder(URI.create(https + "?wsdl")).timeout(Duration.ofMinutes(1))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("IMirroringClientService")
                .as("the WSDL names this HTTPS endpoint").contains("<soap:address location=\"" + https + "\"/>");
        assertThat(wsdl.sslSession()).hasValueSatisfying(s -> {
            try {
                assertThat(s.getPeerCertificates()[0]).isEqualTo(certificate);
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                throw new AssertionError(e);
            }
        });

        SuperOfficeSimulator sim = simulator(https, trusting(certificate)).batchesPerCall(2);
        SimSource src = new SimSource();
        src.createTable(SimulatorEndToEndTest.contact());
        src.createTable(SimulatorEndToEndTest.person("nvarchar(20)"));
        for (int i = 1; i <= 4000; i++) {
            src.upsert("contact", SimulatorEndToEndTest.contactRow(i, 1));
        }
        for (int i = 1; i <= 300; i++) {
            src.upsert("person", i, i % 50 == 0 ? null : i, "Name" + i, "1990-01-" + (i % 28 + 1));
        }
        Map<String, TableCounts> first = sim.runCycle("Cust1", src);
        assertThat(first).containsEntry("contact", new TableCounts(4000, 0, 0)).containsEntry("person", new TableCounts(300, 0, 0));
        InMemoryProtocol mirror = sessions.existing("Cust1");
        SimulatorEndToEndTest.assertMirrorEquals(mirror, src);
        assertThat(mirror.lsn("contact")).isEqualTo(src.currentLsn());

        // a second cycle on the same (kept-alive) TLS connections, gzip-encoded requests this time
        for (int i = 1; i <= 4000; i += 7) {
            src.upsert("contact", SimulatorEndToEndTest.contactRow(i, 2));
        }
        for (int i = 3; i <= 4000; i += 50) {
            src.delete("contact", i);
        }
        src.upsert("person", 1, 2, "Renamed", null);
        Map<String, TableCounts> second = sim.gzipRequests(true).runCycle("Cust1", src);
        assertThat(second.get("contact").deletes()).isEqualTo(80);
        SimulatorEndToEndTest.assertMirrorEquals(mirror, src);
        assertThat(mirror.completions()).hasSize(2);
    }

    @Test
    void plainHttpToTheHttpsPortIsNotServed() throws Exception {
        int port = start(0, tls(keystore.toString(), password));

        // A raw plaintext request: whatever comes back (the connection closed, or a TLS alert) is not an HTTP answer.
        byte[] answer;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + PATH + "?wsdl HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            answer = readUpTo(s.getInputStream(), 64 * 1024);
        }
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        assertThat(text).doesNotStartWith("HTTP/").doesNotContain("IMirroringClientService");

        // The simulator speaking plain HTTP gets an I/O failure, never an answer, and nothing is mirrored.
        SuperOfficeSimulator plain = simulator(URI.create("http://127.0.0.1:" + port + PATH), null);
        assertThatThrownBy(() -> plain.authenticate("Cust1")).isInstanceOf(UncheckedIOException.class);
        assertThat(sessions.existing("Cust1")).isNull();

        // and the endpoint still serves HTTPS afterwards
        simulator(URI.create("https://127.0.0.1:" + port + PATH), trusting(certificate)).authenticate("Cust1");
        assertThat(sessions.existing("Cust1")).isNotNull();
    }

    @Test
    void aClientNotTrustingTheCertificateFailsTheHandshake() throws Exception {
        int port = start(0, tls(keystore.toString(), password));
        URI https = URI.create("https://127.0.0.1:" + port + PATH);

        // the JDK's default trust store (public CAs) does not trust a self-signed certificate
        assertHandshakeFails(() -> simulator(https, null).authenticate("Cust1"));
        // nor does a client trusting another certificate for the same name: trust is in the key, not the name
        assertHandshakeFails(() -> simulator(https, trusting(otherCertificate)).authenticate("Cust1"));
        assertThat(sessions.existing("Cust1")).isNull();
        // the control: trusting the endpoint's certificate works
        simulator(https, trusting(certificate)).authenticate("Cust1");
    }

    @Test
    void aWrongKeystorePasswordIsAClearStartupErrorWithoutThePasswordAndLeavesThePortFree() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String wrong = "Wrong" + randomPassword();
        assertThatThrownBy(() -> start(port, tls(keystore.toString(), wrong)))
                .isInstanceOfSatisfying(MirrorException.class, e -> {
                    assertThat(e.code()).isEqualTo("SUPEROFFICE_TLS");
                    assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
                    assertThat(e.getMessage()).contains("tls.keystorePassword").contains(keystore.toString())
                            .contains("wrong password");
                    assertThat(chain(e)).doesNotContain(wrong).doesNotContain(password);
                });
        assertThat(source.port()).isEqualTo(-1);
        source.close();

        // the failed start did not keep the port bound: the corrected configuration listens on it
        assertThat(start(port, tls(keystore.toString(), password))).isEqualTo(port);
        simulator(URI.create("https://127.0.0.1:" + port + PATH), trusting(certificate)).authenticate("Cust1");
    }

    @Test
    void aJksKeystoreServesToo() throws Exception {
        KeyStore p12 = KeyStore.getInstance(keystore.toFile(), password.toCharArray());
        KeyStore jks = KeyStore.getInstance("JKS");
        jks.load(null, null);
        jks.setKeyEntry("mirror", p12.getKey("mirror", password.toCharArray()), password.toCharArray(),
                p12.getCertificateChain("mirror"));
        Path file = dir.resolve("tls.jks");
        try (OutputStream out = Files.newOutputStream(file)) {
            jks.store(out, password.toCharArray());
        }
        assertStartFails(tls(file.toString(), "Wrong" + randomPassword()), "tls.keystorePassword", "wrong password");
        int port = start(0, tls(file.toString(), password));
        simulator(URI.create("https://127.0.0.1:" + port + PATH), trusting(certificate)).authenticate("Cust1");
        assertThat(sessions.existing("Cust1")).isNotNull();
    }

    @Test
    void unusableKeystoresAreClearStartupErrors() throws Exception {
        Path missing = dir.resolve("missing.p12");
        assertStartFails(tls(missing.toString(), password), "does not exist", missing.toString());

        Path pem = TestKeys.write(dir, "endpoint.pem", TestKeys.publicPem(application));
        assertStartFails(tls(pem.toString(), password), "is not a PKCS#12 or JKS keystore", pem.toString());

        // a trust store (certificates only) has no private key to serve with
        Path certsOnly = dir.resolve("certs-only.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("endpoint", certificate);
        try (OutputStream out = Files.newOutputStream(certsOnly)) {
            ks.store(out, password.toCharArray());
        }
        assertStartFails(tls(certsOnly.toString(), password), "holds no private key", certsOnly.toString());

        // a tls block without its keystore is a configuration problem, not silently plain HTTP
        MapPluginConfig noKeystore = config(0, Map.of("keystorePassword", password));
        SuperOfficeConfig.from(noKeystore);
        assertThat(noKeystore.problems()).anySatisfy(p -> assertThat(p).startsWith("tls.keystore"));
        assertThat(String.join("\n", noKeystore.problems())).doesNotContain(password);
    }

    private void assertStartFails(Map<String, Object> tls, String... expected) {
        assertThatThrownBy(() -> start(0, tls)).isInstanceOfSatisfying(MirrorException.class, e -> {
            assertThat(e.code()).isEqualTo("SUPEROFFICE_TLS");
            assertThat(e.getMessage()).contains(expected);
            assertThat(chain(e)).doesNotContain(password);
        });
        assertThat(source.port()).isEqualTo(-1);
        source.close();
        source = null;
    }

    private static void assertHandshakeFails(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(UncheckedIOException.class).satisfies(e -> assertThat(e.getCause())
                .isInstanceOf(SSLHandshakeException.class));
    }

    /** Creates the source through the provider from a user-style configuration and serves; returns the port. */
    private int start(int port, Map<String, Object> tls) {
        MapPluginConfig config = config(port, tls);
        source = (SuperOfficeSource) new SuperOfficeSourceProvider().create(dev.mirror.api.PluginContext.of(config, java.util.Optional.empty()));
        assertThat(config.problems()).isEmpty();
        source.serve(sessions);
        return source.port();
    }

    private MapPluginConfig config(int port, Map<String, Object> tls) {
        Path cert = TestKeys.write(dir, "superoffice.pem", TestKeys.publicPem(superOffice));
        Path key = TestKeys.write(dir, "app-key.xml", TestKeys.privateDotNetXml(application));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("port", port);
        m.put("bindAddress", "127.0.0.1");
        m.put("tls", tls);
        m.put("applicationId", APP_ID);
        m.put("privateKeyFile", key.toString());
        m.put("superOfficeCertificates", List.of(cert.toString()));
        m.put("threads", 4);
        return new MapPluginConfig("", m);
    }

    private static Map<String, Object> tls(String keystore, String keystorePassword) {
        return Map.of("keystore", keystore, "keystorePassword", keystorePassword);
    }

    private SuperOfficeSimulator simulator(URI uri, SSLContext ssl) {
        return new SuperOfficeSimulator(uri, APP_ID, superOffice.getPrivate(), application.getPublic(), ssl);
    }

    /** A client context trusting exactly {@code cert} and nothing else. */
    static SSLContext trusting(X509Certificate cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("endpoint", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** Runs keytool -genkeypair; the password goes through the environment, not the command line. */
    private static Path keytool(Path keytool, Path store, String storePassword) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "mirror", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass:env", "MIRROR_TEST_STOREPASS", "-noprompt")
                .redirectErrorStream(true);
        pb.environment().put("MIRROR_TEST_STOREPASS", storePassword);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("keytool finished").isTrue();
        assertThat(p.exitValue()).as("keytool exit status; output:\n" + output).isZero();
        return store;
    }

    private static X509Certificate certificate(Path store, String storePassword) throws Exception {
        return (X509Certificate) KeyStore.getInstance(store.toFile(), storePassword.toCharArray()).getCertificate("mirror");
    }

    private static String randomPassword() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Every message and toString in the cause chain. */
    private static String chain(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c).append('\n');
        }
        return b.toString();
    }

    private static byte[] readUpTo(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        try {
            while (out.size() < max && (n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // a reset connection is also "no plaintext answer"
        }
        return out.toByteArray();
    }
}
