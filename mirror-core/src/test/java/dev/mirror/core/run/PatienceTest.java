package dev.mirror.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.core.Redactor;
import dev.mirror.core.config.RunSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PatienceTest {
    private static final RunSettings.Backoff FAST = new RunSettings.Backoff(Duration.ofMillis(10), Duration.ofMillis(40), null);

    private final List<Integer> attempts = new ArrayList<>();
    private final RunListener listener = new RunListener() {
        @Override
        public void waiting(MirrorException cause, int attempt, Instant nextAttempt) {
            attempts.add(attempt);
        }
    };

    private static MirrorException down() {
        return MirrorException.target("TARGET_CONNECTION", true, "connection refused", null);
    }

    @Test
    void retryableFailuresAreWaitedOutWithOneNoticePerAttempt() {
        AtomicInteger calls = new AtomicInteger();
        Patience p = new Patience(FAST, new StopLatch(), listener, new Redactor(), Clock.systemUTC());
        Patience.Outcome<String> o = p.untilDone("connecting", () -> {
            if (calls.incrementAndGet() < 4) {
                throw down();
            }
            return "up";
        });
        assertThat(o.value()).isEqualTo("up");
        assertThat(attempts).containsExactly(1, 2, 3);
    }

    @Test
    void aFailureThatWaitingCannotFixIsThrownAtOnce() {
        Patience p = new Patience(FAST, new StopLatch(), listener, new Redactor(), Clock.systemUTC());
        MirrorException login = MirrorException.target("TARGET_FAILED", false, "password authentication failed", null);
        assertThatThrownBy(() -> p.untilDone("connecting", () -> {
            throw login;
        })).isSameAs(login);
        assertThat(attempts).isEmpty();
    }

    @Test
    void giveUpAfterEndsTheWaitWithTheLastFailure() {
        RunSettings.Backoff b = new RunSettings.Backoff(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(50));
        Patience p = new Patience(b, new StopLatch(), listener, new Redactor(), Clock.systemUTC());
        assertThatThrownBy(() -> p.untilDone("connecting", () -> {
            throw down();
        })).isInstanceOfSatisfying(MirrorException.class, e -> {
            assertThat(e.code()).isEqualTo("TARGET_CONNECTION");
            assertThat(e.getMessage()).startsWith("connection refused").contains("gave up after");
            assertThat(e.retryable()).isFalse();
        });
        assertThat(attempts).isNotEmpty();
    }

    @Test
    void aStopEndsTheWaitWithoutAValue() {
        StopLatch stop = new StopLatch();
        Patience p = new Patience(new RunSettings.Backoff(Duration.ofMinutes(1), Duration.ofMinutes(1), null), stop, listener,
                new Redactor(), Clock.systemUTC());
        new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            stop.request();
        }).start();
        long t0 = System.nanoTime();
        Patience.Outcome<String> o = p.untilDone("connecting", () -> {
            throw down();
        });
        assertThat(o.value()).isNull();
        assertThat(o.lastFailure().code()).isEqualTo("TARGET_CONNECTION");
        assertThat(System.nanoTime() - t0).isLessThan(Duration.ofSeconds(30).toNanos());
    }
}
