package dev.mirror.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.core.Mirror;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    private static Map<String, Object> parse(String yaml, Map<String, String> env) {
        ConfigProblems problems = new ConfigProblems();
        Map<String, Object> tree = new ConfigLoader(env::get).parse(yaml, "test.yaml", problems);
        problems.throwIfAny("test.yaml");
        return tree;
    }

    @Test
    void environmentVariablesAreSubstitutedWithDefaults() {
        Map<String, Object> tree = parse("""
                target:
                  password: ${PW}
                  user: ${USER_X:-sa}
                """, Map.of("PW", "from-env"));
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) tree.get("target");
        assertThat(target).containsEntry("password", "from-env").containsEntry("user", "sa");
    }

    @Test
    void aMissingVariableIsReportedWithItsPath() {
        assertThatThrownBy(() -> parse("target:\n  password: ${NOPE}\n", Map.of()))
                .hasMessageContaining("target.password: environment variable NOPE is not set");
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertThatThrownBy(() -> parse("a: [1, 2\nb: c: d\n", Map.of())).isInstanceOf(MirrorException.class)
                .hasMessageContaining("not valid YAML/JSON").hasMessageContaining("line");
    }

    @Test
    void everyProblemIsReportedAtOnceWithoutSecrets() {
        Map<String, Object> tree = parse("""
                context: "bad id!"
                source:
                  type: fakesource
                  pasword: typo
                  password: hunter22
                target:
                  dialect: fake
                  poolSize: 0
                  batchSize: -1
                blocklist:
                  add: [a, b]
                  extra: 1
                hooks:
                  - name: nosuchhook
                  - name: noop
                  - name: dup
                colour: blue
                """, Map.of());
        assertThatThrownBy(() -> Mirror.builder().config(tree, "test.yaml").pluginDirectory(false).build())
                .isInstanceOf(MirrorException.class)
                .satisfies(e -> assertThat(((MirrorException) e).code()).isEqualTo("CONFIG_INVALID"))
                .hasMessageContaining("context:").hasMessageContaining("letters, digits")
                .hasMessageContaining("source.pasword: unknown key")
                .hasMessageContaining("target.poolSize: must be between 1 and 64")
                .hasMessageContaining("target.batchSize: must be at least 1")
                .hasMessageContaining("blocklist.extra: unknown key")
                .hasMessageContaining("hooks[0].name: no hook named 'nosuchhook'")
                .hasMessageContaining("hooks[1].label: is required")
                .hasMessageContaining("hooks[2].name: two or more hook plugins are named 'dup'")
                .hasMessageContaining("colour: unknown key")
                .hasMessageNotContaining("hunter22");
    }

    @Test
    void aMissingSourceAndUnknownDialectAreReported() {
        Map<String, Object> tree = parse("target:\n  dialect: oracle\n", Map.of());
        assertThatThrownBy(() -> Mirror.builder().config(tree, "t.yaml").pluginDirectory(false).build())
                .hasMessageContaining("source: is required")
                .hasMessageContaining("no target dialect named 'oracle'").hasMessageContaining("available: fake");
    }

    @Test
    void theRunSectionBelongsToTheFrontEndAndIsNotReportedAsUnknown() {
        Map<String, Object> tree = parse("""
                context: Cust1
                source: {type: fakesource}
                target: {dialect: fake, url: "jdbc:fake:x", connectTimeoutSeconds: 5}
                run: {every: 20m, pause: {from: "23:00", to: "05:00"}}
                """, Map.of());
        try (Mirror m = Mirror.builder().config(tree, "t.yaml").pluginDirectory(false).build()) {
            assertThat(m.settings().targetSettings().connectTimeoutSeconds()).isEqualTo(5);
            assertThat(m.settings().run().string("every")).contains("20m");
        }
    }

    @Test
    void aValidConfigurationBuilds() {
        Map<String, Object> tree = parse("""
                context: Cust1
                source: {type: fakesource, greeting: hello}
                target: {dialect: fake, url: "jdbc:fake:x", batchSize: 10}
                """, Map.of());
        try (Mirror m = Mirror.builder().config(tree, "t.yaml").pluginDirectory(false).build()) {
            assertThat(m.contextId().value()).isEqualTo("Cust1");
            assertThat(m.settings().targetSettings().toString()).doesNotContain("hunter");
        }
    }

    @Test
    void withoutADialectOrUrlTheFrontEndsDefaultOrTheOneEmbeddedDialectIsUsed() {
        Map<String, Object> tree = parse("context: Cust1\nsource: {type: fakesource}\n", Map.of());
        try (Mirror m = Mirror.builder().config(tree, "t.yaml").pluginDirectory(false).build()) {
            assertThat(m.targetUrlTemplate()).as("the one dialect offering an embedded default").isEqualTo("jdbc:fake:default");
        }
        try (Mirror m = Mirror.builder().config(tree, "t.yaml").pluginDirectory(false).defaultDialect("fake").build()) {
            assertThat(m.targetDialect()).isNotNull();
        }
        assertThatThrownBy(() -> Mirror.builder().config(tree, "t.yaml").pluginDirectory(false).defaultDialect("oracle").build())
                .as("a front end's default names a plugin like target.dialect does")
                .hasMessageContaining("target: no target dialect named 'oracle'").hasMessageContaining("available: fake");
    }

    @Test
    void aPullSourceNeedsAValidContextAndThePushOnlyCommandsRefuseIt() {
        Map<String, Object> bad = parse("context: \"Cust 1\"\nsource: {type: fakesource}\ntarget: {dialect: fake}\n", Map.of());
        assertThatThrownBy(() -> Mirror.builder().config(bad, "t.yaml").pluginDirectory(false).build())
                .hasMessageContaining("context: context identifier 'Cust 1' is invalid")
                .as("one problem, not also 'context is required'").hasMessageContaining("has 1 problem");
        Map<String, Object> none = parse("source: {type: fakesource}\ntarget: {dialect: fake}\n", Map.of());
        assertThatThrownBy(() -> Mirror.builder().config(none, "t.yaml").pluginDirectory(false).build())
                .hasMessageContaining("context: is required for the pull source 'fakesource'");
        Map<String, Object> ok = parse("context: Cust1\nsource: {type: fakesource}\ntarget: {dialect: fake}\n", Map.of());
        try (Mirror m = Mirror.builder().config(ok, "t.yaml").pluginDirectory(false).build()) {
            assertThat(m.isPush()).isFalse();
            assertThatThrownBy(m::serve).isInstanceOfSatisfying(MirrorException.class, e -> assertThat(e.code()).isEqualTo("PULL_SOURCE"))
                    .hasMessageContaining("the source 'fakesource' is a pull source: run cycles (mirror run) instead of serving");
        }
    }
}
