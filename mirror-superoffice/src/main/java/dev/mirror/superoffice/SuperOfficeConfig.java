package dev.mirror.superoffice;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.ContextId;
import dev.mirror.api.MirrorException;
import dev.mirror.api.config.PluginConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * @param allowedContexts        the tenants (context identifiers) that may push, or empty for every tenant; core
 *                               enforces it (see {@link dev.mirror.api.source.PushSource#allowedContexts})
 * @param publicUrl              the endpoint's address as SuperOffice calls it (behind a proxy), named by the WSDL;
 *                               empty: the address each {@code ?wsdl} request came to
 */
public record SuperOfficeConfig(int port, String bindAddress, String path, Optional<Path> tlsKeystore,
                                Optional<String> tlsKeystorePassword, String applicationId, Path privateKeyFile,
                                List<Path> superOfficeCertificates, int allowedClockSkewSeconds,
                                Map<String, List<String>> primaryKeys, boolean replicationPaused,
                                long maxRequestBytes, int threads, Optional<Set<ContextId>> allowedContexts,
                                Optional<URI> publicUrl) {

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
        allowedContexts = requireNonNull(allowedContexts, "allowedContexts is null").map(Set::copyOf);
        requireNonNull(publicUrl, "publicUrl is null");
    }

    /** Every tenant may push (core still refuses several tenants into one target without {ctx}); no public URL. */
    public SuperOfficeConfig(int port, String bindAddress, String path, Optional<Path> tlsKeystore,
                             Optional<String> tlsKeystorePassword, String applicationId, Path privateKeyFile,
                             List<Path> superOfficeCertificates, int allowedClockSkewSeconds,
                             Map<String, List<String>> primaryKeys, boolean replicationPaused, long maxRequestBytes, int threads) {
        this(port, bindAddress, path, tlsKeystore, tlsKeystorePassword, applicationId, privateKeyFile, superOfficeCertificates,
                allowedClockSkewSeconds, primaryKeys, replicationPaused, maxRequestBytes, threads, Optional.empty(), Optional.empty());
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
        String applicationId = config.requiredString("applicationId").strip();
        if (applicationId.regionMatches(true, 0, "spn:", 0, 4)) {
            config.problem("applicationId", "write the application id without 'spn:' (tokens carry aud=spn:<applicationId>)");
        }
        String keyFile = config.requiredString("privateKeyFile").strip();
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
                applicationId, Path.of(keyFile), certs, Math.max(0, skew), pks, paused,
                Math.max(64 * 1024, max), Math.max(1, threads), allowedContexts(config), publicUrl(config));
    }

    /** {@code allowedContexts}: absent means every tenant; present, it must list at least one valid context identifier. */
    private static Optional<Set<ContextId>> allowedContexts(PluginConfig config) {
        if (!config.has("allowedContexts")) {
            return Optional.empty();
        }
        List<String> listed = config.strings("allowedContexts");
        if (listed.isEmpty()) {
            config.problem("allowedContexts", "lists no tenant; list the context identifiers that may push "
                    + "(e.g. [Cust12345]), or remove the key to let every tenant push (then target.url needs {ctx})");
            return Optional.empty();
        }
        Set<ContextId> set = new LinkedHashSet<>();
        for (String c : listed) {
            try {
                set.add(ContextId.of(c.strip()));
            } catch (MirrorException e) {
                config.problem("allowedContexts", e.getMessage());
            }
        }
        return Optional.of(set);
    }

    /** {@code publicUrl}: an absolute http(s) URL with a host, e.g. https://mirror.example.com/mirroring/MirroringClientService.svc. */
    private static Optional<URI> publicUrl(PluginConfig config) {
        Optional<String> raw = config.string("publicUrl").map(String::strip);
        if (raw.isEmpty()) {
            if (config.has("publicUrl")) {
                config.problem("publicUrl", "is empty; give the endpoint's public address or remove the key");
            }
            return Optional.empty();
        }
        try {
            URI u = new URI(raw.get());
            if (u.getScheme() != null && (u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
                    && u.getHost() != null && u.getRawQuery() == null && u.getRawFragment() == null) {
                return Optional.of(u);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        config.problem("publicUrl", "must be an absolute http(s) URL without query, e.g. https://mirror.example.com"
                + DEFAULT_PATH + "; got '" + raw.get() + "'");
        return Optional.empty();
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
                + ", maxRequestBytes=" + maxRequestBytes + ", allowedContexts=" + allowedContexts.map(Object::toString).orElse("all")
                + ", publicUrl=" + publicUrl.map(URI::toString).orElse("none") + "]";
    }
}
