package dev.mirror.sqlserver.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.ErrorCategory;
import dev.mirror.api.MirrorException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

class SqlServerErrorsTest {
    private final SqlServerDialect dialect = new SqlServerDialect(BulkSettings.DEFAULTS);

    @Test
    void deadlockLockTimeoutAndLostConnectionsAreRetryable() {
        MirrorException dead = dialect.errors().translate(new SQLException("Transaction (Process ID 52) was deadlocked", "40001", 1205),
                "applying batch to 'person'");
        assertThat(dead.code()).isEqualTo("TARGET_DEADLOCK");
        assertThat(dead.retryable()).isTrue();
        assertThat(dead.category()).isEqualTo(ErrorCategory.TARGET);
        assertThat(dead.getMessage()).startsWith("applying batch to 'person' failed: Transaction (Process ID 52) was deadlocked")
                .contains("error 1205");
        assertThat(dialect.errors().translate(new SQLException("Lock request time out period exceeded.", "S0001", 1222), "x").code())
                .isEqualTo("TARGET_LOCK_TIMEOUT");
        MirrorException lost = dialect.errors().translate(new SQLException("Connection reset", "08S01", 0), "x");
        assertThat(lost.code()).isEqualTo("TARGET_CONNECTION_LOST");
        assertThat(lost.retryable()).isTrue();
        assertThat(dialect.errors().translate(new SQLException("Database is not currently available", "S0001", 40613), "x").retryable())
                .isTrue();
        assertThat(dialect.errors().translate(new SQLTimeoutException("The query has timed out.", "HY008", 0), "x").code())
                .isEqualTo("TARGET_TIMEOUT");
        SQLException wrapped = new SQLException("bulk copy failed", "S0001", 4819, new SQLException("deadlock", "40001", 1205));
        assertThat(dialect.errors().translate(wrapped, "x").code()).isEqualTo("TARGET_DEADLOCK");
    }

    @Test
    void otherErrorsFailTheTableWithTheServerMessage() {
        MirrorException e = dialect.errors().translate(new SQLException(
                "Violation of PRIMARY KEY constraint 'PK__person'. Cannot insert duplicate key.", "23000", 2627), "loading 'person'");
        assertThat(e.retryable()).isFalse();
        assertThat(e.code()).isEqualTo("TARGET_SQL");
        assertThat(e.getMessage()).contains("Violation of PRIMARY KEY constraint 'PK__person'").contains("error 2627")
                .contains("SQLState 23000");
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
    }
}
