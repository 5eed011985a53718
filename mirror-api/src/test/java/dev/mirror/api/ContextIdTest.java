package dev.mirror.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContextIdTest {
    @Test
    void lettersDigitsAndUnderscoreAreAccepted() {
        assertThat(ContextId.of("Cust10195").value()).isEqualTo("Cust10195");
        assertThat(ContextId.of("a_1").toString()).isEqualTo("a_1");
        assertThat(ContextId.of("x".repeat(100)).value()).hasSize(100);
        assertThat(ContextId.of("Cust1")).isEqualTo(new ContextId("Cust1"));
        assertThat(ContextId.isValid("Cust1")).isTrue();
        assertThat(ContextId.isValid("Cust 1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cust 1", "x;drop table y", "a-b", "ü", "a]b", "a\"b"})
    void anythingElseIsRejectedWithAClearError(String bad) {
        assertThatThrownBy(() -> ContextId.of(bad)).isInstanceOf(MirrorException.class)
                .hasMessageContaining("'" + bad + "' is invalid (it contains characters other than letters, digits and '_')")
                .hasMessageContaining("use 1 to 100 letters, digits and '_'");
    }

    @Test
    void missingEmptyAndTooLongSayWhatIsWrong() {
        assertThatThrownBy(() -> ContextId.of(null)).hasMessageContaining("context identifier is missing");
        assertThatThrownBy(() -> ContextId.of("")).hasMessageContaining("context identifier is empty");
        assertThatThrownBy(() -> ContextId.of("x".repeat(101))).hasMessageContaining("is too long (101 characters)")
                .hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> ContextId.of("a\nb")).hasMessageContaining("'a?b'");
    }
}
