package dev.mirror.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowByRowSinkTest {
    @Test
    void buildsTheSinksUpsertAndDelete() {
        RowByRowSink s = RowByRowSink.of("\"t\"", List.of("\"id\"", "\"a\"", "\"b\""), "\"id\"", 500);
        assertThat(s.upsertSql()).isEqualTo("INSERT INTO \"t\" (\"id\", \"a\", \"b\") VALUES (?, ?, ?) ON CONFLICT (\"id\") "
                + "DO UPDATE SET \"a\" = EXCLUDED.\"a\", \"b\" = EXCLUDED.\"b\"");
        assertThat(s.deleteSql()).isEqualTo("DELETE FROM \"t\" WHERE \"id\" = ?");
        assertThat(s.keyIndex()).isZero();
        assertThat(s.batchSize()).isEqualTo(500);
    }

    @Test
    void rejectsAKeyOutsideTheColumnsAndANonPositiveBatch() {
        assertThatThrownBy(() -> RowByRowSink.of("\"t\"", List.of("\"a\""), "\"id\"", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RowByRowSink.of("\"t\"", List.of("\"id\""), "\"id\"", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
