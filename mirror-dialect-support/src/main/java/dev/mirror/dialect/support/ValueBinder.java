package dev.mirror.dialect.support;

import dev.mirror.api.model.SqlType;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How a dialect binds one row value (a Java class of {@code SqlServerType}) to a statement parameter: its JDBC driver's
 * quirks live here, and values are never put into SQL text. Used by {@link BatchInsert}.
 */
public interface ValueBinder {
    /** Binds {@code value} (null for NULL) of a column of {@code type} to parameter {@code index} (1-based). */
    void bind(PreparedStatement ps, int index, SqlType type, Object value) throws SQLException;

    /** A rough size of {@code value} in memory, to bound a batch by bytes; 0 (the default) bounds it by rows only. */
    default long size(Object value) {
        return 0;
    }
}
