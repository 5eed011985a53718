package dev.mirror.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSettingsTest {
    @Test
    void durations() {
        assertThat(Durations.parse("20m")).isEqualTo(Duration.ofMinutes(20));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> Durations.parse("soon")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Durations.parse("20x")).hasMessageContaining("not a duration");
    }

    @Test
    void pauseWindowWrapsPastMidnight() {
        ConfigProblems problems = new ConfigProblems();
        RunSettings s = RunSettings.bind(Map.of("pause", Map.of("from", "22:00", "to", "06:00", "zone", "UTC")), problems);
        assertThat(problems.all()).isEmpty();
        assertThat(s.paused(LocalTime.of(23, 0))).isTrue();
        assertThat(s.paused(LocalTime.of(5, 59))).isTrue();
        assertThat(s.paused(LocalTime.of(6, 0))).isFalse();
        assertThat(s.paused(LocalTime.of(12, 0))).isFalse();
        assertThat(s.untilEndOfPause(ZonedDateTime.of(2024, 1, 1, 23, 0, 0, 0, ZoneOffset.UTC))).isEqualTo(Duration.ofHours(7));
        RunSettings yaml11 = RunSettings.bind(Map.of("pause", Map.of("from", 1320, "to", "23:00")), problems);
        assertThat(yaml11.pauseFrom()).isEqualTo(LocalTime.of(22, 0));
    }

    @Test
    void backoffDefaultsBindingAndDoubling() {
        ConfigProblems problems = new ConfigProblems();
        RunSettings d = RunSettings.bind(null, problems);
        assertThat(d.backoff().initial()).isEqualTo(Duration.ofSeconds(1));
        assertThat(d.backoff().max()).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.backoff().giveUpAfter()).isNull();
        RunSettings s = RunSettings.bind(Map.of("backoff", Map.of("initial", "2s", "max", "10s", "giveUpAfter", "30m")), problems);
        assertThat(problems.all()).isEmpty();
        assertThat(s.backoff().giveUpAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.backoff().delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.backoff().delay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(s.backoff().delay(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(s.backoff().delay(4)).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.backoff().delay(1000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void httpDefaultsToLoopbackAndNeedsATokenElsewhere() {
        ConfigProblems problems = new ConfigProblems();
        RunSettings d = RunSettings.bind(null, problems);
        assertThat(d.http().port()).isEqualTo(-1);
        assertThat(d.http().bindAddress()).isEqualTo("127.0.0.1");
        assertThat(d.http().notReadyAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(RunSettings.bind(Map.of("metricsPort", 9464), problems).http().port()).isEqualTo(9464);
        RunSettings s = RunSettings.bind(Map.of("http", Map.of("port", 8080, "bindAddress", "0.0.0.0",
                "token", "a-long-random-token-value", "notReadyAfter", "5m")), problems);
        assertThat(problems.all()).isEmpty();
        assertThat(s.metricsPort()).isEqualTo(8080);
        assertThat(s.http().notReadyAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.http().toString()).doesNotContain("a-long-random-token-value").contains("token=****");

        RunSettings.bind(Map.of("http", Map.of("port", 8080, "bindAddress", "0.0.0.0")), problems);
        RunSettings.bind(Map.of("metricsPort", 1, "http", Map.of("port", 2, "token", "short", "colour", "red")), problems);
        assertThat(problems.all()).anySatisfy(p -> assertThat(p).startsWith("run.http.token:").contains("not a loopback address"))
                .anySatisfy(p -> assertThat(p).startsWith("run.http.port:").contains("differs from run.metricsPort"))
                .anySatisfy(p -> assertThat(p).startsWith("run.http.token:").contains("shorter than 16"))
                .anySatisfy(p -> assertThat(p).startsWith("run.http.colour:"));
        assertThat(problems.all()).noneMatch(p -> p.contains("short,") || p.contains("'short'"));
        assertThat(RunSettings.loopback("::1")).isTrue();
        assertThat(RunSettings.loopback("127.0.0.1")).isTrue();
        assertThat(RunSettings.loopback("0.0.0.0")).isFalse();
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        ConfigProblems problems = new ConfigProblems();
        RunSettings.bind(Map.of("every", "0", "lockTtl", "1s", "backoff", Map.of("initial", "0", "max", "soon", "color", 1),
                "wait", "later"), problems);
        assertThat(problems.all()).anySatisfy(p -> assertThat(p).startsWith("run.every:"))
                .anySatisfy(p -> assertThat(p).startsWith("run.lockTtl:"))
                .anySatisfy(p -> assertThat(p).startsWith("run.backoff.initial:"))
                .anySatisfy(p -> assertThat(p).startsWith("run.backoff.max:"))
                .anySatisfy(p -> assertThat(p).startsWith("run.backoff.color: unknown key"))
                .anySatisfy(p -> assertThat(p).startsWith("run.wait:"));
    }

    @Test
    void workersDefaultToTheSmallerOfFourAndTheProcessorsAndAreBound() {
        ConfigProblems problems = new ConfigProblems();
        assertThat(RunSettings.bind(null, problems).workers())
                .isEqualTo(Math.min(4, Runtime.getRuntime().availableProcessors()));
        assertThat(RunSettings.bind(Map.of("workers", 3), problems).workers()).isEqualTo(3);
        assertThat(problems.all()).isEmpty();
        RunSettings.bind(Map.of("workers", 0), problems);
        RunSettings.bind(Map.of("workers", "many"), problems);
        assertThat(problems.all()).hasSize(2).allSatisfy(p -> assertThat(p).startsWith("run.workers:"));
    }

    @Test
    void overridesKeepTheRest() {
        RunSettings s = RunSettings.defaults().withEvery(Duration.ofMinutes(20)).withLockWait(Duration.ofSeconds(5));
        assertThat(s.every()).isEqualTo(Duration.ofMinutes(20));
        assertThat(s.lockWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.withEvery(null).every()).isNull();
        assertThat(s.withEvery(null).lockWait()).isEqualTo(Duration.ofSeconds(5));
    }
}
