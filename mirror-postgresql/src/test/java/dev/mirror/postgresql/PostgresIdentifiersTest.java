package dev.mirror.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.ErrorCategory;
import dev.mirror.api.MirrorException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresIdentifiersTest {
    private final List<String> warnings = new ArrayList<>();
    private final PostgresDialect dialect = new PostgresDialect(4096, "mirror", warnings::add);

    @Test
    void quotesHostileNames() {
        assertThat(dialect.names().quote("plain")).isEqualTo("\"plain\"");
        assertThat(dialect.names().quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(dialect.names().quote("\"; DROP TABLE x; --")).isEqualTo("\"\"\"; DROP TABLE x; --\"");
        assertThat(dialect.names().quote("it's")).isEqualTo("\"it's\"");
        assertThat(dialect.names().quote("with space")).isEqualTo("\"with space\"");
        assertThat(dialect.names().quote("Ærø_名前")).isEqualTo("\"Ærø_名前\"");
        assertThat(dialect.names().quote("MixedCase")).isEqualTo("\"MixedCase\"");
    }

    @Test
    void shortNamesAreUnchanged() {
        String n63 = "a".repeat(63);
        assertThat(dialect.names().targetName(n63)).isEqualTo(n63);
        assertThat(dialect.names().targetName("Ærø")).isEqualTo("Ærø");
        assertThat(warnings).isEmpty();
    }

    @Test
    void longNamesAreMappedDeterministicallyAndReportedOnce() {
        String n128 = "x".repeat(128);
        String mapped = dialect.names().targetName(n128);
        assertThat(mapped).hasSize(63).startsWith("x".repeat(54) + "_").matches("x{54}_[0-9a-f]{8}");
        assertThat(dialect.names().targetName(n128)).isEqualTo(mapped);
        assertThat(new PostgresDialect(4096, "", w -> { }).names().targetName(n128)).isEqualTo(mapped);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains(n128).contains(mapped).contains("63");
        // Same prefix, different tail: different names.
        assertThat(dialect.names().targetName("x".repeat(127) + "y")).isNotEqualTo(mapped);
        assertThat(warnings).hasSize(2);
    }

    @Test
    void limitIsInUtf8BytesAndCutsOnCharacterBoundaries() {
        String name = "é".repeat(32); // 32 characters, 64 bytes
        String mapped = dialect.names().targetName(name);
        assertThat(mapped).isNotEqualTo(name);
        assertThat(mapped.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(mapped).startsWith("é".repeat(27) + "_"); // 54 bytes of é
        String emoji = "😀".repeat(20); // 80 bytes, surrogate pairs
        String mappedEmoji = dialect.names().targetName(emoji);
        assertThat(mappedEmoji).startsWith("😀".repeat(13) + "_"); // 52 bytes, a 14th would make 56 > 54
        assertThat(mappedEmoji.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(dialect.names().targetName("é".repeat(31) + "a")).isEqualTo("é".repeat(31) + "a"); // exactly 63 bytes
    }

    @Test
    void nulIsRejected() {
        assertThatThrownBy(() -> dialect.names().targetName("a\0b")).isInstanceOfSatisfying(MirrorException.class, e -> {
            assertThat(e.code()).isEqualTo("IDENTIFIER_INVALID");
            assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
            assertThat(e.getMessage()).contains("NUL");
        });
        assertThatThrownBy(() -> dialect.names().quote("a\0b")).isInstanceOf(MirrorException.class);
    }
}
