package dev.mirror.sqlserver.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.sqlserver.common.SqlServerNames;
import dev.mirror.api.MirrorException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlServerNamesTest {
    private final SqlServerDialect dialect = new SqlServerDialect(BulkSettings.DEFAULTS);

    @Test
    void namesThatFitAreKept() {
        String n128 = "n".repeat(128);
        assertThat(dialect.names().targetName(n128)).isEqualTo(n128);
        assertThat(dialect.names().quote(n128)).isEqualTo("[" + n128 + "]");
        // 64 supplementary characters are 128 UTF-16 code units: sysname holds them
        String smileys = "😀".repeat(64);
        assertThat(dialect.names().targetName(smileys)).isEqualTo(smileys);
    }

    @Test
    void longNamesAreCutAndHashedDeterministically() {
        for (int length : List.of(129, 300, 1000)) {
            String name = "x".repeat(length - 1) + "a";
            String mapped = dialect.names().targetName(name);
            assertThat(mapped).as("%d characters", length).hasSize(128)
                    .startsWith("x".repeat(SqlServerNames.KEPT_UNITS) + "_").matches("x{119}_[0-9a-f]{8}");
            assertThat(dialect.names().targetName(name)).as("deterministic").isEqualTo(mapped);
            assertThat(dialect.names().targetName("x".repeat(length - 1) + "b")).as("names differing at the end stay distinct")
                    .isNotEqualTo(mapped);
            assertThat(dialect.names().quote(mapped)).isEqualTo("[" + mapped + "]");
        }
        // a fixed expectation, so that a change of the hash (which would orphan every mapped mirror table) is noticed
        assertThat(dialect.names().targetName("c".repeat(300))).isEqualTo("c".repeat(119) + "_" + hashOf("c".repeat(300)));
    }

    @Test
    void aSurrogatePairAtTheCutIsNeverSplit() {
        // the pair occupies units 118 and 119 (0-based): keeping 119 units would keep its high half only
        String name = "a".repeat(118) + "😀" + "b".repeat(200);
        String mapped = dialect.names().targetName(name);
        assertThat(mapped).startsWith("a".repeat(118) + "_").hasSize(127);
        assertThat(mapped.chars().noneMatch(ch -> Character.isSurrogate((char) ch))).isTrue();
        // the pair just before the cut is kept whole
        String before = "a".repeat(117) + "😀" + "b".repeat(200);
        assertThat(dialect.names().targetName(before)).startsWith("a".repeat(117) + "😀_").hasSize(128);
        // all supplementary characters: never more than 128 units, never half a pair
        String smileys = "😀".repeat(500);
        String m = dialect.names().targetName(smileys);
        assertThat(m.length()).isLessThanOrEqualTo(128);
        assertThat(m.substring(0, m.indexOf('_')).codePoints().allMatch(cp -> cp == 0x1F600)).isTrue();
    }

    @Test
    void onlyUnfixableNamesAreRefused() {
        for (String bad : List.of("a\0b", "\0", "", "x".repeat(300) + "\0")) {
            assertThatThrownBy(() -> dialect.names().targetName(bad)).as("targetName of %s", bad.length())
                    .isInstanceOfSatisfying(MirrorException.class, e -> assertThat(e.code()).isEqualTo("IDENTIFIER_INVALID"));
        }
        assertThatThrownBy(() -> dialect.names().quote("q".repeat(129))).as("quote takes target names only")
                .isInstanceOfSatisfying(MirrorException.class, e -> assertThat(e.code()).isEqualTo("IDENTIFIER_INVALID"))
                .hasMessageContaining("at most 128");
    }

    @Test
    void regularIdentifiers() {
        for (String ok : List.of("person", "_x", "a1_b", "Contact")) {
            assertThat(SqlServerNames.isRegular(ok)).as(ok).isTrue();
        }
        for (String no : List.of("1a", "a b", "a-b", "select", "TABLE", "a]", "#tmp", "@v", "ø")) {
            assertThat(SqlServerNames.isRegular(no)).as(no).isFalse();
        }
    }

    private static String hashOf(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
            return java.util.HexFormat.of().formatHex(d, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
