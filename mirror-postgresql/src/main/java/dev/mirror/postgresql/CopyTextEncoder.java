package dev.mirror.postgresql;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlServerType;
import java.util.List;

/**
 * Encodes row values in PostgreSQL's COPY text format
 * (<a href="https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.2">COPY, Text Format</a>):
 * fields separated by a tab, rows ended by a newline, NULL as {@code \N}, and a backslash, tab, newline and
 * carriage return inside a value escaped as {@code \\}, {@code \t}, {@code \n}, {@code \r}. Because every
 * backslash is escaped, the end-of-data marker {@code \.} can never appear in a value.
 *
 * <p>bytea goes in hex form ({@code \x0a1b}, its backslash escaped for COPY), temporal values in ISO form
 * truncated to the column's fractional digits ({@link PgTemporal}), except {@code datetime}, which is first rounded
 * to SQL Server's 1/300 s tick as SQL Server shows it ({@code .0066667} is {@code .007},
 * {@link dev.mirror.api.model.SqlServerDatetime}), floats through Java's shortest
 * round-tripping text (PostgreSQL reads {@code NaN}, {@code Infinity}, {@code -Infinity} as Java prints
 * them). A NUL character cannot be stored in PostgreSQL text at all, and an unpaired UTF-16 surrogate (which
 * SQL Server's UCS-2 nvarchar accepts) has no UTF-8 form; a string containing either is rejected with the table
 * and column named rather than silently altered.
 */
final class CopyTextEncoder {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String table;
    private final List<Column> columns;
    private final int[] digits;

    CopyTextEncoder(String table, List<Column> columns) {
        this.table = requireNonNull(table, "table is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.digits = new int[this.columns.size()];
        for (int i = 0; i < digits.length; i++) {
            SqlServerType base = this.columns.get(i).type().base();
            digits[i] = switch (base) {
                case DATETIME -> 3;
                case SMALLDATETIME -> 0;
                case DATETIME2, TIME, DATETIMEOFFSET -> PostgresTypes.fraction(this.columns.get(i).type());
                default -> 9;
            };
        }
    }

    /** Appends the row's fields, tab-separated, without the line end. */
    void appendRow(StringBuilder b, Row row, long rowNumber) {
        if (row.size() != columns.size()) {
            throw CopyValues.rowShape(table, rowNumber, row.size(), columns.size());
        }
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                b.append('\t');
            }
            appendValue(b, i, row.get(i), rowNumber);
        }
    }

    void appendValue(StringBuilder b, int column, Object v, long rowNumber) {
        if (v == null) {
            b.append("\\N");
            return;
        }
        Column c = columns.get(column);
        try {
            switch (c.type().base().family()) {
                case INTEGER -> b.append(CopyValues.integral(v));
                case BOOLEAN -> b.append(CopyValues.bool(v) ? 't' : 'f');
                case APPROXIMATE_NUMERIC, EXACT_NUMERIC -> b.append(CopyValues.number(v));
                case CHARACTER -> appendText(b, CopyValues.text(v), c, rowNumber);
                case DATETIME -> PgTemporal.appendTimestamp(b, c.type().base() == SqlServerType.DATETIME
                        ? SqlServerDatetime.round(CopyValues.dateTime(v)) : CopyValues.dateTime(v), digits[column]);
                case DATE -> PgTemporal.appendDate(b, CopyValues.date(v));
                case TIME -> PgTemporal.appendTime(b, CopyValues.time(v), digits[column]);
                case DATETIMEOFFSET -> PgTemporal.appendTimestampTz(b, CopyValues.offsetDateTime(v), digits[column]);
                case UUID -> b.append(CopyValues.uuid(v).toString());
                case BINARY -> appendBytea(b, (byte[]) v);
                default -> throw new IllegalStateException("unhandled type family " + c.type().base().family());
            }
        } catch (ClassCastException | IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw CopyValues.invalid(table, c, rowNumber, v, e);
        }
    }

    private void appendText(StringBuilder b, String s, Column c, long rowNumber) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\0' -> throw CopyValues.unstorable(table, c, rowNumber, s, i);
                default -> {
                    if (Character.isSurrogate(ch) && !CopyValues.pairedAt(s, i)) {
                        throw CopyValues.unstorable(table, c, rowNumber, s, i);
                    }
                    b.append(ch);
                }
            }
        }
    }

    /** bytea hex format; the leading backslash is itself escaped for COPY text. */
    static void appendBytea(StringBuilder b, byte[] bytes) {
        b.append("\\\\x");
        for (byte x : bytes) {
            b.append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
        }
    }
}
