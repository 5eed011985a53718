package dev.mirror.core.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.protocol.ChangeCursor;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsertRowsTest {
    @Test
    void insertsAndUpdatesBecomeRows() {
        InsertRows rows = new InsertRows("contact", ChangeCursor.of(List.of(RowChange.insert(1, "a"), RowChange.update(2, "b"))));
        assertThat(rows.next()).isEqualTo(dev.mirror.api.model.Row.of(1, "a"));
        assertThat(rows.next()).isEqualTo(dev.mirror.api.model.Row.of(2, "b"));
        assertThat(rows.hasNext()).isFalse();
    }

    @Test
    void aDeleteInASnapshotIsASourceDefectNamingTheTable() {
        InsertRows rows = new InsertRows("contact", ChangeCursor.of(List.of(RowChange.insert(1, "a"), RowChange.delete(1, null))));
        rows.next();
        assertThatThrownBy(rows::next).isInstanceOfSatisfying(MirrorException.class, e -> {
            assertThat(e.code()).isEqualTo("SOURCE_INVALID_SNAPSHOT");
            assertThat(e.retryable()).isFalse();
        }).hasMessageContaining("the full snapshot of contact contains a delete");
    }
}
