package dev.mirror.postgresql;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.postgresql.util.ByteConverter;

/**
 * Encodes row values in PostgreSQL's binary COPY format, each in the send format of the column type
 * {@link PostgresTypes#columnType} gives it (int2/int4/int8, float4/float8, numeric, bool, text, bytea, date, timestamp,
 * timestamptz, time, uuid; the formats are the server's {@code *_recv} functions).
 *
 * <p>The value domain is the text encoder's ({@link CopyTextEncoder}), value for value: the same Java classes are
 * accepted ({@link CopyValues}), temporal values are truncated to the column's digits and {@code datetime} rounded to
 * SQL Server's tick first, as in text, strings with a NUL or an unpaired surrogate are refused with the same message,
 * and numerics are sent exact so that the server rounds them to the column's scale as it rounds text. Two refusals
 * differ in wording only: a timestamp or date past PostgreSQL's range is sent as PostgreSQL's first out-of-range value,
 * so the server refuses it with SQLSTATE 22008 as it refuses the text, but without quoting the value; and an integer or
 * float out of its column's range, which text COPY leaves to the server (SQLSTATE 22003), is refused here, before it is
 * sent, with {@code TARGET_DATA_INVALID} (the code {@link PostgresErrors} gives 22003) and the server's wording.
 */
final class CopyBinaryEncoder {
    /** How one column's values go on the wire. */
    enum Wire { INT2, INT4, INT8, BOOL, FLOAT4, FLOAT8, NUMERIC, TEXT, BYTEA, DATE, TIMESTAMP, TIMESTAMPTZ, TIME, UUID }

    // numeric's sign word for the special values (PostgreSQL 14+ for the infinities): ndigits 0, weight 0, dscale 0.
    private static final byte[] NUMERIC_NAN = {0, 0, 0, 0, (byte) 0xC0, 0, 0, 0};
    private static final byte[] NUMERIC_PINF = {0, 0, 0, 0, (byte) 0xD0, 0, 0, 0};
    private static final byte[] NUMERIC_NINF = {0, 0, 0, 0, (byte) 0xF0, 0, 0, 0};

    private final String table;
    private final List<Column> columns;
    private final Wire[] wires;
    private final int[] digits;

    /** @throws IllegalArgumentException if a column has no binary form ({@link #wire} is empty): use text COPY then */
    CopyBinaryEncoder(String table, List<Column> columns) {
        this.table = requireNonNull(table, "table is null");
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.wires = new Wire[this.columns.size()];
        this.digits = new int[this.columns.size()];
        for (int i = 0; i < wires.length; i++) {
            Column c = this.columns.get(i);
            wires[i] = wire(c.type()).orElseThrow(() -> new IllegalArgumentException("column '" + c.name() + "' ("
                    + c.type() + ") has no binary COPY form"));
            digits[i] = switch (c.type().base()) {
                case DATETIME -> 3;
                case SMALLDATETIME -> 0;
                case DATETIME2, TIME, DATETIMEOFFSET -> PostgresTypes.fraction(c.type());
                default -> 9;
            };
        }
    }

    /** The binary form of a column of this type (as {@link PostgresTypes#columnType} maps it), if there is one. */
    static Optional<Wire> wire(SqlType type) {
        return Optional.ofNullable(switch (type.base()) {
            case TINYINT, SMALLINT -> Wire.INT2;
            case INT -> Wire.INT4;
            case BIGINT -> Wire.INT8;
            case BIT -> Wire.BOOL;
            case REAL -> Wire.FLOAT4;
            case FLOAT -> Wire.FLOAT8;
            case DECIMAL, NUMERIC, MONEY, SMALLMONEY -> Wire.NUMERIC;
            case CHAR, VARCHAR, TEXT, NCHAR, NVARCHAR, NTEXT -> Wire.TEXT;
            case BINARY, VARBINARY, IMAGE -> Wire.BYTEA;
            case DATE -> Wire.DATE;
            case DATETIME, SMALLDATETIME, DATETIME2 -> Wire.TIMESTAMP;
            case DATETIMEOFFSET -> Wire.TIMESTAMPTZ;
            case TIME -> Wire.TIME;
            case UNIQUEIDENTIFIER -> Wire.UUID;
        });
    }

    int columnCount() {
        return columns.size();
    }

    /** Writes the row's fields (not the tuple's field count: the caller may add fields of its own). */
    void writeValues(CopyBinaryStream out, Row row, long rowNumber) {
        if (row.size() != columns.size()) {
            throw CopyValues.rowShape(table, rowNumber, row.size(), columns.size());
        }
        for (int i = 0; i < wires.length; i++) {
            writeValue(out, i, row.get(i), rowNumber);
        }
    }

    void writeValue(CopyBinaryStream out, int column, Object v, long rowNumber) {
        if (v == null) {
            out.nullField();
            return;
        }
        Column c = columns.get(column);
        try {
            switch (wires[column]) {
                case INT2 -> out.int2Field((short) integral(v, Short.MIN_VALUE, Short.MAX_VALUE, "smallint", c, rowNumber));
                case INT4 -> out.int4Field((int) integral(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "integer", c, rowNumber));
                case INT8 -> out.int8Field(integral(v, Long.MIN_VALUE, Long.MAX_VALUE, "bigint", c, rowNumber));
                case BOOL -> out.boolField(CopyValues.bool(v));
                case FLOAT4 -> out.float4Field(float4(v, c, rowNumber));
                case FLOAT8 -> out.float8Field(float8(v, c, rowNumber));
                case NUMERIC -> out.bytesField(numeric(v));
                case TEXT -> out.bytesField(text(CopyValues.text(v), c, rowNumber));
                case BYTEA -> out.bytesField((byte[]) v);
                case DATE -> out.int4Field(PgTemporal.dateDays(CopyValues.date(v)));
                case TIMESTAMP -> out.int8Field(PgTemporal.timestampMicros(c.type().base() == SqlServerType.DATETIME
                        ? SqlServerDatetime.round(CopyValues.dateTime(v)) : CopyValues.dateTime(v), digits[column]));
                case TIMESTAMPTZ -> out.int8Field(PgTemporal.timestampTzMicros(CopyValues.offsetDateTime(v), digits[column]));
                case TIME -> out.int8Field(PgTemporal.timeMicros(CopyValues.time(v), digits[column]));
                case UUID -> {
                    UUID u = CopyValues.uuid(v);
                    out.uuidField(u.getMostSignificantBits(), u.getLeastSignificantBits());
                }
                default -> throw new IllegalStateException("unhandled wire type " + wires[column]);
            }
        } catch (ClassCastException | IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            throw CopyValues.invalid(table, c, rowNumber, v, e);
        }
    }

    private byte[] text(String s, Column c, long rowNumber) {
        int bad = CopyValues.firstUnstorable(s);
        if (bad >= 0) {
            throw CopyValues.unstorable(table, c, rowNumber, s, bad);
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private long integral(Object v, long min, long max, String type, Column c, long rowNumber) {
        long n;
        if (v instanceof Integer || v instanceof Short || v instanceof Long || v instanceof Byte) {
            n = ((Number) v).longValue();
        } else {
            BigInteger b = new BigInteger(CopyValues.integral(v));
            if (b.bitLength() > 63) {
                throw outOfRange(b.toString(), type, c, rowNumber);
            }
            n = b.longValue();
        }
        if (n < min || n > max) {
            throw outOfRange(Long.toString(n), type, c, rowNumber);
        }
        return n;
    }

    /** A Float as it is; any other number as PostgreSQL reads its text form into a real (correctly rounded). */
    private float float4(Object v, Column c, long rowNumber) {
        if (v instanceof Float f) {
            return f;
        }
        String s = CopyValues.number(v);
        float f = Float.parseFloat(s);
        if (Float.isInfinite(f) && !s.endsWith("Infinity") || f == 0 && new BigDecimal(s).signum() != 0) {
            throw outOfRange(s, "real", c, rowNumber); // float4in refuses overflow and underflow to zero
        }
        return f;
    }

    private double float8(Object v, Column c, long rowNumber) {
        if (v instanceof Double d) {
            return d;
        }
        String s = CopyValues.number(v);
        double d = Double.parseDouble(s);
        if (Double.isInfinite(d) && !s.endsWith("Infinity") || d == 0 && new BigDecimal(s).signum() != 0) {
            throw outOfRange(s, "double precision", c, rowNumber);
        }
        return d;
    }

    /** numeric_send's form: exact digits, which numeric_recv rounds to the column's scale as numeric_in does. */
    private static byte[] numeric(Object v) {
        if (v instanceof BigDecimal d) {
            return numeric(d);
        }
        String s = CopyValues.number(v);
        return switch (s) {
            case "NaN" -> NUMERIC_NAN.clone();
            case "Infinity" -> NUMERIC_PINF.clone();
            case "-Infinity" -> NUMERIC_NINF.clone();
            default -> numeric(new BigDecimal(s));
        };
    }

    /** pgjdbc's encoding, except zero, which it sends with weight -1: here as numeric_send sends it (weight 0, same value). */
    private static byte[] numeric(BigDecimal d) {
        if (d.signum() == 0) {
            int dscale = Math.max(d.scale(), 0);
            return new byte[] {0, 0, 0, 0, 0, 0, (byte) (dscale >>> 8), (byte) dscale};
        }
        return ByteConverter.numeric(d);
    }

    private MirrorException outOfRange(String value, String type, Column c, long rowNumber) {
        return MirrorException.target("TARGET_DATA_INVALID", false, "table '" + table + "' column '" + c.name() + "' row "
                + rowNumber + ": value \"" + value + "\" is out of range for type " + type
                + " (refused before binary COPY, as PostgreSQL refuses it in text COPY with SQLSTATE 22003)", null);
    }
}
