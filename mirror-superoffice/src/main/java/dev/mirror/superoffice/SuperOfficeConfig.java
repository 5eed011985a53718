package dev.mirror.superoffice;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.config.PluginConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoint's configuration, bound from the {@code source} subtree.
 *
 * @param port                   TCP port to listen on (0 picks a free one, for tests)
 * @param bindAddress            address to bind, e.g. {@code 0.0.0.0}
 * @param path                   the service path, e.g. {@code /mirroring/MirroringClientService.svc}
 * @param tlsKeystore            a PKCS#12/JKS keystore for HTTPS, or empty for plain HTTP (behind a TLS proxy)
 * @param tlsKeystorePassword    its password (a secret), or empty
 * @param applicationId          the SuperOffice application (client) id; tokens must carry {@code aud=spn:<id>}
 * @param privateKeyFile         the application's RSA private key (.NET RSA XML or PEM)
 * @param superOfficeCertificates PEM certificates / public keys SuperOffice signs tokens with (one per environment)
 * @param allowedClockSkewSeconds tolerance on the token's nbf/exp
 * @param primaryKeys            per table (lower case) the primary-key columns, overriding "first column"
 * @param replicationPaused      "do not replicate now": Authenticate says so, data calls write nothing
 * @param maxRequestBytes        the largest request body accepted (after gzip decoding)
 * @param threads                worker threads serving calls concurrently
 */
public record SuperOfficeConfig(int port, String bindAddress, String path, Optional<Path> tlsKeystore,
                                Optional<String> tlsKeystorePassword, String applicationId, Path privateKeyFile,
                                List<Path> superOfficeCertificates, int allowedClockSkewSeconds,
                                Map<String, List<String>> primaryKeys, boolean replicationPaused,
                                long maxRequestBytes, int threads) {

    public static final String DEFAULT_PATH = "/mirroring/MirroringClientService.svc";
    public static final long DEFAULT_MAX_REQUEST_BYTES = 64L * 1024 * 1024;

    public SuperOfficeConfig {
        requireNonNull(bindAddress, "bindAddress is null");
        requireNonNull(path, "path is null");
        requireNonNull(tlsKeystore, "tlsKeystore is null");
        requireNonNull(tlsKeystorePassword, "tlsKeystorePassword is null");
        requireNonNull(applicationId, "applicationId is null");
        requireNonNull(privateKeyFile, "privateKeyFile is null");
        superOfficeCertificates = List.copyOf(superOfficeCertificates);
        primaryKeys = Map.copyOf(primaryKeys);
    }

    /** Binds and validates; problems are recorded on {@code config}, never thrown. */
    public static SuperOfficeConfig from(PluginConfig config) {
        int port = config.integer("port", 8443);
        if (port < 0 || port > 65535) {
            config.problem("port", "must be 0..65535, got " + port);
        }
        String path = config.string("path", DEFAULT_PATH);
        if (!path.startsWith("/")) {
            config.problem("path", "must start with '/', e.g. " + DEFAULT_PATH);
        }
        // tls: {keystore: ..., keystorePassword: ...} is a nested mapping in the file
        Optional<PluginConfig> tls = config.child("tls");
        Optional<Path> keystore = tls.flatMap(t -> t.string("keystore")).map(Path::of);
        Optional<String> keystorePassword = tls.flatMap(t -> t.secret("keystorePassword"));
        if (tls.isPresent() && keystore.isEmpty()) {
            // Without this, a tls block missing its keystore would silently serve plain HTTP.
            config.problem("tls.keystore", "is required in tls (the PKCS#12 file with the endpoint's certificate and "
                    + "private key); remove the tls block to serve plain HTTP behind a TLS proxy");
        }
        if (keystore.isPresent() && keystorePassword.isEmpty()) {
            config.problem("tls.keystorePassword", "is required with tls.keystore (use ${MIRROR_TLS_PASSWORD})");
        }
        String applicationId = config.requiredString("applicationId");
        String keyFile = config.requiredString("privateKeyFile");
        List<Path> certs = new ArrayList<>();
        for (String c : config.strings("superOfficeCertificates")) {
            certs.add(Path.of(c));
        }
        if (certs.isEmpty()) {
            config.problem("superOfficeCertificates",
                    "list at least one SuperOffice certificate or public key file (PEM), one per environment (sod, stage, online)");
        }
        int skew = config.integer("allowedClockSkewSeconds", 60);
        if (skew < 0 || skew > 900) {
            config.problem("allowedClockSkewSeconds", "must be 0..900, got " + skew);
        }
        Map<String, List<String>> pks = new LinkedHashMap<>();
        config.child("primaryKey").ifPresent(child -> child.raw().keySet().forEach(table -> {
            List<String> cols = child.strings(table);
            if (cols.isEmpty()) {
                child.problem(table, "list the primary-key column(s) of table '" + table + "'");
            } else {
                pks.put(table.toLowerCase(Locale.ROOT), cols);
            }
        }));
        boolean paused = config.bool("replicationPaused", false);
        long max = config.longValue("maxRequestBytes", DEFAULT_MAX_REQUEST_BYTES);
        if (max < 64 * 1024) {
            config.problem("maxRequestBytes", "must be at least 65536 (SuperOffice sends ~1 MB batches), got " + max);
        }
        int threads = config.integer("threads", 16);
        if (threads < 1) {
            config.problem("threads", "must be at least 1, got " + threads);
        }
        return new SuperOfficeConfig(port, config.string("bindAddress", "0.0.0.0"), path, keystore, keystorePassword,
                applicationId, Path.of(keyFile.isEmpty() ? "." : keyFile), certs, Math.max(0, skew), pks, paused,
                Math.max(64 * 1024, max), Math.max(1, threads));
    }

    /** The primary key of a table: configured, else its first column. */
    public List<String> primaryKeyFor(String table, String firstColumn) {
        return primaryKeys.getOrDefault(table.toLowerCase(Locale.ROOT), List.of(firstColumn));
    }

    @Override
    public String toString() {
        // Never print the keystore password.
        return "SuperOfficeConfig[port=" + port + ", bindAddress=" + bindAddress + ", path=" + path + ", tls="
                + tlsKeystore.isPresent() + ", applicationId=" + applicationId + ", replicationPaused=" + replicationPaused
                + ", maxRequestBytes=" + maxRequestBytes + "]";
    }
}
