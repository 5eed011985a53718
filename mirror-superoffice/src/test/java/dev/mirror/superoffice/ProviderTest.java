package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.config.PluginConfig;
import dev.mirror.api.ContextId;
import dev.mirror.api.PluginContext;
import dev.mirror.api.source.PushSource;
import dev.mirror.api.source.PushSourceProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ProviderTest {
    @Test
    void foundThroughTheServiceLoaderAsAPushSource() {
        PushSourceProvider p = ServiceLoader.load(PushSourceProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(x -> x.name().equals("superoffice")).findFirst().orElseThrow();
        MapConfig c = new MapConfig(Map.of("applicationId", "app", "privateKeyFile", "/k.xml",
                "superOfficeCertificates", List.of("/so.pem"), "tls", Map.of("keystore", "/ks.p12", "keystorePassword", "pw"), "primaryKey",
                Map.of("Person", List.of("contact_id", "person_id"))));
        try (PushSource s = p.create(PluginContext.of(c, Optional.empty()))) {
            assertThat(s).isInstanceOf(SuperOfficeSource.class);
        }
        assertThat(c.problems).isEmpty();
        SuperOfficeConfig cfg = SuperOfficeConfig.from(c);
        assertThat(cfg.primaryKeyFor("person", "person_id")).containsExactly("contact_id", "person_id");
        assertThat(cfg.primaryKeyFor("contact", "contact_id")).containsExactly("contact_id");
        assertThat(cfg.allowedClockSkewSeconds()).isEqualTo(60);
        assertThat(cfg.toString()).doesNotContain("pw");
    }

    @Test
    void missingSettingsAreAllReported() {
        MapConfig c = new MapConfig(Map.of("port", 70000));
        SuperOfficeConfig.from(c);
        assertThat(String.join("\n", c.problems)).contains("port").contains("applicationId").contains("privateKeyFile")
                .contains("superOfficeCertificates");
    }

    @Test
    void allowedContextsAndPublicUrlAreBound() {
        MapConfig c = new MapConfig(Map.of("applicationId", "app", "privateKeyFile", "/k.xml", "superOfficeCertificates",
                List.of("/so.pem"), "allowedContexts", List.of("Cust1", "Cust2", "Cust1"),
                "publicUrl", "https://mirror.example.com/mirroring/MirroringClientService.svc"));
        SuperOfficeConfig cfg = SuperOfficeConfig.from(c);
        assertThat(c.problems).isEmpty();
        assertThat(cfg.allowedContexts()).hasValueSatisfying(a -> assertThat(a).containsExactlyInAnyOrder(ContextId.of("Cust1"), ContextId.of("Cust2")));
        assertThat(cfg.publicUrl()).hasValue(java.net.URI.create("https://mirror.example.com/mirroring/MirroringClientService.svc"));
        try (PushSource s = new SuperOfficeSource(cfg, java.time.Clock.systemUTC())) {
            assertThat(s.allowedContexts()).as("declared to core, which enforces it").isEqualTo(cfg.allowedContexts());
        }
        SuperOfficeConfig open = SuperOfficeConfig.from(new MapConfig(Map.of("applicationId", "app", "privateKeyFile", "/k.xml",
                "superOfficeCertificates", List.of("/so.pem"))));
        assertThat(open.allowedContexts()).as("no key: every tenant").isEmpty();
    }

    @Test
    void badTenantAndAddressSettingsAreProblems() {
        MapConfig c = new MapConfig(Map.of("applicationId", "spn:app", "privateKeyFile", "/k.xml", "superOfficeCertificates",
                List.of("/so.pem"), "allowedContexts", List.of(), "publicUrl", "mirror.example.com/svc"));
        SuperOfficeConfig.from(c);
        assertThat(c.problems).anySatisfy(p -> assertThat(p).startsWith("allowedContexts: lists no tenant"))
                .anySatisfy(p -> assertThat(p).startsWith("publicUrl: must be an absolute http(s) URL"))
                .anySatisfy(p -> assertThat(p).startsWith("applicationId: write the application id without 'spn:'"));
    }

    @Test
    void aMalformedAllowedContextIsAProblemSayingWhatIsAllowed() {
        MapConfig c = new MapConfig(Map.of("applicationId", "app", "privateKeyFile", "/k.xml", "superOfficeCertificates",
                List.of("/so.pem"), "allowedContexts", List.of("Cust1", "no way")));
        SuperOfficeConfig cfg = SuperOfficeConfig.from(c);
        assertThat(c.problems).singleElement().asString().startsWith("allowedContexts: context identifier 'no way' is invalid")
                .contains("letters, digits and '_'");
        assertThat(cfg.allowedContexts()).hasValue(java.util.Set.of(ContextId.of("Cust1")));
    }

    @Test
    void emptyKeySettingsFailServeWithWhatIsEmpty(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path cert = dir.resolve("so.pem");
        java.nio.file.Files.writeString(cert, dev.mirror.superoffice.sim.TestKeys.publicPem(dev.mirror.superoffice.sim.TestKeys.generate()));
        java.nio.file.Path emptyKey = java.nio.file.Files.writeString(dir.resolve("empty.xml"), "\n");
        SuperOfficeConfig noPath = new SuperOfficeConfig(0, "127.0.0.1", "/m", Optional.empty(), Optional.empty(), "app",
                java.nio.file.Path.of(""), List.of(cert), 60, Map.of(), false, SuperOfficeConfig.DEFAULT_MAX_REQUEST_BYTES, 1);
        try (SuperOfficeSource s = new SuperOfficeSource(noPath, java.time.Clock.systemUTC())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.serve(ctx -> null))
                    .hasMessageStartingWith("privateKeyFile is empty; give the path");
        }
        SuperOfficeConfig empty = new SuperOfficeConfig(0, "127.0.0.1", "/m", Optional.empty(), Optional.empty(), "app",
                emptyKey, List.of(cert), 60, Map.of(), false, SuperOfficeConfig.DEFAULT_MAX_REQUEST_BYTES, 1);
        try (SuperOfficeSource s = new SuperOfficeSource(empty, java.time.Clock.systemUTC())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.serve(ctx -> null))
                    .hasMessageContaining("privateKeyFile " + emptyKey + " is empty");
        }
        SuperOfficeConfig noApp = new SuperOfficeConfig(0, "127.0.0.1", "/m", Optional.empty(), Optional.empty(), " ",
                emptyKey, List.of(cert), 60, Map.of(), false, SuperOfficeConfig.DEFAULT_MAX_REQUEST_BYTES, 1);
        try (SuperOfficeSource s = new SuperOfficeSource(noApp, java.time.Clock.systemUTC())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.serve(ctx -> null)).hasMessageStartingWith("applicationId is empty");
        }
    }

    /** A minimal PluginConfig over a map (core's binding is not a dependency of this module). */
    static final class MapConfig implements PluginConfig {
        final Map<String, Object> map;
        final List<String> problems = new ArrayList<>();

        MapConfig(Map<String, Object> map) {
            this.map = new LinkedHashMap<>(map);
        }

        @Override public String path() { return "source"; }
        @Override public Optional<String> string(String key) { return Optional.ofNullable(map.get(key)).map(Object::toString); }
        @Override public String string(String key, String d) { return string(key).orElse(d); }
        @Override public String requiredString(String key) {
            Optional<String> v = string(key);
            if (v.isEmpty()) {
                problems.add(key + " is required");
            }
            return v.orElse("");
        }
        @Override public Optional<String> secret(String key) { return string(key); }
        @Override public int integer(String key, int d) { return map.containsKey(key) ? ((Number) map.get(key)).intValue() : d; }
        @Override public long longValue(String key, long d) { return map.containsKey(key) ? ((Number) map.get(key)).longValue() : d; }
        @Override public boolean bool(String key, boolean d) { return map.containsKey(key) ? (Boolean) map.get(key) : d; }
        @SuppressWarnings("unchecked")
        @Override public List<String> strings(String key) {
            Object v = map.get(key);
            return v == null ? List.of() : v instanceof List<?> l ? (List<String>) l : List.of(v.toString());
        }
        @SuppressWarnings("unchecked")
        @Override public Optional<PluginConfig> child(String key) {
            Object v = map.get(key);
            return v instanceof Map<?, ?> m ? Optional.of(new MapConfig((Map<String, Object>) m)) : Optional.empty();
        }
        @Override public List<PluginConfig> children(String key) { return List.of(); }
        @Override public Map<String, Object> raw() { return map; }
        @Override public void problem(String key, String message) { problems.add(key + ": " + message); }
    }
}
