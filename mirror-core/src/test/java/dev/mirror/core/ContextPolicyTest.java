package dev.mirror.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.ErrorCategory;
import dev.mirror.api.MirrorException;
import dev.mirror.api.ContextId;
import dev.mirror.api.source.PushSource;
import dev.mirror.core.config.ConfigProblems;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContextPolicyTest {
    @Test
    void severalAllowedTenantsWithoutCtxInTheUrlAreRefusedSayingWhatToChange() {
        ContextPolicy p = ContextPolicy.of(null, Optional.of(ids("CustB", "CustA")), false);
        assertThat(p.isolated()).isFalse();
        assertThatThrownBy(p::requireIsolation).isInstanceOfSatisfying(MirrorException.class, e -> {
            assertThat(e.code()).isEqualTo("TENANTS_NOT_ISOLATED");
            assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
        }).hasMessageContaining("source.allowedContexts lists 2 tenants [CustA, CustB]")
                .hasMessageContaining("Put {ctx} in target.url").hasMessageContaining("source.allowedContexts: [");
        assertThatThrownBy(() -> p.admit(ContextId.of("CustA"))).as("the sessions refuse too, whoever serves")
                .isInstanceOfSatisfying(MirrorException.class, e -> assertThat(e.code()).isEqualTo("TENANTS_NOT_ISOLATED"));
    }

    @Test
    void withoutIsolationOnlyTheConfiguredContextIsAdmitted() {
        ContextPolicy p = ContextPolicy.of(ContextId.of("CustA"), Optional.of(ids("CustA", "CustB")), false);
        assertThatThrownBy(p::requireIsolation).hasMessageContaining("[CustA, CustB]");
        assertThatCode(() -> p.admit(ContextId.of("CustA"))).as("status and resync of the configured context").doesNotThrowAnyException();
        assertThatThrownBy(() -> p.admit(ContextId.of("CustB"))).isInstanceOfSatisfying(MirrorException.class,
                e -> assertThat(e.code()).isEqualTo("TENANTS_NOT_ISOLATED"));
    }

    @Test
    void anUnrestrictedPushSourceWithoutCtxInTheUrlIsRefused() {
        ContextPolicy p = ContextPolicy.of(null, Optional.empty(), false);
        assertThatThrownBy(p::requireIsolation).hasMessageContaining("any tenant may push")
                .hasMessageContaining("neither source.allowedContexts nor context is set").hasMessageContaining("{ctx}");
    }

    @Test
    void oneAllowedTenantNeedsNoCtxAndOthersAreRefusedNamingTenantAndSetting() {
        ContextPolicy p = ContextPolicy.of(null, Optional.of(ids("CustA")), false);
        assertThatCode(p::requireIsolation).doesNotThrowAnyException();
        assertThatCode(() -> p.admit(ContextId.of("CustA"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> p.admit(ContextId.of("CustEvil"))).isInstanceOfSatisfying(MirrorException.class,
                        e -> assertThat(e.code()).isEqualTo("CONTEXT_NOT_ALLOWED"))
                .hasMessageContaining("context 'CustEvil' may not push").hasMessageContaining("it is not in source.allowedContexts;")
                .hasMessageContaining("nothing was written");
    }

    @Test
    void withCtxInTheUrlSeveralOrAllTenantsAreIsolated() {
        ContextPolicy listed = ContextPolicy.of(null, Optional.of(ids("CustA", "CustB")), true);
        assertThatCode(listed::requireIsolation).doesNotThrowAnyException();
        assertThatCode(() -> listed.admit(ContextId.of("CustB"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> listed.admit(ContextId.of("CustC"))).hasMessageContaining("'CustC'")
                .as("the refused tenant is not told who else may push").hasMessageNotContaining("CustA");
        ContextPolicy open = ContextPolicy.of(ContextId.of("CustA"), Optional.empty(), true);
        assertThat(open.allowed()).as("context only names the tenant status looks at when the target routes per tenant").isEmpty();
        assertThatCode(() -> open.admit(ContextId.of("AnyOne"))).doesNotThrowAnyException();
        assertThat(open.describe()).isEqualTo("every context, each into its own target ({ctx})");
    }

    @Test
    void theConfiguredContextIsTheOnlyTenantOfATargetWithoutCtx() {
        ContextPolicy p = ContextPolicy.of(ContextId.of("Cust7"), Optional.empty(), false);
        assertThat(p.isolated()).isTrue();
        assertThatCode(() -> p.admit(ContextId.of("Cust7"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> p.admit(ContextId.of("Cust8"))).hasMessageContaining("context 'Cust8' may not push")
                .hasMessageContaining("only the tenant named by context").hasMessageNotContaining("Cust7").hasMessageContaining("put {ctx} in target.url");
        assertThat(p.describe()).isEqualTo("only Cust7 (context), into the one target");
    }

    @Test
    void declaredContextsAreValidatedAsConfigurationProblems() {
        ConfigProblems problems = new ConfigProblems();
        ContextPolicy.validate(ContextId.of("Cust9"), push(ids("Cust1", "Cust2")), problems);
        assertThat(problems.all()).singleElement().asString().startsWith("context: 'Cust9' is not in source.allowedContexts [Cust1, Cust2]");
        ConfigProblems none = new ConfigProblems();
        ContextPolicy.validate(null, push(Set.of()), none);
        assertThat(none.all()).singleElement().asString().contains("lists no context");
    }

    private static Set<ContextId> ids(String... contexts) {
        return java.util.Arrays.stream(contexts).map(ContextId::of).collect(java.util.stream.Collectors.toSet());
    }

    private static PushSource push(Set<ContextId> allowed) {
        return new PushSource() {
            @Override
            public void serve(dev.mirror.api.source.ProtocolSessions sessions) {
            }

            @Override
            public Optional<Set<ContextId>> allowedContexts() {
                return Optional.of(allowed);
            }

            @Override
            public void close() {
            }
        };
    }
}
