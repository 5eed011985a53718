package dev.mirror.testkit.dialect;

import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * Reads values back by plain JDBC and normalizes them to the Java classes {@link SqlServerType} documents,
 * so that every dialect is compared against the same expectations; compares and describes values.
 */
public final class KitValues {
    private KitValues() {
    }

    /** Reads column {@code index} with {@code getObject} and normalizes it to {@code type}'s Java class. */
    public static Object read(ResultSet rs, int index, SqlType type) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        Class<?> want = type.base().javaType();
        if (want.isInstance(raw)) {
            return raw;
        }
        return switch (type.base()) {
            case TINYINT, SMALLINT -> ((Number) raw).shortValue();
            case INT -> ((Number) raw).intValue();
            case BIGINT -> ((Number) raw).longValue();
            case REAL -> ((Number) raw).floatValue();
            case FLOAT -> ((Number) raw).doubleValue();
            case BIT -> raw instanceof Number n ? n.intValue() != 0 : Boolean.valueOf(raw.toString().trim());
            case DECIMAL, NUMERIC, MONEY, SMALLMONEY -> raw instanceof BigInteger bi ? new BigDecimal(bi)
                    : new BigDecimal(raw.toString());
            case CHAR, VARCHAR, TEXT, NCHAR, NVARCHAR, NTEXT -> raw instanceof Clob c ? clob(c) : raw.toString();
            case BINARY, VARBINARY, IMAGE -> raw instanceof Blob b ? blob(b) : bytes(raw);
            case UNIQUEIDENTIFIER -> raw instanceof byte[] b && b.length == 16 ? uuid(b) : UUID.fromString(raw.toString().trim());
            // java.sql.Timestamp/Date/Time convert through the legacy hybrid Julian calendar and shift dates
            // before 1582 (0001-01-01 comes back as 0001-01-03); JDBC 4.2's getObject(i, Class) does not.
            case DATETIME, SMALLDATETIME, DATETIME2 -> rs.getObject(index, LocalDateTime.class);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            case DATETIMEOFFSET -> rs.getObject(index, OffsetDateTime.class);
        };
    }

    private static String clob(Clob c) throws SQLException {
        try (Reader r = c.getCharacterStream()) {
            StringBuilder b = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = r.read(buf)) > 0; ) {
                b.append(buf, 0, n);
            }
            return b.toString();
        } catch (IOException e) {
            throw new SQLException("cannot read CLOB", e);
        }
    }

    private static byte[] blob(Blob b) throws SQLException {
        try (InputStream in = b.getBinaryStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SQLException("cannot read BLOB", e);
        }
    }

    private static byte[] bytes(Object raw) {
        if (raw instanceof ByteBuffer bb) {
            byte[] r = new byte[bb.remaining()];
            bb.duplicate().get(r);
            return r;
        }
        throw new AssertionError("binary column came back as " + raw.getClass().getName());
    }

    private static UUID uuid(byte[] b) {
        ByteBuffer bb = ByteBuffer.wrap(b);
        return new UUID(bb.getLong(), bb.getLong());
    }

    /** Whether two normalized values are equal: byte arrays by content, decimals by numeric value. */
    public static boolean same(Object expected, Object actual) {
        if (expected instanceof byte[] e && actual instanceof byte[] a) {
            return Arrays.equals(e, a);
        }
        if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
            return e.compareTo(a) == 0;
        }
        return Objects.equals(expected, actual);
    }

    /** A short description of a value for failure messages (big strings and arrays by length and hash). */
    public static String describe(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof byte[] b) {
            return "byte[" + b.length + "] hash " + Arrays.hashCode(b);
        }
        if (v instanceof String s && s.length() > 80) {
            return "String(" + s.length() + " chars, starts '" + s.substring(0, 40) + "', hash " + s.hashCode() + ")";
        }
        return v.getClass().getSimpleName() + " " + (v instanceof String ? "'" + v + "'" : v);
    }
}
