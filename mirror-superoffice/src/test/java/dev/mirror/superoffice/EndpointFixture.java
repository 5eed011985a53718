package dev.mirror.superoffice;

import dev.mirror.superoffice.sim.InMemorySessions;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import dev.mirror.superoffice.sim.TestKeys;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A running endpoint on a free port, backed by in-memory mirrors, with a simulator pointed at it. */
final class EndpointFixture implements AutoCloseable {
    static final String APP_ID = "6cf25376616343b38d14ddcd804f2891";

    final KeyPair superOffice = TestKeys.generate();
    final KeyPair application = TestKeys.generate();
    final InMemorySessions sessions = new InMemorySessions();
    final SuperOfficeSource source;
    final SuperOfficeSimulator sim;
    final SuperOfficeConfig config;

    EndpointFixture(Path dir) {
        this(dir, false, SuperOfficeConfig.DEFAULT_MAX_REQUEST_BYTES, Map.of());
    }

    EndpointFixture(Path dir, boolean paused, long maxRequestBytes, Map<String, List<String>> primaryKeys) {
        Path cert = TestKeys.write(dir, "superoffice.pem", TestKeys.publicPem(superOffice));
        Path key = TestKeys.write(dir, "app-key.xml", TestKeys.privateDotNetXml(application));
        config = new SuperOfficeConfig(0, "127.0.0.1", SuperOfficeConfig.DEFAULT_PATH, Optional.empty(), Optional.empty(),
                APP_ID, key, List.of(cert), 60, primaryKeys, paused, maxRequestBytes, 8);
        source = new SuperOfficeSource(config, Clock.systemUTC());
        source.serve(sessions);
        sim = new SuperOfficeSimulator(uri(), APP_ID, superOffice.getPrivate(), application.getPublic());
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + source.port() + SuperOfficeConfig.DEFAULT_PATH);
    }

    @Override
    public void close() {
        source.close();
    }
}
