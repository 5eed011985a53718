package dev.mirror.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.model.Row;
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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RawBulkRecordTest {
    private static RawColumn col(SqlType t) {
        return RawColumn.of("c", t);
    }

    @Test
    void describesEachDeclaredTypeToTheDriver() {
        assertThat(col(SqlType.of(SqlServerType.INT))).extracting(RawColumn::jdbcType, RawColumn::precision).containsExactly(Types.INTEGER, 10);
        assertThat(col(SqlType.of(SqlServerType.SMALLINT)).jdbcType()).isEqualTo(Types.SMALLINT);
        assertThat(col(SqlType.of(SqlServerType.TINYINT)).jdbcType()).isEqualTo(Types.TINYINT);
        assertThat(col(SqlType.of(SqlServerType.BIGINT)).jdbcType()).isEqualTo(Types.BIGINT);
        assertThat(col(SqlType.of(SqlServerType.BIT)).jdbcType()).isEqualTo(Types.BIT);
        assertThat(col(SqlType.of(SqlServerType.FLOAT)).jdbcType()).isEqualTo(Types.DOUBLE);
        assertThat(col(SqlType.of(SqlServerType.REAL)).jdbcType()).isEqualTo(Types.REAL);
        assertThat(col(SqlType.decimal(SqlServerType.DECIMAL, 12, 3))).extracting(RawColumn::jdbcType, RawColumn::precision, RawColumn::scale)
                .containsExactly(Types.DECIMAL, 12, 3);
        assertThat(col(SqlType.of(SqlServerType.MONEY))).extracting(RawColumn::precision, RawColumn::scale).containsExactly(19, 4);
        assertThat(col(SqlType.ofLength(SqlServerType.NVARCHAR, 239))).extracting(RawColumn::jdbcType, RawColumn::precision)
                .containsExactly(Types.NVARCHAR, 239);
        assertThat(col(SqlType.ofLength(SqlServerType.NVARCHAR, SqlType.MAX)).precision()).isEqualTo(Integer.MAX_VALUE);
        assertThat(col(SqlType.ofLength(SqlServerType.VARCHAR, 10)).jdbcType()).isEqualTo(Types.VARCHAR);
        assertThat(col(SqlType.ofLength(SqlServerType.VARBINARY, 16))).extracting(RawColumn::jdbcType, RawColumn::precision)
                .containsExactly(Types.VARBINARY, 16);
        assertThat(col(SqlType.of(SqlServerType.DATETIME))).extracting(RawColumn::jdbcType, RawColumn::precision).containsExactly(Types.VARCHAR, 50);
        assertThat(col(SqlType.of(SqlServerType.UNIQUEIDENTIFIER))).extracting(RawColumn::jdbcType, RawColumn::precision).containsExactly(Types.CHAR, 36);
    }

    @Test
    void sendsTemporalValuesAsIso8601TextAndEverythingElseAsIs() {
        LocalDateTime t = LocalDateTime.of(1760, 1, 2, 3, 4, 5, 120_000_000);
        assertThat(col(SqlType.of(SqlServerType.DATETIME)).value(t)).isEqualTo("1760-01-02T03:04:05.120");
        assertThat(col(SqlType.of(SqlServerType.SMALLDATETIME)).value(t)).isEqualTo("1760-01-02T03:04:05");
        assertThat(col(SqlType.fractional(SqlServerType.DATETIME2, 7)).value(t)).isEqualTo("1760-01-02T03:04:05.1200000");
        assertThat(col(SqlType.of(SqlServerType.DATE)).value(LocalDate.of(2024, 2, 29))).isEqualTo("2024-02-29");
        assertThat(col(SqlType.fractional(SqlServerType.TIME, 7)).value(LocalTime.of(1, 2, 3))).isEqualTo("01:02:03.0000000");
        assertThat(col(SqlType.fractional(SqlServerType.DATETIMEOFFSET, 7)).value(OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(1))))
                .isEqualTo("2024-01-02T03:04:05.0000000+01:00");
        assertThat(col(SqlType.of(SqlServerType.UNIQUEIDENTIFIER)).value(new UUID(0, 1))).isEqualTo("00000000-0000-0000-0000-000000000001");
        Integer i = 7;
        assertThat(col(SqlType.of(SqlServerType.INT)).value(i)).isSameAs(i);
        BigDecimal d = new BigDecimal("1.5000");
        assertThat(col(SqlType.of(SqlServerType.MONEY)).value(d)).isSameAs(d);
        assertThat(col(SqlType.of(SqlServerType.DATETIME)).value(null)).isNull();
    }

    @Test
    void streamsRowsOneAtATimeWithTheSchemasColumnsInOrder() {
        TableData person = TableData.sample(List.of("person"), 3).get(0);
        RawBulkRecord r = new RawBulkRecord(RawBulkRecord.columns(person.schema()), person.rows().iterator());
        TableSchema s = person.schema();
        assertThat(r.getColumnOrdinals()).hasSize(s.columnCount()).startsWith(1, 2, 3).contains(s.columnCount());
        for (int i = 1; i <= s.columnCount(); i++) {
            assertThat(r.getColumnName(i)).isEqualTo(s.columns().get(i - 1).name());
            assertThat(r.isAutoIncrement(i)).isFalse();
            assertThat(r.getColumnDateTimeFormatter(i)).isNull();
        }
        int rows = 0;
        while (r.next()) {
            Object[] v = r.getRowData();
            Row source = person.rows().get(rows++);
            assertThat(v).hasSize(s.columnCount());
            for (int i = 0; i < v.length; i++) {
                Object expected = source.get(i) instanceof LocalDateTime t ? RawColumn.of("x", s.columns().get(i).type()).value(t) : source.get(i);
                assertThat(v[i]).as("column %s", s.columns().get(i).name()).isEqualTo(expected);
            }
        }
        assertThat(rows).isEqualTo(3);
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.getRowData()).isNull();
        assertThat(s.columns().stream().anyMatch(c -> c.type().base() == SqlServerType.DATETIME)).as("the sample has datetime columns").isTrue();
    }

    @Test
    void theRowsSourceIsNotChanged() {
        Row row = Row.of(1, LocalDateTime.of(2020, 1, 1, 0, 0));
        RawBulkRecord r = new RawBulkRecord(List.of(col(SqlType.of(SqlServerType.INT)), col(SqlType.of(SqlServerType.DATETIME))),
                List.of(row).iterator());
        assertThat(r.next()).isTrue();
        assertThat(r.getRowData()).containsExactly(1, "2020-01-01T00:00:00.000");
        assertThat(row.get(1)).isInstanceOf(LocalDateTime.class);
    }

    @Test
    void columnMetadataIsFixed() {
        RawBulkRecord r = new RawBulkRecord(List.of(), List.<Row>of().iterator());
        assertThat(r.next()).isFalse();
        assertThatThrownBy(() -> r.addColumnMetadata(1, "x", Types.INTEGER, 10, 0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.setTimestampWithTimezoneFormat("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
