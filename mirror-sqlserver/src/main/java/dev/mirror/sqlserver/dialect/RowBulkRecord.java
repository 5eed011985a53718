package dev.mirror.sqlserver.dialect;

import static java.util.Objects.requireNonNull;

import com.microsoft.sqlserver.jdbc.ISQLServerBulkRecord;
import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.TableSchema;
import dev.mirror.dialect.support.StagedChange;
import dev.mirror.api.dialect.BulkProgress;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Streams rows into {@code SQLServerBulkCopy}: the driver pulls one row at a time through
 * {@link #next()} / {@link #getRowData()}, so only the current row is held here, whatever the table size.
 *
 * <p>It implements {@link ISQLServerBulkRecord} rather than the bare {@code ISQLServerBulkData}: Microsoft's
 * page "Using bulk copy with the JDBC driver" notes that ISQLServerBulkData as a source "is currently not
 * fully supported" and recommends ISQLServerBulkRecord. Column metadata is fixed at construction, so the
 * metadata mutators of that interface are refused. Not thread-safe; used for one {@code writeToServer}.
 */
final class RowBulkRecord implements ISQLServerBulkRecord {
    private static final long serialVersionUID = 1L;
    private static final int PROGRESS_EVERY = 10_000;

    private final List<BulkColumn> columns;
    private final transient Iterator<Object[]> source;
    private final transient Function<Object[], Object[]> converter;
    private final transient BulkProgress progress;
    private transient Object[] current;
    private long rows;

    RowBulkRecord(List<BulkColumn> columns, Iterator<Object[]> source, BulkProgress progress) {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.source = requireNonNull(source, "source is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.converter = this::convert;
    }

    /** Rows of a full load: one bulk column per schema column, in schema order. */
    static RowBulkRecord forRows(TableSchema schema, Iterator<Row> rows, BulkProgress progress) {
        List<BulkColumn> cols = new ArrayList<>();
        schema.columns().forEach(c -> cols.add(BulkColumn.of(c.name(), c.type())));
        Iterator<Object[]> values = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Object[] next() {
                Row r = rows.next();
                if (r.size() != schema.columnCount()) {
                    throw MirrorException.source("ROW_SHAPE", false, "a row of table '" + schema.name() + "' has "
                            + r.size() + " values but the table has " + schema.columnCount() + " columns", null);
                }
                return r.toArray();
            }
        };
        return new RowBulkRecord(cols, values, progress);
    }

    /**
     * Changes of an incremental batch, shaped like the stage table: {@code seq}, {@code op}, then the columns (the
     * skeleton, {@link dev.mirror.dialect.support.StagedApply}, numbered, counted and checked them).
     */
    static RowBulkRecord forStage(TableSchema schema, Iterator<StagedChange> changes) {
        List<BulkColumn> cols = new ArrayList<>();
        cols.add(new BulkColumn("seq", null, java.sql.Types.BIGINT, 19, 0));
        cols.add(new BulkColumn("op", null, java.sql.Types.VARCHAR, 1, 0));
        schema.columns().forEach(c -> cols.add(BulkColumn.of(c.name(), c.type())));
        Iterator<Object[]> values = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return changes.hasNext();
            }

            @Override
            public Object[] next() {
                StagedChange ch = changes.next();
                Row r = ch.row();
                Object[] v = new Object[r.size() + 2];
                v[0] = ch.seq();
                v[1] = ch.opCode();
                for (int i = 0; i < r.size(); i++) {
                    v[i + 2] = r.get(i);
                }
                return v;
            }
        };
        return new RowBulkRecord(cols, values, BulkProgress.NONE);
    }

    private Object[] convert(Object[] raw) {
        Object[] out = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            BulkColumn c = columns.get(i);
            try {
                out[i] = c.type() == null ? raw[i] : BulkValues.convert(c.type(), raw[i]);
            } catch (IllegalArgumentException e) {
                throw MirrorException.source("VALUE_INVALID", false, "column '" + c.name() + "': " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Rows handed to the driver so far. */
    long rowCount() {
        return rows;
    }

    @Override
    public Set<Integer> getColumnOrdinals() {
        Set<Integer> r = new LinkedHashSet<>();
        for (int i = 1; i <= columns.size(); i++) {
            r.add(i);
        }
        return Collections.unmodifiableSet(r);
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
    public Object[] getRowData() {
        return current;
    }

    @Override
    public boolean next() {
        if (!source.hasNext()) {
            current = null;
            return false;
        }
        current = converter.apply(source.next());
        rows++;
        if (rows % PROGRESS_EVERY == 0) {
            progress.rows(rows);
        }
        return true;
    }

    @Override
    public void addColumnMetadata(int positionInFile, String name, int jdbcType, int precision, int scale,
                                  DateTimeFormatter dateTimeFormatter) {
        throw new UnsupportedOperationException("column metadata is fixed by the table schema");
    }

    @Override
    public void addColumnMetadata(int positionInFile, String name, int jdbcType, int precision, int scale) {
        throw new UnsupportedOperationException("column metadata is fixed by the table schema");
    }

    @Override
    public void setTimestampWithTimezoneFormat(String dateTimeFormat) {
        throw new UnsupportedOperationException("datetimeoffset values are sent as ISO 8601 text");
    }

    @Override
    public void setTimestampWithTimezoneFormat(DateTimeFormatter dateTimeFormatter) {
        throw new UnsupportedOperationException("datetimeoffset values are sent as ISO 8601 text");
    }

    @Override
    public void setTimeWithTimezoneFormat(String timeFormat) {
        throw new UnsupportedOperationException("time values are sent as ISO 8601 text");
    }

    @Override
    public void setTimeWithTimezoneFormat(DateTimeFormatter dateTimeFormatter) {
        throw new UnsupportedOperationException("time values are sent as ISO 8601 text");
    }

    @Override
    public DateTimeFormatter getColumnDateTimeFormatter(int column) {
        return null;
    }
}
