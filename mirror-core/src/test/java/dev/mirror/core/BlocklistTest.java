package dev.mirror.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlocklistTest {
    @Test
    void theDefaultListIsSuperOfficesPublishedList() {
        Blocklist b = Blocklist.of(true, List.of());
        assertThat(b.names()).contains("travelgeneratedtransaction", "traveltransactionlog", "countervalue", "credentials")
                .hasSizeGreaterThan(100);
        assertThat(b.isBlocked("CounterValue")).isTrue();
        assertThat(b.isBlocked("contact")).isFalse();
    }

    @Test
    void usersAddNamesCaseInsensitively() {
        Blocklist b = Blocklist.of(true, List.of(" MyTable "));
        assertThat(b.isBlocked("mytable")).isTrue();
        assertThat(b.isBlocked("MYTABLE")).isTrue();
    }

    @Test
    void credentialsCanNeverBeMirroredEvenWithoutTheDefaultList() {
        Blocklist b = Blocklist.of(false, List.of());
        assertThat(b.isBlocked("credentials")).isTrue();
        assertThat(b.isBlocked("Credentials")).isTrue();
        assertThat(b.isBlocked("countervalue")).isFalse();
    }
}
