package dev.mirror.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.core.config.ConfigLoader;
import dev.mirror.core.config.ConfigProblems;
import dev.mirror.core.plugins.TestProviders;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Core refuses to let several tenants share one target, and refuses tenants a push source does not allow. */
class TenantIsolationTest {
    private static Mirror build(String yaml) {
        Map<String, Object> tree = new ConfigLoader(k -> null).parse(yaml, "t.yaml", new ConfigProblems());
        return Mirror.builder().config(tree, "t.yaml").pluginDirectory(false).build();
    }

    @Test
    void serveRefusesSeveralAllowedTenantsIntoOneTargetBeforeTheSourceListens() {
        try (Mirror m = build("source: {type: fakepush, allowed: [CustA, CustB]}\ntarget: {dialect: fake, url: \"jdbc:h2:mem:one\"}\n")) {
            int served = TestProviders.FakePushSource.SERVED.get();
            assertThatThrownBy(m::serve).isInstanceOfSatisfying(MirrorException.class,
                            e -> assertThat(e.code()).isEqualTo("TENANTS_NOT_ISOLATED"))
                    .hasMessageContaining("[CustA, CustB]").hasMessageContaining("{ctx}");
            assertThat(TestProviders.FakePushSource.SERVED.get()).as("the source never started").isEqualTo(served);
            assertThatThrownBy(() -> m.sessions().forContext(dev.mirror.api.ContextId.of("CustA"))).as("nor can a caller bypass serve()")
                    .hasMessageContaining("no {ctx}");
        }
    }

    @Test
    void serveRefusesAPushSourceOpenToEveryTenantIntoOneTarget() {
        try (Mirror m = build("source: {type: fakepush}\ntarget: {dialect: fake}\n")) {
            assertThatThrownBy(m::serve).hasMessageContaining("any tenant may push");
        }
    }

    @Test
    void perTenantTargetsServeAndRefuseAnUnlistedTenantBeforeResolvingItsTarget() {
        try (Mirror m = build("source: {type: fakepush, allowed: [CustA, CustB]}\ntarget: {dialect: fake, url: \"jdbc:h2:mem:t_{ctx}\"}\n")) {
            assertThatCode(m::serve).doesNotThrowAnyException();
            assertThat(m.sessions().forContext(dev.mirror.api.ContextId.of("CustB")).contextId().value()).isEqualTo("CustB");
            assertThatThrownBy(() -> m.sessions().forContext(dev.mirror.api.ContextId.of("CustC"))).isInstanceOfSatisfying(MirrorException.class,
                            e -> assertThat(e.code()).isEqualTo("CONTEXT_NOT_ALLOWED"))
                    .hasMessageContaining("'CustC'").hasMessageContaining("source.allowedContexts");
        }
    }

    @Test
    void aSingleTenantConfigurationKeepsWorkingThroughContext() {
        try (Mirror m = build("context: Cust7\nsource: {type: fakepush}\ntarget: {dialect: fake, url: \"jdbc:h2:mem:one\"}\n")) {
            assertThatCode(m::serve).doesNotThrowAnyException();
            assertThat(m.sessions().forContext(dev.mirror.api.ContextId.of("Cust7")).contextId().value()).isEqualTo("Cust7");
            assertThatThrownBy(() -> m.sessions().forContext(dev.mirror.api.ContextId.of("Cust8"))).hasMessageContaining("only the tenant named by context");
        }
    }

    @Test
    void badAllowedContextsAreConfigurationProblems() {
        assertThatThrownBy(() -> build("context: Cust9\nsource: {type: fakepush, allowed: [Cust1, \"no way\"]}\n"
                + "target: {dialect: fake, url: \"jdbc:h2:mem:t_{ctx}\"}\n"))
                .as("the source parses its list with ContextId.of and records a bad one under its own key")
                .hasMessageContaining("source.allowed: context identifier 'no way' is invalid")
                .hasMessageContaining("context: 'Cust9' is not in source.allowedContexts [Cust1]");
    }

    @Test
    void anEmptyTargetUrlOrDialectIsAProblemNotTheEmbeddedDefault() {
        assertThatThrownBy(() -> build("context: Cust1\nsource: {type: fakesource}\ntarget:\n  url:\n  dialect: \"\"\n"))
                .hasMessageContaining("target.url: is empty").hasMessageContaining("target.dialect: is empty")
                .hasMessageNotContaining("no single target dialect");
    }

    @Test
    void requiredKeysPresentWithoutValueAreProblems() {
        assertThatThrownBy(() -> build("""
                context: Cust1
                source:
                  type:
                target: {dialect: fake, url: "jdbc:fake:x"}
                blocklist:
                  add: [contact, "", " "]
                hooks:
                  - name: noop
                    label:
                  - name: noop
                    label: "  "
                """)).hasMessageContaining("source.type: is empty; give it a value")
                .hasMessageContaining("hooks[0].label: is empty").hasMessageContaining("hooks[1].label: is empty")
                .hasMessageContaining("blocklist.add[1]: is empty").hasMessageContaining("blocklist.add[2]: is empty");
    }
}
