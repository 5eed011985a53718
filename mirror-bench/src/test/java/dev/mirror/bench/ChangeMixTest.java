package dev.mirror.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.model.Operation;
import dev.mirror.api.model.RowChange;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChangeMixTest {
    private final TableData person = TableData.sample(List.of("person"), 1000).get(0);

    @Test
    void theMixIsSixtyPercentUpdatesThirtyInsertsTenDeletes() {
        Map<Operation, Long> ops = ChangeMix.generate(person, 200, 1).stream()
                .collect(Collectors.groupingBy(RowChange::operation, Collectors.counting()));
        assertThat(ops).containsEntry(Operation.UPDATE, 120L).containsEntry(Operation.INSERT, 60L).containsEntry(Operation.DELETE, 20L);
    }

    @Test
    void everyKeyAppearsOnceUpdatesAndDeletesHitExistingKeysAndInsertsNewOnes() {
        int key = person.schema().keyIndexes()[0];
        List<RowChange> changes = ChangeMix.generate(person, 500, 7);
        Set<Object> keys = new HashSet<>();
        for (RowChange c : changes) {
            assertThat(keys.add(c.row().get(key))).as("key %s twice", c.row().get(key)).isTrue();
            int k = (Integer) c.row().get(key);
            if (c.operation() == Operation.INSERT) {
                assertThat(k).isGreaterThan(1000);
            } else {
                assertThat(k).isBetween(1, 1000);
            }
        }
    }

    @Test
    void anUpdateReallyChangesTheRowAndADeleteCarriesOnlyTheKey() {
        int key = person.schema().keyIndexes()[0];
        Map<Object, Object> original = person.rows().stream().collect(Collectors.toMap(r -> r.get(key), Function.identity()));
        for (RowChange c : ChangeMix.generate(person, 100, 3)) {
            if (c.operation() == Operation.UPDATE) {
                assertThat(c.row()).isNotEqualTo(original.get(c.row().get(key)));
            } else if (c.operation() == Operation.DELETE) {
                for (int i = 0; i < c.row().size(); i++) {
                    assertThat(c.row().get(i) == null).isEqualTo(i != key);
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameBatch() {
        assertThat(ChangeMix.generate(person, 300, 11)).isEqualTo(ChangeMix.generate(person, 300, 11));
        assertThat(ChangeMix.generate(person, 300, 11)).isNotEqualTo(ChangeMix.generate(person, 300, 12));
    }

    @Test
    void tooManyChangesForTheTableIsAClearError() {
        assertThatThrownBy(() -> ChangeMix.generate(person, 5000, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower --changes or raise --rows");
    }

    @Test
    void appliedLeavesUpdatedRowsInsertedRowsAndNoDeletedOnes() {
        int key = person.schema().keyIndexes()[0];
        List<RowChange> changes = ChangeMix.generate(person, 200, 5);
        Map<Object, dev.mirror.api.model.Row> after = ChangeMix.applied(person, changes).stream()
                .collect(Collectors.toMap(r -> r.get(key), Function.identity()));
        assertThat(after).hasSize(1000 + 60 - 20);
        for (RowChange c : changes) {
            Object k = c.row().get(key);
            if (c.operation() == Operation.DELETE) {
                assertThat(after).doesNotContainKey(k);
            } else {
                assertThat(after.get(k)).isEqualTo(c.row());
            }
        }
        assertThat(person.rows()).hasSize(1000);
    }
}
