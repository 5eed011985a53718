package dev.mirror.sqlserver.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowBulkRecordTest {
    private static final List<Column> COLUMNS = List.of(
            Column.of("i", SqlType.of(SqlServerType.INT), false),
            Column.of("ti", SqlType.of(SqlServerType.TINYINT), true),
            Column.of("bi", SqlType.of(SqlServerType.BIGINT), true),
            Column.of("b", SqlType.of(SqlServerType.BIT), true),
            Column.of("r", SqlType.of(SqlServerType.REAL), true),
            Column.of("f", SqlType.of(SqlServerType.FLOAT), true),
            Column.of("m", SqlType.of(SqlServerType.MONEY), true),
            Column.of("d", SqlType.decimal(SqlServerType.DECIMAL, 10, 3), true),
            Column.of("v", SqlType.ofLength(SqlServerType.VARCHAR, 20), true),
            Column.of("nv", SqlType.ofLength(SqlServerType.NVARCHAR, SqlType.MAX), true),
            Column.of("dt", SqlType.of(SqlServerType.DATETIME), true),
            Column.of("sdt", SqlType.of(SqlServerType.SMALLDATETIME), true),
            Column.of("dt2", SqlType.fractional(SqlServerType.DATETIME2, 7), true),
            Column.of("da", SqlType.of(SqlServerType.DATE), true),
            Column.of("t", SqlType.fractional(SqlServerType.TIME, 7), true),
            Column.of("dto", SqlType.fractional(SqlServerType.DATETIMEOFFSET, 7), true),
            Column.of("g", SqlType.of(SqlServerType.UNIQUEIDENTIFIER), true),
            Column.of("vb", SqlType.ofLength(SqlServerType.VARBINARY, 4), true),
            Column.of("img", SqlType.of(SqlServerType.IMAGE), true));
    private static final TableSchema SCHEMA = new TableSchema("all_types", COLUMNS, List.of("i"));

    @Test
    void describesColumnsAsTheDriverSendsThem() {
        RowBulkRecord r = RowBulkRecord.forRows(SCHEMA, List.<Row>of().iterator(), n -> { });
        assertThat(r.getColumnOrdinals()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19);
        assertThat(r.getColumnName(1)).isEqualTo("i");
        assertThat(r.getColumnType(1)).isEqualTo(Types.INTEGER);
        assertThat(r.getColumnType(6)).isEqualTo(Types.DOUBLE);
        assertThat(r.getColumnType(7)).isEqualTo(Types.DECIMAL);
        assertThat(r.getPrecision(7)).isEqualTo(19);
        assertThat(r.getScale(7)).isEqualTo(4);
        assertThat(r.getPrecision(8)).isEqualTo(10);
        assertThat(r.getScale(8)).isEqualTo(3);
        assertThat(r.getColumnType(9)).isEqualTo(Types.VARCHAR);
        assertThat(r.getPrecision(9)).isEqualTo(20);
        assertThat(r.getColumnType(10)).isEqualTo(Types.NVARCHAR);
        assertThat(r.getPrecision(10)).isEqualTo(Integer.MAX_VALUE);
        assertThat(r.getColumnType(11)).isEqualTo(Types.VARCHAR);
        assertThat(r.getColumnType(18)).isEqualTo(Types.VARBINARY);
        assertThat(r.getPrecision(18)).isEqualTo(4);
        assertThat(r.getPrecision(19)).isEqualTo(Integer.MAX_VALUE);
        assertThat(r.isAutoIncrement(1)).isFalse();
    }

    @Test
    void convertsValuesToTheClassesTheDriverCastsTo() {
        UUID g = UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        Row row = Row.of(7, (short) 255, 9_000_000_000L, true, 1.5f, 2.25d, new BigDecimal("12.3400"),
                new BigDecimal("1.5"), "abc", "ünïcødé 名前", LocalDateTime.of(2024, 2, 29, 13, 45, 7, 123_000_000),
                LocalDateTime.of(1999, 12, 31, 23, 59), LocalDateTime.of(1, 1, 1, 0, 0, 0, 1_00),
                LocalDate.of(2024, 1, 5), LocalTime.of(8, 5, 3, 120_000_000),
                OffsetDateTime.of(2024, 6, 1, 10, 0, 0, 0, ZoneOffset.ofHoursMinutes(-5, -30)), g,
                new byte[] {1, 2}, new byte[] {9});
        List<long[]> progress = new ArrayList<>();
        RowBulkRecord r = RowBulkRecord.forRows(SCHEMA, List.of(row).iterator(), n -> progress.add(new long[] {n}));
        assertThat(r.next()).isTrue();
        Object[] v = r.getRowData();
        assertThat(v[0]).isEqualTo(7);
        assertThat(v[1]).isEqualTo((short) 255);
        assertThat(v[2]).isEqualTo(9_000_000_000L);
        assertThat(v[3]).isEqualTo(true);
        assertThat(v[4]).isEqualTo(1.5f);
        assertThat(v[5]).isEqualTo(2.25d);
        assertThat(v[6]).isEqualTo(new BigDecimal("12.3400"));
        assertThat(v[7]).isEqualTo(new BigDecimal("1.500"));
        assertThat(v[8]).isEqualTo("abc");
        assertThat(v[9]).isEqualTo("ünïcødé 名前");
        assertThat(v[10]).isEqualTo("2024-02-29T13:45:07.123");
        assertThat(v[11]).isEqualTo("1999-12-31T23:59:00");
        assertThat(v[12]).isEqualTo("0001-01-01T00:00:00.0000001");
        assertThat(v[13]).isEqualTo("2024-01-05");
        assertThat(v[14]).isEqualTo("08:05:03.1200000");
        assertThat(v[15]).isEqualTo("2024-06-01T10:00:00.0000000-05:30");
        assertThat(v[16]).isEqualTo("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        assertThat(v[17]).isEqualTo(new byte[] {1, 2});
        assertThat(v[18]).isEqualTo(new byte[] {9});
        assertThat(r.next()).isFalse();
        assertThat(r.rowCount()).isEqualTo(1);
    }

    /** datetime goes to SQL Server already on its 1/300 s grid, as SQL Server shows it (.0066667 is .007, not .006). */
    @Test
    void datetimeIsRoundedToTheTickBeforeBulkCopy() {
        SqlType dt = SqlType.of(SqlServerType.DATETIME);
        assertThat(BulkValues.convert(dt, LocalDateTime.parse("2024-02-29T12:34:56.0066667"))).isEqualTo("2024-02-29T12:34:56.007");
        assertThat(BulkValues.convert(dt, LocalDateTime.parse("2024-02-29T12:34:56.0033333"))).isEqualTo("2024-02-29T12:34:56.003");
        assertThat(BulkValues.convert(dt, LocalDateTime.parse("2024-02-29T23:59:59.999"))).isEqualTo("2024-03-01T00:00:00.000");
        assertThat(BulkValues.convert(SqlType.fractional(SqlServerType.DATETIME2, 7),
                LocalDateTime.parse("2024-02-29T12:34:56.0066667"))).isEqualTo("2024-02-29T12:34:56.0066667");
    }

    @Test
    void nullsStayNull() {
        Object[] values = new Object[COLUMNS.size()];
        values[0] = 1;
        RowBulkRecord r = RowBulkRecord.forRows(SCHEMA, List.of(Row.of(values)).iterator(), n -> { });
        assertThat(r.next()).isTrue();
        assertThat(r.getRowData()).hasSize(19).startsWith(1);
        assertThat(java.util.Arrays.asList(r.getRowData()).subList(1, 19)).containsOnlyNulls();
    }

    @Test
    void wrongValueClassOrRowWidthIsAClearError() {
        Object[] values = new Object[COLUMNS.size()];
        values[0] = "not a number";
        RowBulkRecord r = RowBulkRecord.forRows(SCHEMA, List.of(Row.of(values)).iterator(), n -> { });
        assertThatThrownBy(r::next).isInstanceOf(MirrorException.class).hasMessageContaining("column 'i'")
                .hasMessageContaining("int").hasMessageContaining("java.lang.String");
        RowBulkRecord shortRow = RowBulkRecord.forRows(SCHEMA, List.of(Row.of(1, 2)).iterator(), n -> { });
        assertThatThrownBy(shortRow::next).isInstanceOf(MirrorException.class).hasMessageContaining("2 values")
                .hasMessageContaining("19 columns");
    }

    @Test
    void stageRowsCarrySequenceAndOperation() {
        TableSchema s = new TableSchema("t", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
                Column.of("name", SqlType.ofLength(SqlServerType.NVARCHAR, 10), true)), List.of("id"));
        List<RowChange> changes = List.of(RowChange.insert(1, "a"), RowChange.update(1, "b"), RowChange.delete(2, null));
        List<dev.mirror.dialect.support.StagedChange> staged = new ArrayList<>();
        for (RowChange c : changes) {
            staged.add(new dev.mirror.dialect.support.StagedChange(staged.size(), c.operation(), c.row()));
        }
        RowBulkRecord r = RowBulkRecord.forStage(s, staged.iterator());
        assertThat(r.getColumnName(1)).isEqualTo("seq");
        assertThat(r.getColumnType(1)).isEqualTo(Types.BIGINT);
        assertThat(r.getColumnType(2)).isEqualTo(Types.VARCHAR);
        assertThat(r.getColumnType(4)).isEqualTo(Types.NVARCHAR);
        List<List<Object>> rows = new ArrayList<>();
        while (r.next()) {
            rows.add(java.util.Arrays.asList(r.getRowData()));
        }
        assertThat(rows).containsExactly(List.of(0L, "I", 1, "a"), List.of(1L, "U", 1, "b"),
                java.util.Arrays.asList(2L, "D", 2, null));
        assertThat(Operation.values()[2]).isEqualTo(Operation.DELETE);
    }

    @Test
    void reportsProgressEveryTenThousandRows() {
        TableSchema s = new TableSchema("t", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false)), List.of("id"));
        List<Long> seen = new ArrayList<>();
        java.util.Iterator<Row> rows = java.util.stream.IntStream.range(0, 25_000).mapToObj(i -> Row.of(i)).iterator();
        RowBulkRecord r = RowBulkRecord.forRows(s, rows, seen::add);
        while (r.next()) {
            assertThat(r.getRowData()).hasSize(1);
        }
        assertThat(seen).containsExactly(10_000L, 20_000L);
        assertThat(r.rowCount()).isEqualTo(25_000);
    }

    @Test
    void bulkOptionsFollowTheDocumentedChoices() throws Exception {
        var o = new SqlServerBulkWriter(new BulkSettings(500, 90)).options(true);
        assertThat(o.isKeepNulls()).isTrue();
        assertThat(o.isKeepIdentity()).isTrue();
        assertThat(o.isFireTriggers()).isFalse();
        assertThat(o.isCheckConstraints()).isFalse();
        assertThat(o.isTableLock()).isTrue();
        assertThat(o.isUseInternalTransaction()).isFalse();
        assertThat(o.getBatchSize()).isEqualTo(500);
        assertThat(o.getBulkCopyTimeout()).isEqualTo(90);
        assertThat(new SqlServerBulkWriter(BulkSettings.DEFAULTS).options(false).isTableLock()).isFalse();
    }
}
