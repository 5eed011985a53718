package dev.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} and {@code serve} on push (SuperOffice) configurations: optional context, {ctx}, tenants, empty keys. */
class SuperOfficeCliTest {
    @TempDir
    Path dir;

    /** A superoffice source (key files need not exist to validate) plus the given extra source keys and target. */
    private Path config(String top, String sourceExtra, String target) throws IOException {
        Path f = dir.resolve("push.yaml");
        Files.writeString(f, top + """
                source:
                  type: superoffice
                  port: 0
                  applicationId: 6cf25376616343b38d14ddcd804f2891
                  privateKeyFile: /etc/mirror/app.xml
                  superOfficeCertificates: [/etc/mirror/so.crt]
                """ + sourceExtra + "target:\n" + target);
        return f;
    }

    private String h2(String name) {
        return "  url: jdbc:h2:file:" + dir.resolve(name).toAbsolutePath().toString().replace('\\', '/') + "\n";
    }

    @Test
    void aPushConfigurationWithoutContextValidates() throws Exception {
        Cli.Result r = Cli.run("validate", "--config", config("", "  allowedContexts: [Cust1]\n", h2("one")).toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("configuration: OK").contains("tenants: only Cust1 (source.allowedContexts), into the one target")
                .contains("target: OK (h2, jdbc:h2:file:").contains("source: superoffice is a push source")
                .doesNotContain("CONTEXT_MISSING");
    }

    @Test
    void aCtxUrlIsValidatedForEachAllowedTenant() throws Exception {
        Cli.Result r = Cli.run("validate", "--config", config("", "  allowedContexts: [CustB, CustA]\n", h2("Mirroring_{ctx}")).toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("tenants: only CustA, CustB (source.allowedContexts), each into its own target ({ctx})")
                .containsPattern("target: OK \\(h2, jdbc:h2:file:.*Mirroring_CustA, context CustA, 0 tables\\)")
                .containsPattern("target: OK \\(h2, jdbc:h2:file:.*Mirroring_CustB, context CustB, 0 tables\\)");
    }

    @Test
    void aCtxUrlOpenToEveryTenantSaysWhatItChecked() throws Exception {
        Cli.Result r = Cli.run("validate", "--config", config("", "", h2("Mirroring_{ctx}")).toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("tenants: every context, each into its own target ({ctx})")
                .contains("target: not connected: target.url routes per tenant ({ctx}) and no tenant is named")
                .contains("accepts the URL with {ctx} = Validate");
        assertThat(dir.resolve("Mirroring_Validate.mv.db")).as("no database is created for the placeholder").doesNotExist();
    }

    @Test
    void severalTenantsIntoOneTargetAreAConfigurationProblemForValidateAndServe() throws Exception {
        Path cfg = config("", "  allowedContexts: [CustA, CustB]\n", h2("one"));
        Cli.Result v = Cli.run("validate", "--config", cfg.toString());
        assertThat(v.code()).as(v.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(v.out()).contains("configuration: INVALID").doesNotContain("configuration: OK")
                .contains("source.allowedContexts lists 2 tenants [CustA, CustB]").contains("Put {ctx} in target.url");
        Cli.Result s = Cli.run("serve", "--config", cfg.toString());
        assertThat(s.code()).as(s.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(s.err()).contains("[TENANTS_NOT_ISOLATED]").contains("Put {ctx} in target.url");
        Cli.Result open = Cli.run("serve", "--config", config("", "", h2("one")).toString());
        assertThat(open.code()).as(open.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(open.err()).contains("any tenant may push");
    }

    @Test
    void requiredKeysWithEmptyValuesAreReportedByValidate() throws Exception {
        Path f = dir.resolve("empty.yaml");
        Files.writeString(f, """
                context: Cust1
                source:
                  type: superoffice
                  applicationId:
                  privateKeyFile:
                  superOfficeCertificates: ["", /etc/mirror/so.crt]
                  allowedContexts: []
                """);
        Cli.Result r = Cli.run("validate", "--config", f.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.CONFIGURATION);
        assertThat(r.out()).contains("configuration: INVALID")
                .contains("source.applicationId: is empty; give it a value")
                .contains("source.privateKeyFile: is empty; give it a value")
                .contains("source.superOfficeCertificates[0]: is empty")
                .contains("source.allowedContexts: lists no tenant")
                .doesNotContain("cannot read privateKeyFile");
    }
}
