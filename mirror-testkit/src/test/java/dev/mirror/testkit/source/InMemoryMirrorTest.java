package dev.mirror.testkit.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.ChangeBatch;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.protocol.TableCounts;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryMirrorTest {
    private static final TableSchema CONTACT = new TableSchema("contact", List.of(
            Column.of("contact_id", SqlType.of(SqlServerType.INT), false),
            Column.of("name", SqlType.ofLength(SqlServerType.NVARCHAR, 50), true)), List.of("contact_id"));
    private static final TableSchema CREDENTIALS = new TableSchema("Credentials", List.of(
            Column.of("credentials_id", SqlType.of(SqlServerType.INT), false)), List.of("credentials_id"));

    private final InMemoryMirror mirror = new InMemoryMirror("Cust1", List.of("countervalue"));

    @Test
    void newTablesAnswerMinusOneAndBlockedTablesAreSkipped() {
        List<TableAnswer> answers = mirror.schema(List.of(CONTACT, CREDENTIALS));
        assertThat(answers).extracting(TableAnswer::table, TableAnswer::lsn, TableAnswer::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("contact", -1L, SchemaAction.CREATED),
                        org.assertj.core.groups.Tuple.tuple("Credentials", -1L, SchemaAction.BLOCKED));
        assertThat(answers.get(1).accepted()).isFalse();
        assertThat(mirror.tables()).containsExactly("contact");
    }

    @Test
    void repopulateThenApplyIsIdempotentAndRecordsLsnOnlyWhenCarried() {
        mirror.schema(List.of(CONTACT));
        ApplyResult r = mirror.repopulate("contact", cursor(RowChange.insert(1, "a"), RowChange.insert(2, "b")), 1000);
        assertThat(r.succeeded()).isTrue();
        assertThat(mirror.lsn("contact")).isEqualTo(1000);

        mirror.schema(List.of(CONTACT));
        assertThat(mirror.lastAnswers().get(0).lsn()).isEqualTo(1000);
        assertThat(mirror.apply(ChangeBatch.partial("contact",
                cursor(RowChange.insert(2, "b2"), RowChange.delete(7, null), RowChange.update(3, "c")))).succeeded()).isTrue();
        assertThat(mirror.lsn("contact")).isEqualTo(1000);
        assertThat(mirror.apply(ChangeBatch.last("contact", cursor(RowChange.delete(1, null)), 2000)).counts())
                .isEqualTo(new TableCounts(0, 0, 1));
        assertThat(mirror.lsn("contact")).isEqualTo(2000);
        assertThat(mirror.rowList("contact")).containsExactly(Row.of(2, "b2"), Row.of(3, "c"));
        assertThat(mirror.rows("contact")).containsOnlyKeys(List.of(2), List.of(3));

        CycleReport report = mirror.complete(Map.of());
        assertThat(report.tables()).hasSize(1);
        assertThat(report.tables().get(0).counts()).isEqualTo(new TableCounts(1, 1, 2));
        assertThat(report.tables().get(0).lsn()).isEqualTo(2000);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void schemaChangeClearsRowsAndAsksForRepopulation() {
        mirror.schema(List.of(CONTACT));
        mirror.repopulate("contact", cursor(RowChange.insert(1, "a")), 1000);
        TableSchema wider = new TableSchema("contact", List.of(CONTACT.columns().get(0),
                CONTACT.columns().get(1).withType(SqlType.ofLength(SqlServerType.NVARCHAR, 100))), List.of("contact_id"));
        TableAnswer a = mirror.schema(List.of(wider)).get(0);
        assertThat(a.lsn()).isEqualTo(-1);
        assertThat(a.action()).isEqualTo(SchemaAction.RECREATED);
        assertThat(mirror.rowList("contact")).isEmpty();
    }

    @Test
    void resetLsnWipeAndDroppedTables() {
        mirror.schema(List.of(CONTACT));
        mirror.repopulate("contact", cursor(RowChange.insert(1, "a")), 1000);
        mirror.resetLsn("contact");
        assertThat(mirror.schema(List.of(CONTACT)).get(0).lsn()).isEqualTo(-1);
        assertThat(mirror.rowList("contact")).hasSize(1);
        mirror.wipe("contact");
        assertThat(mirror.rowList("contact")).isEmpty();

        mirror.schema(List.of());
        assertThat(mirror.tables()).isEmpty();
        assertThat(mirror.complete(Map.of()).tables()).extracting(r -> r.action()).containsExactly(SchemaAction.DROPPED);
    }

    @Test
    void badRowsFailTheBatchWithoutTouchingTheTable() {
        mirror.schema(List.of(CONTACT));
        mirror.repopulate("contact", cursor(RowChange.insert(1, "a")), 1000);
        mirror.schema(List.of(CONTACT));
        ApplyResult r = mirror.apply(ChangeBatch.last("contact",
                cursor(RowChange.insert(2, "b"), RowChange.insert(3L, "wrong class")), 2000));
        assertThat(r.succeeded()).isFalse();
        assertThat(r.error()).contains("contact_id").contains("java.lang.Long");
        assertThat(mirror.rowList("contact")).containsExactly(Row.of(1, "a"));
        assertThat(mirror.lsn("contact")).isEqualTo(1000);
        assertThat(mirror.apply(ChangeBatch.last("contact", cursor(RowChange.insert(1)), 2000)).error())
                .contains("1 values");
        assertThat(mirror.apply(ChangeBatch.last("nope", cursor(), 2000)).error()).contains("not announced");
        assertThat(mirror.repopulate("contact", cursor(RowChange.update(1, "x")), 2000).error()).contains("inserts only");
        assertThat(mirror.complete(Map.of()).failures()).hasSize(1);
    }

    @Test
    void blockedTablesDiscardRowsButRecordLsn() {
        mirror.schema(List.of(CREDENTIALS));
        ApplyResult r = mirror.apply(ChangeBatch.last("credentials", cursor(RowChange.insert(1)), 5000));
        assertThat(r.succeeded()).isTrue();
        assertThat(mirror.lsn("credentials")).isEqualTo(5000);
        assertThat(mirror.contains("credentials")).isFalse();
        assertThat(mirror.schema(List.of(CREDENTIALS)).get(0).lsn()).isEqualTo(5000);
    }

    @Test
    void duplicateAnnouncementIsRejectedAndCallsAreLogged() {
        assertThatThrownBy(() -> mirror.schema(List.of(CONTACT, CONTACT))).isInstanceOf(MirrorException.class)
                .hasMessageContaining("twice");
        mirror.clearCalls();
        mirror.schema(List.of(CONTACT));
        mirror.repopulate("contact", cursor(RowChange.insert(1, "a")), 1000);
        mirror.complete(Map.of());
        assertThat(mirror.calls()).extracting(ProtocolCall::kind).containsExactly(
                ProtocolCall.Kind.SCHEMA, ProtocolCall.Kind.REPOPULATE, ProtocolCall.Kind.COMPLETE);
        assertThat(mirror.calls().get(1).rows()).isEqualTo(1);
    }

    @Test
    void concurrentAppliesAreSafe() throws Exception {
        mirror.schema(List.of(CONTACT));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int base = t * 1000;
            pool.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    mirror.apply(ChangeBatch.partial("contact", cursor(RowChange.insert(base + i, "x"))));
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(mirror.rowList("contact")).hasSize(1000);
    }

    private static ChangeCursor cursor(RowChange... changes) {
        return ChangeCursor.of(List.of(changes));
    }
}
