package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.TargetDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads mirror tables back and compares them row by row, value by value, with the source's rows. */
final class MirrorContents {
    private MirrorContents() {
    }

    /** The mirror table's rows in primary-key order, normalized (columns in source order). */
    static List<List<Object>> read(Connection c, TargetDialect d, TableSchema schema) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < schema.columnCount(); i++) {
            sql.append(i == 0 ? "" : ", ").append(d.names().quote(d.names().targetName(schema.columns().get(i).name())));
        }
        sql.append(" FROM ").append(d.names().quote(d.names().targetName(schema.name()))).append(" ORDER BY ");
        for (int i = 0; i < schema.primaryKey().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(d.names().quote(d.names().targetName(schema.primaryKey().get(i))));
        }
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>(schema.columnCount());
                for (int i = 0; i < schema.columnCount(); i++) {
                    row.add(Values.normalize(schema.columns().get(i).type(), rs.getObject(i + 1)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The source rows normalized the same way (they arrive in key order). */
    static List<List<Object>> normalize(TableSchema schema, Iterator<Row> rows) {
        List<List<Object>> r = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            List<Object> values = new ArrayList<>(row.size());
            for (int i = 0; i < schema.columnCount(); i++) {
                Column col = schema.columns().get(i);
                values.add(Values.normalize(col.type(), row.get(i)));
            }
            r.add(values);
        }
        return r;
    }

    /** Asserts that the mirror table equals the source rows exactly (values, not counts). */
    static void assertEquals(Connection c, TargetDialect d, TableSchema schema, Iterator<Row> sourceRows) throws SQLException {
        List<List<Object>> expected = normalize(schema, sourceRows);
        List<List<Object>> actual = read(c, d, schema);
        assertThat(actual.size()).as("row count of %s", schema.name()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("row %d of %s", i, schema.name()).isEqualTo(expected.get(i));
        }
    }
}
