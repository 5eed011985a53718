package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.testkit.hook.MapPluginConfig;
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
        MapPluginConfig c = new MapPluginConfig("", Map.of("applicationId", "app", "privateKeyFile", "/k.xml",
                "superOfficeCertificates", List.of("/so.pem"), "tls", Map.of("keystore", "/ks.p12", "keystorePassword", "pw"), "primaryKey",
                Map.of("Person", List.of("contact_id", "person_id"))));
        try (PushSource s = p.create(PluginContext.of(c, Optional.empty()))) {
            assertThat(s).isInstanceOf(SuperOfficeSource.class);
        }
        assertThat(c.problems()).isEmpty();
        SuperOfficeConfig cfg = SuperOfficeConfig.from(c);
        assertThat(cfg.primaryKeyFor("person", "person_id")).containsExactly("contact_id", "person_id");
        assertThat(cfg.primaryKeyFor("contact", "contact_id")).containsExactly("contact_id");
        assertThat(cfg.allowedClockSkewSeconds()).isEqualTo(60);
        assertThat(cfg.toString()).doesNotContain("pw");
    }

    @Test
    void missingSettingsAreAllReported() {
        MapPluginConfig c = new MapPluginConfig("", Map.of("port", 70000));
        SuperOfficeConfig.from(c);
        assertThat(String.join("\n", c.problems())).contains("port").contains("applicationId").contains("privateKeyFile")
                .contains("superOfficeCertificates");
    }

    @Test
    void allowedContextsAndPublicUrlAreBound() {
        MapPluginConfig c = new MapPluginConfig("", Map.of("applicationId", "app", "privateKeyFile", "/k.xml", "superOfficeCertificates",
                List.of("/so.pem"), "allowedContexts", List.of("Cust1", "Cust2", "Cust1"),
                "publicUrl", "https://mirror.example.com/mirroring/MirroringClientService.svc"));
        SuperOfficeConfig cfg = SuperOfficeConfig.from(c);
        assertThat(c.problems()).isEmpty();
        assertThat(cfg.allowedContexts()).hasValueSatisfying(a -> assertThat(a).containsExactlyInAnyOrder(ContextId.of("Cust1"), ContextId.of("Cust2")));
        assertThat(cfg.publicUrl()).hasValue(java.net.URI.create("https://mirror.example.com/mirroring/MirroringClientService.svc"));
        try (PushSource s = new SuperOfficeSource(cfg, java.time.Clock.systemUTC())) {
            assertThat(s.allowedContexts()).as("declared to core, which enforces it").isEqualTo(cfg.allowedContexts());
        }
        SuperOfficeConfig open = SuperOfficeConfig.from(new MapPluginConfig("", Map.of("applicationId", "app", "privateKeyFile", "/k.xml",
                "superOfficeCertificates", List.of("/so.pem"))));
        assertThat(open.allowedContexts()).as("no key: every tenant").isEmpty();
    }

    @Test
    void badTenantAndAddressSettingsAreProblems() {
        MapPluginConfig c = new MapPluginConfig("", Map.of("applicationId", "spn:app", "privateKeyFile", "/k.xml", "superOfficeCertificates",
                List.of("/so.pem"), "allowedContexts", List.of(), "publicUrl", "mirror.example.com/svc"));
        SuperOfficeConfig.from(c);
        assertThat(c.problems()).anySatisfy(p -> assertThat(p).startsWith("allowedContexts: lists no tenant"))
                .anySatisfy(p -> assertThat(p).startsWith("publicUrl: must be an absolute http(s) URL"))
                .anySatisfy(p -> assertThat(p).startsWith("applicationId: write the application id without 'spn:'"));
    }

    @Test
    void aMalformedAllowedContextIsAProblemSayingWhatIsAllowed() {
        MapPluginConfig c = new MapPluginConfig("", Map.of("applicationId", "app", "privateKeyFile", "/k.xml", "superOfficeCertificates",
                List.of("/so.pem"), "allowedContexts", List.of("Cust1", "no way")));
        SuperOfficeConfig cfg = SuperOfficeConfig.from(c);
        assertThat(c.problems()).singleElement().asString().startsWith("allowedContexts: context identifier 'no way' is invalid")
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
}
