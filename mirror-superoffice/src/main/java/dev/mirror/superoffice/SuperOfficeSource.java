package dev.mirror.superoffice;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.ContextId;
import dev.mirror.api.source.PushSource;
import dev.mirror.api.source.ProtocolSessions;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SuperOffice push source: {@link #serve} starts the IMirroringClientService endpoint, whose calls
 * drive the protocol of the context each call's token names; {@link #close} stops it. Keys are read at
 * {@link #serve} so a wrong key file is reported at startup, not at the first call.
 */
public final class SuperOfficeSource implements PushSource {
    private final SuperOfficeConfig config;
    private final Clock clock;
    private SoapHttpServer server;

    public SuperOfficeSource(SuperOfficeConfig config, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public synchronized void serve(ProtocolSessions sessions) {
        requireNonNull(sessions, "sessions is null");
        if (server != null) {
            throw MirrorException.internal("the SuperOffice endpoint is already serving", null);
        }
        if (config.applicationId().isBlank()) {
            // Every token would then be refused with "audience is not 'spn:'": say what is wrong instead.
            throw MirrorException.configuration("SUPEROFFICE_APPLICATION_ID", "applicationId is empty; give the SuperOffice "
                    + "application (client) id of the registered application");
        }
        PrivateKey key = RsaKeys.readPrivateKey(config.privateKeyFile());
        List<RSAPublicKey> certs = RsaKeys.readPublicKeys(config.superOfficeCertificates());
        TokenValidator validator = new TokenValidator(certs, config.applicationId(),
                Duration.ofSeconds(config.allowedClockSkewSeconds()), clock);
        MirroringEndpoint endpoint = new MirroringEndpoint(config, sessions, validator, new ApplicationTokenSigner(key, clock),
                build());
        SoapHttpServer s = new SoapHttpServer(config, endpoint);
        s.start();
        server = s;
    }

    @Override
    public Optional<Set<ContextId>> allowedContexts() {
        return config.allowedContexts();
    }

    /** The port actually listened on (useful with {@code port: 0}); -1 when not serving. */
    public synchronized int port() {
        return server == null ? -1 : server.port();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** What Authenticate reports as {@code SuperOfficeMirroringBuild}. */
    static String build() {
        String v = SuperOfficeSource.class.getPackage().getImplementationVersion();
        return "mirror-superoffice/" + (v == null ? "dev" : v);
    }
}
