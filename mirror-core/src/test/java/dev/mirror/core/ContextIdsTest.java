package dev.mirror.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContextIdsTest {
    @Test
    void lettersDigitsAndUnderscoreAreAccepted() {
        assertThat(ContextIds.metadataTable("Cust10195")).isEqualTo("Cust10195_mirroring");
        assertThat(ContextIds.require("a_1")).isEqualTo("a_1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Cust 1", "x;drop table y", "a-b", "ü", "a]b", "a\"b"})
    void anythingElseIsRejectedWithAClearError(String bad) {
        assertThatThrownBy(() -> ContextIds.require(bad)).isInstanceOf(MirrorException.class)
                .hasMessageContaining("letters, digits and '_'");
    }
}
