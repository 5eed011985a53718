package dev.mirror.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.ErrorCategory;
import dev.mirror.api.MirrorException;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostgresErrorsTest {
    @ParameterizedTest(name = "{0} -> {1} retryable={2}")
    @CsvSource({"40P01,TARGET_DEADLOCK,true", "40001,TARGET_SERIALIZATION_FAILURE,true", "55P03,TARGET_LOCK_TIMEOUT,true",
            "57014,TARGET_QUERY_CANCELED,true", "08006,TARGET_CONNECTION,true", "08001,TARGET_CONNECTION,true",
            "57P01,TARGET_UNAVAILABLE,true", "23505,TARGET_UNIQUE_VIOLATION,false", "23502,TARGET_CONSTRAINT_VIOLATION,false",
            "22001,TARGET_DATA_INVALID,false", "42P01,TARGET_SQL_INVALID,false", "XX000,TARGET_FAILED,false"})
    void classifiesBySqlState(String state, String code, boolean retryable) {
        MirrorException e = new PostgresDialect().errors().translate(new SQLException("server says no", state), "loading 'x'");
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.retryable()).isEqualTo(retryable);
        assertThat(e.category()).isEqualTo(ErrorCategory.TARGET);
        assertThat(e.getMessage()).contains("loading 'x'").contains("server says no").contains(state);
    }

    @org.junit.jupiter.api.Test
    void usesTheNextExceptionOfABatchAndNeverShowsCredentials() {
        SQLException outer = new SQLException("Batch entry 0 failed");
        outer.setNextException(new SQLException(
                "connect to jdbc:postgresql://bob:hunter2@db/x?user=bob&password=hunter2 failed", "08001"));
        MirrorException e = PostgresErrors.translate(outer, "connecting");
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).doesNotContain("hunter2").contains("password=***").contains("//***@");
    }
}
