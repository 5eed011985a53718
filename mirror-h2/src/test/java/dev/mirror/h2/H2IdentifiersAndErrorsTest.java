package dev.mirror.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.ErrorCategory;
import dev.mirror.api.MirrorException;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;

class H2IdentifiersAndErrorsTest {
    private final H2Dialect d = new H2Dialect();

    @Test
    void namesThatFitAreUnchanged() {
        assertThat(d.names().targetName("person")).isEqualTo("person");
        assertThat(d.names().targetName("x".repeat(256))).isEqualTo("x".repeat(256));
        assertThat(d.names().targetName("we]ird\"na'me; --")).isEqualTo("we]ird\"na'me; --");
    }

    @Test
    void longNamesAreTruncatedWithAHashSuffix() {
        String a = "x".repeat(300) + "a";
        String mapped = d.names().targetName(a);
        assertThat(mapped).hasSize(256).startsWith("x".repeat(239) + "_").matches(".*_[0-9a-f]{16}");
        assertThat(d.names().targetName(a)).isEqualTo(mapped);
        assertThat(d.names().targetName("x".repeat(300) + "b")).isNotEqualTo(mapped);
        // Pinned: the mapping is part of the mirror's on-disk contract and must not change between versions.
        assertThat(mapped.substring(240)).isEqualTo(H2IdentifiersAndErrorsTest.sha256Prefix(a));
    }

    static String sha256Prefix(String s) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(h).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void neverSplitsASurrogatePair() {
        String s = "x".repeat(238) + "😀".repeat(20);
        String mapped = d.names().targetName(s);
        assertThat(mapped.length()).isLessThanOrEqualTo(256);
        assertThat(Character.isHighSurrogate(mapped.charAt(mapped.indexOf('_', 238) - 1))).isFalse();
    }

    @Test
    void invalidNames() {
        for (String bad : new String[] {"a\0b", ""}) {
            assertThatThrownBy(() -> d.names().targetName(bad)).isInstanceOfSatisfying(MirrorException.class, e -> {
                assertThat(e.code()).isEqualTo("IDENTIFIER_INVALID");
                assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
            });
        }
    }

    @Test
    void classifiesH2Errors() {
        assertThat(d.errors().translate(new SQLException("x", "HYT00", ErrorCode.LOCK_TIMEOUT_1), "w")).satisfies(e -> {
            assertThat(e.code()).isEqualTo("TARGET_LOCK_TIMEOUT");
            assertThat(e.retryable()).isTrue();
        });
        assertThat(d.errors().translate(new SQLException("x", "40001", ErrorCode.DEADLOCK_1), "w").retryable()).isTrue();
        assertThat(d.errors().translate(new SQLException("x", "90067", ErrorCode.CONNECTION_BROKEN_1), "w").code())
                .isEqualTo("TARGET_CONNECTION");
        assertThat(d.errors().translate(new SQLException("x", "90020", ErrorCode.DATABASE_ALREADY_OPEN_1), "w"))
                .satisfies(e -> assertThat(e.retryable()).isTrue())
                .satisfies(e -> assertThat(e.getMessage()).contains("open in another process"));
        MirrorException dup = d.errors().translate(new SQLException("x", "23505", ErrorCode.DUPLICATE_KEY_1), "loading person");
        assertThat(dup.code()).isEqualTo("TARGET_DUPLICATE_KEY");
        assertThat(dup.retryable()).isFalse();
        assertThat(dup.category()).isEqualTo(ErrorCategory.TARGET);
        assertThat(dup.getMessage()).startsWith("loading person failed");
        assertThat(d.errors().translate(new SQLException("syntax", "42000", ErrorCode.SYNTAX_ERROR_2), "w").retryable()).isFalse();
    }

    @Test
    void passwordsNeverReachTheMessage() {
        MirrorException e = d.errors().translate(new SQLException("cannot open jdbc:h2:file:./x;PASSWORD=hunter2;FILE_PASSWORD=s3cr3t",
                "08001", 0), "connecting");
        assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("s3cr3t").contains("PASSWORD=***");
    }
}
