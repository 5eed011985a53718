package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import com.microsoft.sqlserver.jdbc.ISQLServerBulkRecord;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.TableSchema;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The raw baseline's {@code ISQLServerBulkRecord}: the straightforward adapter a developer writes to bulk copy
 * in-memory rows — column metadata from the table's declared types ({@link RawColumn}), each row's values handed
 * over as they are (temporal ones as ISO text), nothing checked. The driver pulls one row at a time through
 * {@link #next()} and {@link #getRowData()}. Not thread-safe; one instance per {@code writeToServer}.
 */
final class RawBulkRecord implements ISQLServerBulkRecord {
    private static final long serialVersionUID = 1L;

    private final List<RawColumn> columns;
    private final transient Iterator<Row> rows;
    private transient Object[] current;
    private long count;

    RawBulkRecord(List<RawColumn> columns, Iterator<Row> rows) {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.rows = requireNonNull(rows, "rows is null");
    }

    /** One raw column per schema column, in schema order. */
    static List<RawColumn> columns(TableSchema schema) {
        return schema.columns().stream().map((Column c) -> RawColumn.of(c.name(), c.type())).toList();
    }

    /** Rows handed to the driver so far. */
    long count() {
        return count;
    }

    @Override
    public Set<Integer> getColumnOrdinals() {
        Set<Integer> r = new LinkedHashSet<>();
        for (int i = 1; i <= columns.size(); i++) {
            r.add(i);
        }
        return r;
    }

    @Override
    public String getColumnName(int column) {
        return columns.get(column - 1).name();
    }

    @Override
    public int getColumnType(int column) {
        return columns.get(column - 1).jdbcType();
    }

    @Override
    public int getPrecision(int column) {
        return columns.get(column - 1).precision();
    }

    @Override
    public int getScale(int column) {
        return columns.get(column - 1).scale();
    }

    @Override
    public boolean isAutoIncrement(int column) {
        return false;
    }

    @Override
    public boolean next() {
        if (!rows.hasNext()) {
            current = null;
            return false;
        }
        Object[] v = rows.next().toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = columns.get(i).value(v[i]);
        }
        current = v;
        count++;
        return true;
    }

    @Override
    public Object[] getRowData() {
        return current;
    }

    @Override
    public void addColumnMetadata(int positionInFile, String name, int jdbcType, int precision, int scale,
                                  DateTimeFormatter dateTimeFormatter) {
        throw new UnsupportedOperationException("the columns come from the table schema");
    }

    @Override
    public void addColumnMetadata(int positionInFile, String name, int jdbcType, int precision, int scale) {
        throw new UnsupportedOperationException("the columns come from the table schema");
    }

    @Override
    public void setTimestampWithTimezoneFormat(String dateTimeFormat) {
        throw new UnsupportedOperationException("temporal values are sent as ISO 8601 text");
    }

    @Override
    public void setTimestampWithTimezoneFormat(DateTimeFormatter dateTimeFormatter) {
        throw new UnsupportedOperationException("temporal values are sent as ISO 8601 text");
    }

    @Override
    public void setTimeWithTimezoneFormat(String timeFormat) {
        throw new UnsupportedOperationException("temporal values are sent as ISO 8601 text");
    }

    @Override
    public void setTimeWithTimezoneFormat(DateTimeFormatter dateTimeFormatter) {
        throw new UnsupportedOperationException("temporal values are sent as ISO 8601 text");
    }

    @Override
    public DateTimeFormatter getColumnDateTimeFormatter(int column) {
        return null;
    }
}
