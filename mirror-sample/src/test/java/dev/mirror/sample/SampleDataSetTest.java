package dev.mirror.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ChangeBatch;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.testkit.source.KitMirror;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SampleDataSetTest {
    private final SampleDataSet data = new SampleDataSet(1, SampleDataSet.Selection.CORE);

    @Test
    void generationIsDeterministicAndPinned() throws Exception {
        SampleDataSet other = new SampleDataSet(1, SampleDataSet.Selection.CORE);
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        long rows = 0;
        for (TableSchema t : data.tables(SampleDataSet.LAST_STEP)) {
            Iterator<Row> a = data.rows(t.name(), SampleDataSet.LAST_STEP);
            Iterator<Row> b = other.rows(t.name(), SampleDataSet.LAST_STEP);
            d.update(t.toString().getBytes(StandardCharsets.UTF_8));
            while (a.hasNext()) {
                Row r = a.next();
                assertThat(b.next()).isEqualTo(r);
                d.update(r.toString().getBytes(StandardCharsets.UTF_8));
                rows++;
            }
            assertThat(b.hasNext()).isFalse();
        }
        assertThat(rows).isBetween(15_000L, 30_000L);
        // Pinned: a change here changes every demo, benchmark and golden file; update it deliberately.
        assertThat(HexFormat.of().formatHex(d.digest())).isEqualTo("72ec4b27eebc22b1b6fae5150dd3c1e86d8a3e6668bd28bfa209074d680de13e");
    }

    @Test
    void changesSinceAnyEarlierStepTurnThatStateIntoTheCurrentOne() {
        // one real mirror (core on H2): each table is announced alone, so the previous one is dropped
        try (KitMirror kit = KitMirror.start(new SampleChangeSource(data, 1, false, null), "Diff", List.of())) {
        var mirror = kit.protocol();
        for (int now = 2; now <= SampleDataSet.LAST_STEP + 1; now++) {
            for (int from = 1; from < now; from++) {
                for (TableSchema t : data.tables(now)) {
                    if (t.name().equals("credentials")) {
                        continue; // core never stores credentials (always blocked)
                    }
                    if (!data.table(t.name(), from).equals(Optional.of(t))) {
                        int f = from;
                        int n = now;
                        assertThatThrownBy(() -> data.changes(t.name(), f, n)).hasMessageContaining("full snapshot");
                        continue;
                    }
                    mirror.schema(List.of(t));
                    mirror.repopulate(t.name(), data.snapshot(t.name(), from), SampleDataSet.lsn(from));
                    mirror.schema(List.of(t));
                    var result = mirror.apply(ChangeBatch.last(t.name(), data.changes(t.name(), from, now), SampleDataSet.lsn(now)));
                    assertThat(result.error()).isNull();
                    assertThat(result.counts().total() > 0).as("%s %d→%d changed", t.name(), from, now)
                            .isEqualTo(data.changesBetween(t.name(), from, now));
                    kit.assertRows(t, list(data.rows(t.name(), now)));
                }
            }
        }
        }
    }

    @Test
    void scriptedSchemaEventsHappenAtTheirSteps() {
        assertThat(data.sameSchemas(1, 2)).isTrue();
        assertThat(data.table("contact", 2).orElseThrow().indexOf("x_loyalty_tier")).isEqualTo(-1);
        assertThat(data.table("contact", 3).orElseThrow().column("x_loyalty_tier").orElseThrow().type().toString())
                .isEqualTo("nvarchar(20)");
        assertThat(data.table("person", 3).orElseThrow().column("firstname").orElseThrow().type().toString())
                .isEqualTo("nvarchar(99)");
        assertThat(data.table("person", 4).orElseThrow().column("firstname").orElseThrow().type().toString())
                .isEqualTo("nvarchar(200)");
        assertThat(data.table("udcontactsmall", 4).orElseThrow().column("long01").orElseThrow().type().base())
                .isEqualTo(SqlServerType.BIGINT);
        assertThat(data.table("text", 4)).isPresent();
        assertThat(data.table("text", 5)).isEmpty();
        assertThat(data.table("project", 5).orElseThrow().column("project_number").orElseThrow().type().base())
                .isEqualTo(SqlServerType.NVARCHAR);
        assertThat(data.table("project", 6).orElseThrow().column("project_number").orElseThrow().type().base())
                .isEqualTo(SqlServerType.DATETIME);
        assertThat(data.sameSchemas(6, 7)).isTrue();
        assertThat(data.sameSchemas(7, 8)).isTrue();
        for (TableSchema t : data.tables(7)) {
            assertThat(data.changesBetween(t.name(), 7, 9)).as("step 8+ is quiet for %s", t.name()).isFalse();
        }
        assertThat(data.tables(1)).extracting(TableSchema::name).contains("contact", "person", "appointment", "sale",
                "project", "associate", "text", "udcontactsmall", "credentials", "countervalue", "travelgeneratedtransaction");
    }

    @Test
    void valuesHaveTheDeclaredClassesAndCoverTheInterestingCases() {
        boolean nulls = false;
        boolean unicode = false;
        boolean emptyDate = false;
        for (int step : new int[] {1, 4, 6}) {
            for (TableSchema t : data.tables(step)) {
                Iterator<Row> rows = data.rows(t.name(), step);
                while (rows.hasNext()) {
                    Row r = rows.next();
                    for (int i = 0; i < r.size(); i++) {
                        var c = t.columns().get(i);
                        Object v = r.get(i);
                        if (v == null) {
                            assertThat(c.nullable()).as("%s.%s null", t.name(), c.name()).isTrue();
                            nulls = true;
                            continue;
                        }
                        assertThat(v).as("%s.%s", t.name(), c.name()).isInstanceOf(c.type().base().javaType());
                        if (v instanceof String s) {
                            assertThat(c.type().isMax() || s.length() <= c.type().length()).as("%s.%s fits", t.name(), c.name()).isTrue();
                            unicode |= s.chars().anyMatch(ch -> ch > 127);
                        }
                        emptyDate |= ValueGenerator.EMPTY_DATE.equals(v);
                    }
                }
            }
        }
        assertThat(nulls).isTrue();
        assertThat(unicode).isTrue();
        assertThat(emptyDate).isTrue();
        assertThat(list(data.rows("person", 4)).stream().map(r -> (String) r.get(4)).anyMatch(s -> s.length() > 99))
                .as("after the widening some first names need it").isTrue();
        assertThat(list(data.rows("udcontactsmall", 4)).stream().map(r -> r.get(1))
                .anyMatch(v -> v instanceof Long l && l > Integer.MAX_VALUE)).isTrue();
    }

    @Test
    void scaleMultipliesRowsAndAllSelectsEveryTable() {
        SampleDataSet big = new SampleDataSet(100, SampleDataSet.Selection.CORE);
        Iterator<Row> rows = big.rows("associate", 1);
        long n = 0;
        while (rows.hasNext()) {
            rows.next();
            n++;
        }
        assertThat(n).isEqualTo(100L * count(data.rows("associate", 1)));
        SampleDataSet all = new SampleDataSet(1, SampleDataSet.Selection.ALL);
        assertThat(all.tables(1)).hasSize(413 + 3);
        assertThat(all.tables(5)).hasSize(413 + 2);
        assertThatThrownBy(() -> new SampleDataSet(0, SampleDataSet.Selection.CORE)).hasMessageContaining("scale");
    }

    @Test
    void deletesCarryTheKey() {
        var cursor = data.changes("contact", 1, 2);
        TableCounts seen = TableCounts.ZERO;
        while (cursor.hasNext()) {
            var c = cursor.next();
            assertThat(c.row().get(0)).isInstanceOf(Integer.class);
            seen = seen.plus(new TableCounts(c.operation().code() == 'I' ? 1 : 0, c.operation().code() == 'U' ? 1 : 0,
                    c.operation().code() == 'D' ? 1 : 0));
        }
        assertThat(seen.inserts()).isPositive();
        assertThat(seen.updates()).isPositive();
        assertThat(seen.deletes()).isPositive();
    }

    private static List<Row> list(Iterator<Row> it) {
        List<Row> r = new ArrayList<>();
        it.forEachRemaining(r::add);
        return r;
    }

    private static long count(Iterator<Row> it) {
        long n = 0;
        while (it.hasNext()) {
            it.next();
            n++;
        }
        return n;
    }
}
