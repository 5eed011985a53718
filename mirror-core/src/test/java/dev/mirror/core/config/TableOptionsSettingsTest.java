package dev.mirror.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.core.Redactor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableOptionsSettingsTest {
    private final ConfigProblems problems = new ConfigProblems();
    private final Redactor redactor = new Redactor();

    private TableOptionsSettings bind(Map<String, Object> options) {
        TreePluginConfig root = new TreePluginConfig("", Map.of("options", options), problems, redactor, Set.of());
        return TableOptionsSettings.bind(root.child("options"));
    }

    @Test
    void noSectionMirrorsEveryTableWhole() {
        TreePluginConfig root = new TreePluginConfig("", Map.of(), problems, redactor, Set.of());
        assertThat(TableOptionsSettings.bind(root.child("options")).forTable("contact")).isEqualTo(TableOptions.DEFAULT);
    }

    @Test
    void aTableEntryReplacesTheDefaultKeyByKey() {
        TableOptionsSettings s = bind(Map.of(
                "hashSalt", "0123456789abcdef-secret",
                "default", Map.of("mode", "softDelete", "columns", Map.of("exclude", List.of("notes"))),
                "tables", Map.of("Contact", Map.of("mode", "HISTORY", "columns", Map.of("hash", List.of("email"))))));
        assertThat(problems.all()).isEmpty();
        assertThat(s.forTable("person")).isEqualTo(new TableOptions(TableMode.SOFT_DELETE, Set.of("notes"), Set.of()));
        TableOptions contact = s.forTable("contact");
        assertThat(contact.mode()).isEqualTo(TableMode.HISTORY);
        assertThat(contact.exclude()).containsExactly("notes");
        assertThat(contact.hash()).containsExactly("email");
        assertThat(contact.hash().contains("EMAIL")).as("column names compare case-insensitively").isTrue();
    }

    @Test
    void theSaltIsASecretMaskedEverywhere() {
        TableOptionsSettings s = bind(Map.of("hashSalt", "0123456789abcdef-secret",
                "default", Map.of("columns", Map.of("hash", List.of("email")))));
        assertThat(s.toString()).doesNotContain("0123456789abcdef-secret").contains("hashSalt=****");
        assertThat(redactor.redact("salt is 0123456789abcdef-secret")).isEqualTo("salt is ****");
    }

    @Test
    void everyProblemIsReported() {
        bind(Map.of("default", Map.of("mode", "archive", "columns", Map.of("hash", List.of("email"), "exclude", List.of("email")))));
        assertThat(problems.all()).anySatisfy(p -> assertThat(p).contains("options.default.mode").contains("mirror, softDelete or history"))
                .anySatisfy(p -> assertThat(p).contains("both excluded and hashed"))
                .anySatisfy(p -> assertThat(p).contains("options.hashSalt").contains("at least 16"));
    }
}
