package dev.mirror.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void masksKnownSecretsAndPasswordParameters() {
        Redactor r = new Redactor();
        r.addSecret("s3cr3t-value");
        assertThat(r.redact("login failed with s3cr3t-value")).isEqualTo("login failed with ****");
        assertThat(r.redact("jdbc:sqlserver://h;user=sa;password=hunter2;db=x")).doesNotContain("hunter2").contains("password=****");
        assertThat(r.redact("jdbc:postgresql://h/db?user=u&password=abc&ssl=true")).doesNotContain("abc&").contains("password=****");
    }

    @Test
    void describesCausesWithoutSecrets() {
        Redactor r = new Redactor();
        r.addSecret("topsecret");
        RuntimeException e = new RuntimeException("outer", new IllegalStateException("inner topsecret"));
        assertThat(r.describe(e)).isEqualTo("outer; caused by: inner ****");
    }
}
