package dev.mirror.mariadb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.dialect.support.HashedNames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MariaDbNamesTest {
    private final List<String> warnings = new ArrayList<>();
    private final HashedNames names = MariaDbNames.create(warnings::add);

    @Test
    void namesMariaDbCanHoldAreKept() {
        for (String n : List.of("contact", "we]ird\"na'me; --", "cöl שלום", "x".repeat(64), " leading")) {
            assertThat(names.targetName(n)).isEqualTo(n);
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void longNamesAreCutWithAHashAndReportedOnce() {
        String n = "a".repeat(65);
        String mapped = names.targetName(n);
        assertThat(mapped).hasSize(64).startsWith("a".repeat(55) + "_").matches(".*_[0-9a-f]{8}");
        assertThat(names.targetName(n)).isEqualTo(mapped);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains(n).contains(mapped);
        assertThat(names.targetName("a".repeat(64) + "b")).isNotEqualTo(mapped);
    }

    @Test
    void supplementaryCharactersAndLoneSurrogatesAreReplacedSoNoHalfPairRemains() {
        String mapped = names.targetName("t😀x");
        assertThat(mapped).matches("t_x_[0-9a-f]{8}");
        assertThat(names.targetName("t\uD83Dx")).matches("t_x_[0-9a-f]{8}").isNotEqualTo(mapped);
        String pairs = names.targetName("😀".repeat(100));
        assertThat(pairs).hasSize(64).doesNotContain("\uD83D");
    }

    @Test
    void aTrailingSpaceIsMappedDeterministically() {
        String mapped = names.targetName("name ");
        assertThat(mapped).matches("name _[0-9a-f]{8}").isNotEqualTo(names.targetName("name"));
        assertThat(names.targetName("name ")).isEqualTo(mapped);
        assertThat(names.targetName("name  ")).isNotEqualTo(mapped);
    }

    @Test
    void namesWhoseFileNameWouldBeTooLongAreMapped() {
        String hebrew = "ש".repeat(64);
        String mapped = names.targetName(hebrew);
        assertThat(mapped).isNotEqualTo(hebrew).matches("ש+_[0-9a-f]{8}");
        assertThat(MariaDbNames.fileNameBytes(mapped)).isLessThanOrEqualTo(MariaDbNames.MAX_FILE_NAME_BYTES);
        assertThat(names.targetName("ש".repeat(40))).as("short enough").isEqualTo("ש".repeat(40));
    }

    @Test
    void backticksAreDoubled() {
        assertThat(names.quote("a`b")).isEqualTo("`a``b`");
        assertThat(names.quote("x\"y'z]")).isEqualTo("`x\"y'z]`");
    }

    @Test
    void nulAndEmptyNamesAreRefused() {
        for (String bad : List.of("a\0b", "")) {
            assertThatThrownBy(() -> names.targetName(bad)).isInstanceOfSatisfying(MirrorException.class,
                    e -> assertThat(e.code()).isEqualTo("IDENTIFIER_INVALID"));
        }
        assertThatThrownBy(() -> names.quote("a\0")).isInstanceOf(MirrorException.class).hasMessageContaining("NUL");
    }
}
