package dev.mirror.core.internal.options;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/** A statement core runs with its parameters: booleans and UTC times only (the mode columns' values). */
record BoundSql(String sql, List<Object> params) {
    BoundSql {
        requireNonNull(sql, "sql is null");
        params = List.copyOf(requireNonNull(params, "params is null"));
    }

    static BoundSql of(String sql, Object... params) {
        return new BoundSql(sql, Arrays.asList(params));
    }

    int execute(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object v = params.get(i);
                if (v instanceof Boolean b) {
                    p.setBoolean(i + 1, b);
                } else if (v instanceof LocalDateTime t) {
                    p.setTimestamp(i + 1, Timestamp.valueOf(t));
                } else {
                    throw new IllegalArgumentException("unexpected parameter type " + v);
                }
            }
            return p.executeUpdate();
        }
    }
}
