package dev.mirror.superoffice;

import dev.mirror.api.MirrorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the endpoint's server {@link SSLContext} from {@code tls.keystore}. Everything that can be wrong with the
 * keystore is found here, at startup and before the port is bound, and reported as a configuration error naming the
 * file and what to do; never with the password, and never with a JDK message that might echo key material.
 */
final class EndpointTls {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointTls.class);
    private static final String CODE = "SUPEROFFICE_TLS";

    private EndpointTls() {
    }

    /** Opens the keystore (PKCS#12 or JKS, detected from its content) and returns a TLS server context. */
    static SSLContext serverContext(Path keystore, String password) {
        if (!Files.isRegularFile(keystore)) {
            throw problem("tls.keystore " + keystore + " does not exist or is not a file; give the PKCS#12 (.p12) "
                    + "keystore holding the endpoint's certificate and private key");
        }
        if (!Files.isReadable(keystore)) {
            throw problem("tls.keystore " + keystore + " cannot be read by this process; check its permissions");
        }
        char[] pw = password.toCharArray();
        try {
            KeyStore ks = open(keystore, pw);
            checkKeyEntries(keystore, ks);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            try {
                kmf.init(ks, pw);
            } catch (UnrecoverableKeyException e) {
                // The JDK's key manager opens every private key with the keystore's password.
                throw problem("the private key in tls.keystore " + keystore + " cannot be opened with tls.keystorePassword; "
                        + "the key's own password must be the keystore's password (keytool -keypasswd, or re-export)");
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw problem("cannot use tls.keystore " + keystore + " (" + e.getClass().getSimpleName()
                    + "); check that it is a PKCS#12 keystore with the endpoint's certificate and private key");
        } finally {
            Arrays.fill(pw, '\0');
        }
    }

    private static KeyStore open(Path keystore, char[] pw) throws GeneralSecurityException {
        try {
            return KeyStore.getInstance(keystore.toFile(), pw);
        } catch (IOException e) {
            // PKCS#12 and JKS both report a wrong password as an IOException caused by UnrecoverableKeyException.
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw problem("tls.keystorePassword does not open tls.keystore " + keystore
                        + " (wrong password, or a damaged file); check the password you configured");
            }
            throw problem("cannot read tls.keystore " + keystore + " (" + e.getClass().getSimpleName()
                    + "); check that it is a complete PKCS#12 or JKS keystore file");
        } catch (KeyStoreException e) {
            throw problem("tls.keystore " + keystore + " is not a PKCS#12 or JKS keystore; convert a PEM certificate and "
                    + "key with 'openssl pkcs12 -export -in cert.pem -inkey key.pem -out endpoint.p12'");
        }
    }

    /** Without a private key the server has nothing to offer and every handshake would fail ("no cipher suites"). */
    private static void checkKeyEntries(Path keystore, KeyStore ks) throws KeyStoreException {
        int keys = 0;
        for (String alias : Collections.list(ks.aliases())) {
            if (!ks.isKeyEntry(alias)) {
                continue;
            }
            keys++;
            Certificate cert = ks.getCertificate(alias);
            if (cert instanceof X509Certificate x) {
                try {
                    x.checkValidity();
                } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                    // Served anyway (the operator may be replacing it), but SuperOffice will refuse the connection.
                    LOG.warn("the TLS certificate '{}' in {} is not valid now (valid {} to {}); SuperOffice will refuse "
                            + "to call this endpoint until it is renewed", x.getSubjectX500Principal(), keystore,
                            x.getNotBefore().toInstant(), x.getNotAfter().toInstant());
                }
            }
        }
        if (keys == 0) {
            throw problem("tls.keystore " + keystore + " holds no private key (only certificates?); it needs the "
                    + "endpoint's certificate together with its private key");
        }
    }

    private static MirrorException problem(String message) {
        return MirrorException.configuration(CODE, message);
    }
}
