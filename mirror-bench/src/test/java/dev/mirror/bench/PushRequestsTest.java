package dev.mirror.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PushRequestsTest {
    private final List<TableData> data = TableData.sample(List.of("person", "databasemodel"), 400, true);

    @Test
    void eachTableIsAWipeThenRowDataCallsOfThreeBatchesWhereOnlyTheLastBatchCarriesTheLsn() {
        PushRequests r = PushRequests.render(data, "tok", "Ctx", "127.0.0.1", 8080, "/p", 4096, 3, 77);
        List<String> ops = r.requests().stream().map(PushRequests.Request::operation).toList();
        assertThat(ops.get(0)).isEqualTo("Wipe");
        assertThat(ops.get(ops.size() - 1)).isEqualTo("ReplicationCompleted");
        assertThat(ops.stream().filter("Wipe"::equals).count()).isEqualTo(2);
        assertThat(r.rowDataCalls()).isEqualTo(ops.stream().filter("RowData"::equals).count()).isGreaterThan(2);
        int lsns = 0;
        int rows = 0;
        for (PushRequests.Request q : r.requests()) {
            String body = new String(q.body(), StandardCharsets.UTF_8);
            assertThat(new String(q.head(), StandardCharsets.US_ASCII)).contains("Content-Length: " + q.body().length + "\r\n")
                    .contains("/IMirroringClientService/" + q.operation() + "\"");
            if (q.operation().equals("RowData")) {
                assertThat(count(body, "<a:RowDataBatch>")).isBetween(1, 3);
                lsns += count(body, "<a:LSN>77</a:LSN>");
                rows += count(body, "<a:RowData>");
            }
        }
        assertThat(lsns).isEqualTo(2);
        assertThat(rows).isEqualTo(TableData.totalRows(data));
    }

    @Test
    void theRowsCarryIntegerDatetimeAndBinaryMonikersAndNils() {
        String all = String.join("", PushRequests.batches(data.get(0), 1 << 20)) + String.join("", PushRequests.batches(data.get(1), 1 << 20));
        assertThat(all).contains("[I:").contains("[DT:").contains("[B:").contains("i:nil=\"true\"");
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
