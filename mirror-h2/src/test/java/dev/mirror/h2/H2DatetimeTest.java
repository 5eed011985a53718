package dev.mirror.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.BulkProgress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SQL Server datetime values are stored as SQL Server shows them (1/300 s ticks: .000, .003, .007), on both paths. */
class H2DatetimeTest {
    private static final TableSchema SCHEMA = new TableSchema("dt", List.of(Column.of("id", SqlType.of(SqlServerType.INT), false),
            Column.of("at", SqlType.of(SqlServerType.DATETIME), true), Column.of("at2", SqlType.fractional(SqlServerType.DATETIME2, 7), true)),
            List.of("id"));

    @Test
    void datetimeRoundsToTheSqlServerTickOnBulkLoadAndApply() throws SQLException {
        H2Dialect d = new H2Dialect();
        LocalDateTime twoTicks = LocalDateTime.parse("2024-02-29T12:34:56.0066667");
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:dt" + System.nanoTime(), "sa", "")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : d.ddl().createTable("dt", SCHEMA)) {
                    s.execute(sql);
                }
            }
            d.bulk().bulkLoad(c, "dt", SCHEMA, List.of(Row.of(1, twoTicks, twoTicks),
                    Row.of(2, LocalDateTime.parse("2024-02-29T12:34:56.0016"), null)).iterator(), BulkProgress.NONE);
            d.changes().applyChanges(c, "dt", SCHEMA, List.of(RowChange.insert(3, LocalDateTime.parse("2024-02-29T12:34:56.0033333"), null),
                    RowChange.insert(4, LocalDateTime.parse("1998-12-31T23:59:59.999"), null)).iterator());
            c.commit();
            List<LocalDateTime> at = new ArrayList<>();
            LocalDateTime at2 = null;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT \"at\", \"at2\" FROM \"dt\" ORDER BY \"id\"")) {
                while (rs.next()) {
                    at.add(rs.getObject(1, LocalDateTime.class));
                    at2 = at2 == null ? rs.getObject(2, LocalDateTime.class) : at2;
                }
            }
            assertThat(at).containsExactly(LocalDateTime.parse("2024-02-29T12:34:56.007"), LocalDateTime.parse("2024-02-29T12:34:56.000"),
                    LocalDateTime.parse("2024-02-29T12:34:56.003"), LocalDateTime.parse("1999-01-01T00:00:00"));
            assertThat(at2).as("datetime2 is not rounded to ticks").isEqualTo(twoTicks);
        }
    }
}
