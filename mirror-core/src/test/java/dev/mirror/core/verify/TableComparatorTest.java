package dev.mirror.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableComparatorTest {
    private static final TableSchema T = new TableSchema("contact", List.of(
            Column.of("contact_id", SqlType.of(SqlServerType.INT), false),
            Column.of("name", SqlType.ofLength(SqlServerType.NVARCHAR, 50), true)), List.of("contact_id"));

    private static List<String[]> rows(int n) {
        List<String[]> r = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            r.add(new String[] {Integer.toString(i), "name " + i});
        }
        return r;
    }

    private static RowSource of(List<String[]> rows) {
        return sink -> rows.forEach(sink);
    }

    @Test
    void equalTablesInAnyOrderAreEqual() {
        List<String[]> source = rows(2500);
        List<String[]> mirror = new ArrayList<>(source);
        Collections.reverse(mirror);
        TableVerification v = new TableComparator(100, 20, 1000).compare(T, of(source), of(mirror), 2500);
        assertThat(v.status()).isEqualTo(TableVerification.Status.EQUAL);
        assertThat(v.ranges()).isEqualTo(25);
        assertThat(v.sourceRows()).isEqualTo(2500);
        assertThat(v.mirrorRows()).isEqualTo(2500);
    }

    @Test
    void namesChangedMissingAndExtraRows() {
        List<String[]> source = rows(500);
        List<String[]> mirror = rows(500);
        mirror.set(9, new String[] {"10", "tampered"});
        mirror.remove(99); // key 100
        mirror.add(new String[] {"9999", "extra"});
        TableVerification v = new TableComparator(50, 20, 1000).compare(T, of(source), of(mirror), 500);
        assertThat(v.status()).isEqualTo(TableVerification.Status.DIFFERENT);
        assertThat(v.changed()).isEqualTo(1);
        assertThat(v.missing()).isEqualTo(1);
        assertThat(v.extra()).isEqualTo(1);
        assertThat(v.differingRanges()).isBetween(1, 3);
        assertThat(v.examples()).containsExactlyInAnyOrder(
                new Difference(Difference.Kind.CHANGED, "contact_id=10"),
                new Difference(Difference.Kind.MISSING_IN_MIRROR, "contact_id=100"),
                new Difference(Difference.Kind.EXTRA_IN_MIRROR, "contact_id=9999"));
    }

    @Test
    void nullDiffersFromEmptyString() {
        List<String[]> source = List.<String[]>of(new String[] {"1", null});
        List<String[]> mirror = List.<String[]>of(new String[] {"1", ""});
        TableVerification v = TableComparator.defaults().compare(T, of(source), of(mirror), 1);
        assertThat(v.changed()).isEqualTo(1);
    }

    @Test
    void examplesAreLimited() {
        List<String[]> source = rows(100);
        TableVerification v = new TableComparator(10, 5, 1000).compare(T, of(source), of(List.of()), 0);
        assertThat(v.missing()).isEqualTo(100);
        assertThat(v.examples()).hasSize(5);
    }
}
