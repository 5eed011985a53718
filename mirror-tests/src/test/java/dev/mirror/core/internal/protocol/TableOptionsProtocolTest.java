package dev.mirror.core.internal.protocol;

import static dev.mirror.core.internal.protocol.ProtocolFixture.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.RowChange;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableAnswer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The table options through {@link CoreProtocol} on H2 in memory: a soft-deleting table keeps deleted rows flagged,
 * and changing a table's options rebuilds it through a repopulation, the old table and metadata row kept until the
 * swap.
 */
class TableOptionsProtocolTest {
    private static final Map<String, Object> SOFT_DELETE = Map.of("options", Map.of("default", Map.of("mode", "softDelete")));

    /** {@code id=deleted flag}, ordered by id. */
    private static List<String> flags(ProtocolFixture f) {
        return f.query("SELECT \"id\", \"_mirror_deleted\" FROM \"contact\" ORDER BY \"id\"", rs -> rs.getInt(1) + "=" + rs.getBoolean(2));
    }

    @Test
    void aSoftDeletingTableFlagsDeletedRowsAndClearsTheFlagWhenTheKeyComesBack() {
        try (ProtocolFixture f = ProtocolFixture.create(SOFT_DELETE)) {
            f.protocol().schema(List.of(table("contact")));
            f.repopulate("contact", 10, RowChange.insert(1, "a"), RowChange.insert(2, "b"));
            assertThat(f.apply("contact", 11, RowChange.delete(2, null)).succeeded()).isTrue();
            assertThat(flags(f)).containsExactly("1=false", "2=true");
            assertThat(f.apply("contact", 12, RowChange.insert(2, "b again")).succeeded()).isTrue();
            assertThat(flags(f)).containsExactly("1=false", "2=false");
            assertThat(f.rows("contact")).containsExactly("1=a", "2=b again");
            assertThat(f.metadata("contact").orElseThrow().options()).contains("softDelete");
        }
    }

    @Test
    void changingATablesOptionsRebuildsItThroughARepopulationSwappedInWithTheNewOptions() {
        try (ProtocolFixture before = ProtocolFixture.create()) {
            before.protocol().schema(List.of(table("contact")));
            before.repopulate("contact", 10, RowChange.insert(1, "a"), RowChange.insert(2, "b"));
            before.protocol().complete(Map.of());
            String plainOptions = before.metadata("contact").orElseThrow().options();

            try (ProtocolFixture after = before.reconfigured(SOFT_DELETE)) {
                TableAnswer a = after.protocol().schema(List.of(table("contact"))).get(0);
                assertThat(a.action()).isEqualTo(SchemaAction.RECREATED);
                assertThat(a.lsn()).isEqualTo(-1);
                assertThat(a.reason()).contains("table options changed");
                assertThat(after.rows("contact")).as("the old table until the swap").containsExactly("1=a", "2=b");
                assertThat(after.storedLsn("contact")).isEqualTo(10);
                assertThat(after.metadata("contact").orElseThrow().options()).isEqualTo(plainOptions);

                assertThat(after.repopulate("contact", 20, RowChange.insert(1, "a"), RowChange.insert(3, "c")).succeeded()).isTrue();
                assertThat(flags(after)).containsExactly("1=false", "3=false");
                assertThat(after.storedLsn("contact")).isEqualTo(20);
                assertThat(after.metadata("contact").orElseThrow().options()).contains("softDelete").isNotEqualTo(plainOptions);
            }
        }
    }

    @Test
    void aStepBeforeAnySchemaStepInThisProcessUsesTheStoredStateUnlessTheOptionsChanged() {
        try (ProtocolFixture first = ProtocolFixture.create()) {
            first.protocol().schema(List.of(table("contact")));
            first.repopulate("contact", 10, RowChange.insert(1, "a"));
            first.protocol().complete(Map.of());

            // a push source's next call after a restart: no schema step yet, the metadata table says where the table is
            try (ProtocolFixture restarted = first.reconfigured(Map.of())) {
                assertThat(restarted.apply("contact", 11, RowChange.insert(2, "b")).succeeded()).isTrue();
                assertThat(restarted.rows("contact")).containsExactly("1=a", "2=b");
                assertThat(restarted.storedLsn("contact")).isEqualTo(11);
            }
            try (ProtocolFixture changed = first.reconfigured(SOFT_DELETE)) {
                var refused = changed.apply("contact", 12, RowChange.insert(3, "c"));
                assertThat(refused.succeeded()).isFalse();
                assertThat(refused.error()).contains("its options changed since its last schema step").contains("send the schema first");
                assertThat(changed.rows("contact")).containsExactly("1=a", "2=b");
                assertThat(changed.storedLsn("contact")).isEqualTo(11);
            }
        }
    }
}
