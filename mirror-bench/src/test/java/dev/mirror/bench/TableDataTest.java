package dev.mirror.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableDataTest {
    @Test
    void rowsAreSplitInProportionToTheSampleAndAddUpToTheRequestedTotal() {
        // at scale 1: udcontactsmall 2,000, person 5,000, contact 2,000 rows
        List<TableData> data = TableData.sample(List.of("udcontactsmall", "person", "contact"), 30_000);
        assertThat(TableData.totalRows(data)).isEqualTo(30_000);
        assertThat(data).extracting(TableData::name).containsExactly("udcontactsmall", "person", "contact");
        assertThat(data.get(0).rows()).hasSize(6_667);
        assertThat(data.get(1).rows()).hasSize(16_667);
        assertThat(data.get(0).schema().columnCount()).isEqualTo(111);
    }

    @Test
    void keysRunFromOneInOrder() {
        TableData t = TableData.sample(List.of("contact"), 3000).get(0);
        int key = t.schema().keyIndexes()[0];
        for (int i = 0; i < t.rows().size(); i++) {
            assertThat(t.rows().get(i).get(key)).isEqualTo(i + 1);
        }
    }

    @Test
    void anUnknownTableIsAClearError() {
        assertThatThrownBy(() -> TableData.sample(List.of("nosuch"), 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no table 'nosuch'");
    }
}
