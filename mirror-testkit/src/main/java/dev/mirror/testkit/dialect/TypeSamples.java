package dev.mirror.testkit.dialect;

import static dev.mirror.api.model.SqlServerType.*;

import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Every SQL Server type the mirror carries, each with its hard values: extremes of the type's range,
 * empty strings and binaries, long strings (4,000+ and 100,000 characters), 1 MB binaries, Unicode with
 * supplementary characters and right-to-left text. Values use the Java classes of {@link SqlServerType}.
 */
public final class TypeSamples {
    /** One column of the round-trip table: a column name, its type and the values to write. */
    public record TypeCase(String column, SqlType type, List<Object> values) {
        public TypeCase {
            values = List.copyOf(values);
        }
    }

    /** Unicode with a supplementary character (U+1F600), Hebrew and Arabic (right-to-left) text. */
    public static final String UNICODE = "héllo 😀 שלום עולם مرحبا 中文 ñ";

    private TypeSamples() {
    }

    /** The round-trip cases, one per type and parameter shape worth testing. */
    public static List<TypeCase> cases() {
        List<TypeCase> c = new ArrayList<>();
        c.add(of("c_int", SqlType.of(INT), Integer.MIN_VALUE, Integer.MAX_VALUE, 0));
        c.add(of("c_bigint", SqlType.of(BIGINT), Long.MIN_VALUE, Long.MAX_VALUE, 0L));
        c.add(of("c_smallint", SqlType.of(SMALLINT), Short.MIN_VALUE, Short.MAX_VALUE));
        c.add(of("c_tinyint", SqlType.of(TINYINT), (short) 0, (short) 255, (short) 128));
        c.add(of("c_bit", SqlType.of(BIT), true, false));
        c.add(of("c_float", SqlType.of(FLOAT), -1.79E308, 1.79E308, 2.2250738585072014E-308, Math.PI));
        c.add(of("c_real", SqlType.of(REAL), -3.4E38f, 3.4E38f, 1.18E-38f, 1.5f));
        String nines38 = "9".repeat(38);
        c.add(of("c_dec38_0", SqlType.decimal(DECIMAL, 38, 0), new BigDecimal(nines38), new BigDecimal("-" + nines38),
                BigDecimal.ZERO));
        c.add(of("c_dec38_10", SqlType.decimal(DECIMAL, 38, 10), new BigDecimal("9".repeat(28) + "." + "9".repeat(10)),
                new BigDecimal("-" + "9".repeat(28) + "." + "9".repeat(10)), new BigDecimal("0.0000000001")));
        c.add(of("c_dec38_38", SqlType.decimal(DECIMAL, 38, 38), new BigDecimal("0." + nines38),
                new BigDecimal("-0." + nines38)));
        c.add(of("c_dec10_2", SqlType.decimal(DECIMAL, 10, 2), new BigDecimal("12345678.90"), new BigDecimal("-0.01")));
        c.add(of("c_num18_4", SqlType.decimal(NUMERIC, 18, 4), new BigDecimal("99999999999999.9999"),
                new BigDecimal("-99999999999999.9999")));
        c.add(of("c_money", SqlType.of(MONEY), new BigDecimal("-922337203685477.5808"), new BigDecimal("922337203685477.5807")));
        c.add(of("c_smallmoney", SqlType.of(SMALLMONEY), new BigDecimal("-214748.3648"), new BigDecimal("214748.3647")));
        c.add(of("c_nvarchar50", SqlType.ofLength(NVARCHAR, 50), "", UNICODE, "quote ' \" ] ; -- end", "tab\tnew\nline"));
        c.add(of("c_nvarchar4000", SqlType.ofLength(NVARCHAR, 4000), unicodeOfLength(4000), ""));
        c.add(of("c_nvarcharmax", SqlType.ofLength(NVARCHAR, SqlType.MAX), unicodeOfLength(100_000), "",
                unicodeOfLength(4001), UNICODE));
        c.add(of("c_varchar8000", SqlType.ofLength(VARCHAR, 8000), asciiOfLength(8000), ""));
        c.add(of("c_varcharmax", SqlType.ofLength(VARCHAR, SqlType.MAX), asciiOfLength(100_000), "", asciiOfLength(4001)));
        c.add(of("c_nchar10", SqlType.ofLength(NCHAR, 10), "abc", "", "0123456789"));
        c.add(of("c_char10", SqlType.ofLength(CHAR, 10), "x", "0123456789"));
        c.add(of("c_ntext", SqlType.of(NTEXT), unicodeOfLength(100_000), ""));
        c.add(of("c_text", SqlType.of(TEXT), asciiOfLength(100_000), ""));
        c.add(of("c_datetime", SqlType.of(DATETIME), LocalDateTime.of(1753, 1, 1, 0, 0),
                LocalDateTime.parse("9999-12-31T23:59:59.997"), LocalDateTime.parse("2024-02-29T12:34:56.123"),
                // two 1/300 s ticks with full nanoseconds, as a driver or push source may send them: SQL Server shows .007
                LocalDateTime.parse("2024-02-29T12:34:56.0066667")));
        c.add(of("c_smalldatetime", SqlType.of(SMALLDATETIME), LocalDateTime.of(1900, 1, 1, 0, 0),
                LocalDateTime.of(2079, 6, 6, 23, 59), LocalDateTime.of(2024, 2, 29, 12, 34)));
        c.add(of("c_datetime2_7", SqlType.fractional(DATETIME2, 7), LocalDateTime.of(1, 1, 1, 0, 0),
                LocalDateTime.parse("9999-12-31T23:59:59.9999999"), LocalDateTime.parse("2024-02-29T12:34:56.1234567")));
        c.add(of("c_datetime2_0", SqlType.fractional(DATETIME2, 0), LocalDateTime.of(1, 1, 1, 0, 0),
                LocalDateTime.parse("9999-12-31T23:59:59")));
        c.add(of("c_datetime2_3", SqlType.fractional(DATETIME2, 3), LocalDateTime.parse("2024-02-29T12:34:56.789")));
        c.add(of("c_date", SqlType.of(DATE), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(2024, 2, 29)));
        c.add(of("c_time7", SqlType.fractional(TIME, 7), LocalTime.MIDNIGHT, LocalTime.parse("23:59:59.9999999"),
                LocalTime.parse("12:34:56.1234567")));
        c.add(of("c_time0", SqlType.fractional(TIME, 0), LocalTime.MIDNIGHT, LocalTime.parse("23:59:59")));
        c.add(of("c_dto7", SqlType.fractional(DATETIMEOFFSET, 7), OffsetDateTime.parse("0001-01-02T00:00:00+01:00"),
                OffsetDateTime.parse("9999-12-30T23:59:59.9999999-05:00"), OffsetDateTime.parse("2024-02-29T12:34:56.1234567+05:30")));
        c.add(of("c_dto0", SqlType.fractional(DATETIMEOFFSET, 0), OffsetDateTime.parse("2024-02-29T12:34:56-08:00"),
                OffsetDateTime.parse("2000-01-01T00:00:00Z")));
        c.add(of("c_uuid", SqlType.of(UNIQUEIDENTIFIER), new UUID(0, 0), UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"),
                UUID.fromString("6F9619FF-8B86-D011-B42D-00C04FC964FF")));
        c.add(of("c_varbinary16", SqlType.ofLength(VARBINARY, 16), new byte[0], pattern(16, 0), new byte[] {0}));
        c.add(of("c_varbinarymax", SqlType.ofLength(VARBINARY, SqlType.MAX), pattern(1 << 20, 7), new byte[0],
                pattern(8001, 3)));
        c.add(of("c_binary16", SqlType.ofLength(BINARY, 16), filled(16, (byte) 0xFF), new byte[16]));
        c.add(of("c_image", SqlType.of(IMAGE), pattern(1 << 20, 11), new byte[] {42}));
        return c;
    }

    /** The largest number of values any case has. */
    public static int maxValues(List<TypeCase> cases) {
        int m = 0;
        for (TypeCase c : cases) {
            m = Math.max(m, c.values().size());
        }
        return m;
    }

    private static TypeCase of(String column, SqlType type, Object... values) {
        return new TypeCase(column, type, Arrays.asList(values));
    }

    /** A string of exactly {@code length} UTF-16 units mixing ASCII, accents, RTL and surrogate pairs. */
    public static String unicodeOfLength(int length) {
        StringBuilder b = new StringBuilder(length + 2);
        while (b.length() < length) {
            b.append(UNICODE);
        }
        b.setLength(length);
        if (Character.isHighSurrogate(b.charAt(length - 1))) {
            b.setCharAt(length - 1, 'z');
        }
        return b.toString();
    }

    /** A printable ASCII string of exactly {@code length} characters. */
    public static String asciiOfLength(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) (' ' + 1 + (i * 7) % 94));
        }
        return b.toString();
    }

    /** {@code length} bytes of a deterministic pattern covering every byte value. */
    public static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    private static byte[] filled(int length, byte value) {
        byte[] b = new byte[length];
        Arrays.fill(b, value);
        return b;
    }

    /**
     * What SQL Server itself gives back, the default expectation: char/nchar(n) right-padded with spaces to
     * n, binary(n) right-padded with zero bytes to n, datetime rounded to its 1/300 s tick as SQL Server shows it
     * ({@link SqlServerDatetime}: {@code .0066667} is {@code .007}); every other value unchanged.
     */
    public static Object sqlServerRoundTrip(SqlType type, Object written) {
        if (written instanceof LocalDateTime t && type.base() == DATETIME) {
            return SqlServerDatetime.round(t);
        }
        if (written instanceof String s && (type.base() == CHAR || type.base() == NCHAR) && s.length() < type.length()) {
            return s + " ".repeat(type.length() - s.length());
        }
        if (written instanceof byte[] b && type.base() == BINARY && b.length < type.length()) {
            return Arrays.copyOf(b, type.length());
        }
        return written;
    }
}
