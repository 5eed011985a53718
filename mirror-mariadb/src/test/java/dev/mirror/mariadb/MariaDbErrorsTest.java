package dev.mirror.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.ErrorCategory;
import dev.mirror.api.MirrorException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class MariaDbErrorsTest {
    private static MirrorException t(SQLException e) {
        return MariaDbErrors.translate(e, "applying changes to contact");
    }

    @Test
    void deadlocksLockTimeoutsAndLostConnectionsAreRetryable() {
        assertThat(t(new SQLException("Deadlock found when trying to get lock", "40001", 1213)))
                .satisfies(m -> assertThat(m.code()).isEqualTo("TARGET_DEADLOCK")).matches(MirrorException::retryable);
        assertThat(t(new SQLException("Lock wait timeout exceeded", "HY000", 1205)))
                .satisfies(m -> assertThat(m.code()).isEqualTo("TARGET_LOCK_TIMEOUT")).matches(MirrorException::retryable);
        for (int lost : new int[] {2006, 2013}) {
            assertThat(t(new SQLException("Server has gone away", "HY000", lost)).retryable()).as("error %d", lost).isTrue();
        }
        assertThat(t(new SQLNonTransientConnectionException("socket closed", "08000", 0)).retryable()).isTrue();
    }

    @Test
    void otherFailuresAreNotRetryableAndTheServersMessageComesFirst() {
        MirrorException m = t(new SQLException("Duplicate entry '1' for key 'PRIMARY'", "23000", 1062));
        assertThat(m.retryable()).isFalse();
        assertThat(m.category()).isEqualTo(ErrorCategory.TARGET);
        assertThat(m.code()).isEqualTo("TARGET_UNIQUE_VIOLATION");
        assertThat(m.getMessage()).startsWith("Duplicate entry '1' for key 'PRIMARY' (MariaDB error 1062, SQLSTATE 23000)")
                .contains("while applying changes to contact");
        assertThat(t(new SQLException("Table 't' doesn't exist", "42S02", 1146)).retryable()).isFalse();
        assertThat(t(new SQLException("The used command is not allowed with this MariaDB version", "42000", 1148))
                .getMessage()).contains("local_infile=ON");
    }

    @Test
    void credentialsInMessagesAreRedacted() {
        MirrorException m = t(new SQLException("Could not connect to jdbc:mariadb://root:hunter2@db/test?password=hunter2",
                "08000", 0));
        assertThat(m.getMessage()).doesNotContain("hunter2");
    }
}
