package dev.mirror.testkit.source;

import dev.mirror.api.dialect.DialectNames;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.TableSchema;
import dev.mirror.core.Mirror;
import dev.mirror.core.verify.ValueNormalizer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares a mirror table in the target with the rows a source says it holds, value by value, normalized the way core's
 * {@code mirror verify} normalizes them (so a {@code datetime} read back from the target equals the source's value).
 */
final class KitRows {
    private KitRows() {
    }

    static void assertEqual(Mirror mirror, TableSchema schema, List<Row> expected) {
        Map<String, List<String>> want = new TreeMap<>();
        for (Row row : expected) {
            String[] values = new String[schema.columnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = ValueNormalizer.normalize(schema.columns().get(i).type(), row.get(i));
            }
            if (want.put(key(schema, values), Arrays.asList(values)) != null) {
                throw new AssertionError("the source's rows of " + schema.name() + " hold key " + key(schema, values) + " twice");
            }
        }
        Map<String, List<String>> have = read(mirror, schema);
        if (have.equals(want)) {
            return;
        }
        for (Map.Entry<String, List<String>> e : want.entrySet()) {
            List<String> actual = have.get(e.getKey());
            if (!e.getValue().equals(actual)) {
                throw new AssertionError("table " + schema.name() + " key " + e.getKey() + " differs: mirror has "
                        + (actual == null ? "no row" : actual) + ", source has " + e.getValue()
                        + " (row counts: mirror " + have.size() + ", source " + want.size() + ")");
            }
        }
        String extra = have.keySet().stream().filter(k -> !want.containsKey(k)).findFirst().orElse("?");
        throw new AssertionError("table " + schema.name() + ": the mirror has key " + extra
                + " that the source does not have (row counts: mirror " + have.size() + ", source " + want.size() + ")");
    }

    static Map<String, List<String>> read(Mirror mirror, TableSchema schema) {
        DialectNames names = mirror.targetDialect().names();
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Column> columns = schema.columns();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(names.quote(names.targetName(columns.get(i).name())));
        }
        sql.append(" FROM ").append(names.quote(names.targetName(schema.name())));
        Map<String, List<String>> r = new TreeMap<>();
        try (Connection c = mirror.targetDataSource().getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                String[] values = new String[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = ValueNormalizer.normalize(columns.get(i).type(), ValueNormalizer.read(rs, i + 1, columns.get(i).type()));
                }
                r.put(key(schema, values), Arrays.asList(values));
            }
        } catch (SQLException e) {
            throw new AssertionError("reading the mirror of " + schema.name() + " failed: " + e.getMessage(), e);
        }
        return r;
    }

    private static String key(TableSchema schema, String[] values) {
        StringBuilder k = new StringBuilder();
        for (int i : schema.keyIndexes()) {
            k.append(k.length() == 0 ? "" : "|").append(Objects.toString(values[i]));
        }
        return k.toString();
    }
}
