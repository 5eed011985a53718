package dev.mirror.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Row;
import org.junit.jupiter.api.Test;

class KeyTrackerTest {
    @Test
    void uniqueKeysAreRecognized() {
        KeyTracker t = new KeyTracker(new int[] {0}, 100);
        t.add(Row.of(1, "a"));
        t.add(Row.of(2, "a"));
        assertThat(t.unique()).isTrue();
    }

    @Test
    void aRepeatedKeyIsNoticedIncludingCompositeAndBinaryKeys() {
        KeyTracker single = new KeyTracker(new int[] {0}, 100);
        single.add(Row.of(1, "a"));
        single.add(Row.of(1, "b"));
        assertThat(single.unique()).isFalse();

        KeyTracker composite = new KeyTracker(new int[] {0, 1}, 100);
        composite.add(Row.of(1, new byte[] {1, 2}, "x"));
        composite.add(Row.of(1, new byte[] {1, 3}, "x"));
        assertThat(composite.unique()).isTrue();
        composite.add(Row.of(1, new byte[] {1, 2}, "y"));
        assertThat(composite.unique()).isFalse();
    }

    @Test
    void pastTheLimitUniquenessIsNoLongerClaimed() {
        KeyTracker t = new KeyTracker(new int[] {0}, 2);
        t.add(Row.of(1));
        t.add(Row.of(2));
        t.add(Row.of(3));
        assertThat(t.unique()).isFalse();
    }
}
