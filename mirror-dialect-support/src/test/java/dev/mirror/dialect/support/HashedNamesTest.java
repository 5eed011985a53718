package dev.mirror.dialect.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashedNamesTest {
    private final List<String> warnings = new ArrayList<>();
    private final HashedNames units = new HashedNames("Units", HashedNames.Limit.utf16Units(32), 8, StandardCharsets.UTF_8,
            HashedNames.doubling('"'), warnings::add);
    private final HashedNames bytes = new HashedNames("Bytes", HashedNames.Limit.utf8Bytes(20), 4, StandardCharsets.UTF_8,
            HashedNames.doubling('`'), w -> { });

    @Test
    void namesThatFitAreKept() {
        assertThat(units.targetName("x".repeat(32))).isEqualTo("x".repeat(32));
        assertThat(bytes.targetName("é".repeat(10))).as("20 bytes in UTF-8").isEqualTo("é".repeat(10));
        assertThat(warnings).isEmpty();
    }

    @Test
    void longNamesAreCutAndHashedDeterministicallyAndReportedOnce() throws Exception {
        String a = "x".repeat(40) + "a";
        String mapped = units.targetName(a);
        assertThat(mapped).hasSize(32).isEqualTo("x".repeat(23) + "_" + sha256(a, StandardCharsets.UTF_8).substring(0, 8))
                .isEqualTo(units.targetName(a)).isNotEqualTo(units.targetName("x".repeat(40) + "b"));
        assertThat(warnings).hasSize(2).first().asString().contains(a).contains("Units").contains(mapped);
    }

    @Test
    void aCutNeverSplitsASurrogatePairOrAUtf8Sequence() {
        String emoji = "a".repeat(22) + "😀".repeat(10); // the cut at 23 units falls inside the first pair
        String mapped = units.targetName(emoji);
        assertThat(mapped).startsWith("a".repeat(22) + "_").hasSize(31);
        String accents = "é".repeat(20); // 40 bytes; 20 - 5 = 15 bytes kept: 7 whole characters
        String b = bytes.targetName(accents);
        assertThat(b).startsWith("é".repeat(7) + "_");
        assertThat(b.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(20);
    }

    @Test
    void quotingDoublesTheDelimiter() {
        assertThat(units.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(bytes.quote("a`b")).isEqualTo("`a``b`");
        assertThat(units.quote("]';--")).isEqualTo("\"]';--\"");
    }

    @Test
    void emptyNamesAndNulAreRefusedWithTheTargetsName() {
        for (String bad : new String[] {"", "a\0b"}) {
            assertThatThrownBy(() -> units.targetName(bad)).isInstanceOfSatisfying(MirrorException.class, e -> {
                assertThat(e.code()).isEqualTo("IDENTIFIER_INVALID");
                assertThat(e.getMessage()).contains("Units");
            });
            assertThatThrownBy(() -> units.quote(bad)).isInstanceOf(MirrorException.class);
        }
        assertThatThrownBy(() -> new HashedNames("x", HashedNames.Limit.utf16Units(8), 8, StandardCharsets.UTF_8,
                HashedNames.doubling('"'), w -> { })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16");
        assertThatThrownBy(() -> new HashedNames("x", HashedNames.Limit.utf16Units(64), 7, StandardCharsets.UTF_8,
                HashedNames.doubling('"'), w -> { })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("even");
    }

    /** A target that refuses a trailing space, cannot hold '#' and allows at most 10 '#'-free... x's. */
    @Test
    void aRuleMapsNamesThatFitButBreakIt() throws Exception {
        HashedNames.Rule rule = new HashedNames.Rule() {
            @Override
            public boolean holds(String name) {
                return !name.endsWith(" ") && name.indexOf('#') < 0 && name.chars().filter(c -> c == 'x').count() <= 10;
            }

            @Override
            public String replace(String name) {
                return name.replace('#', '_');
            }

            @Override
            public String shorten(String prefix, int suffix) {
                String p = prefix;
                while (p.chars().filter(c -> c == 'x').count() > 10) {
                    p = p.substring(0, p.length() - 1);
                }
                return p;
            }

            @Override
            public String description() {
                return "no trailing space, no '#', at most 10 x";
            }
        };
        HashedNames ruled = new HashedNames("Ruled", HashedNames.Limit.utf16Units(32), 8, StandardCharsets.UTF_8,
                HashedNames.doubling('"'), warnings::add, rule);
        assertThat(ruled.targetName("plain")).isEqualTo("plain");
        assertThat(ruled.targetName("name ")).isEqualTo("name _" + sha256("name ", StandardCharsets.UTF_8).substring(0, 8))
                .isNotEqualTo(ruled.targetName("name"));
        assertThat(ruled.targetName("a#b")).isEqualTo("a_b_" + sha256("a#b", StandardCharsets.UTF_8).substring(0, 8))
                .isNotEqualTo(ruled.targetName("a_b"));
        assertThat(ruled.targetName("x".repeat(12))).as("shortened to the second limit").startsWith("x".repeat(10) + "_")
                .hasSize(19);
        assertThat(ruled.targetName("#".repeat(40))).as("replaced, then cut to the length limit")
                .startsWith("_".repeat(23) + "_").hasSize(32);
        assertThat(warnings).hasSize(4).first().asString().contains("name ").contains("Ruled").contains("trailing space");
    }

    private static String sha256(String s, java.nio.charset.Charset cs) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(cs)));
    }
}
