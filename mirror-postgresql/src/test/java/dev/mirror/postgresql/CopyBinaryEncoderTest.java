package dev.mirror.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.SqlType;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyIn;

/**
 * The binary encoder against the bytes PostgreSQL's own send functions produce (each expected value below is the
 * output of {@code SELECT numeric_send('…'::numeric)} etc. on PostgreSQL 15), with the field's length word.
 */
class CopyBinaryEncoderTest {
    /** A COPY that must never be sent to in these tests (the chunk is larger than anything written). */
    static CopyBinaryStream stream() {
        CopyIn none = (CopyIn) Proxy.newProxyInstance(CopyIn.class.getClassLoader(), new Class<?>[] {CopyIn.class},
                (proxy, method, args) -> {
                    throw new AssertionError("unexpected call " + method.getName());
                });
        return new CopyBinaryStream(none, 1 << 20);
    }

    /** The field (length word and value) the encoder writes for one value of a one-column table, in hex. */
    private static String field(String type, Object value) {
        CopyBinaryEncoder e = new CopyBinaryEncoder("t", List.of(Column.of("c", SqlType.parse(type), true)));
        CopyBinaryStream s = stream();
        e.writeValue(s, 0, value, 1);
        byte[] all = s.pending();
        return HexFormat.of().formatHex(Arrays.copyOfRange(all, CopyBinaryStream.HEADER.length, all.length));
    }

    @Test
    void headerIsTheDocumentedSignatureFlagsAndExtension() {
        assertThat(HexFormat.of().formatHex(stream().pending())).isEqualTo("5047434f50590aff0d0a00" + "00000000" + "00000000");
    }

    @Test
    void integersBooleansAndFloatsHaveTheColumnsWidth() {
        assertThat(field("int", 42)).isEqualTo("00000004" + "0000002a");
        assertThat(field("tinyint", (short) 255)).isEqualTo("00000002" + "00ff");
        assertThat(field("smallint", (short) -1)).isEqualTo("00000002" + "ffff");
        assertThat(field("bigint", Long.MIN_VALUE)).isEqualTo("00000008" + "8000000000000000");
        assertThat(field("bigint", new BigDecimal("7"))).as("the text encoder's other integral classes").isEqualTo("00000008" + "0000000000000007");
        assertThat(field("bit", true)).isEqualTo("00000001" + "01");
        assertThat(field("bit", false)).isEqualTo("00000001" + "00");
        assertThat(field("float", 0.5)).isEqualTo("00000008" + "3fe0000000000000");
        assertThat(field("real", 0.1f)).isEqualTo("00000004" + "3dcccccd");
        assertThat(field("real", 0.1)).as("a double into real, rounded as float4in rounds its text").isEqualTo("00000004" + "3dcccccd");
    }

    @Test
    void nullIsMinusOneAndTheEmptyStringIsZeroLength() {
        assertThat(field("int", null)).isEqualTo("ffffffff");
        assertThat(field("nvarchar(max)", "")).isEqualTo("00000000");
        assertThat(field("varbinary(max)", new byte[0])).isEqualTo("00000000");
    }

    @Test
    void numericInBase10000Digits() {
        assertThat(field("decimal(10,0)", BigDecimal.ZERO)).isEqualTo("00000008" + "0000000000000000");
        assertThat(field("decimal(10,2)", new BigDecimal("0.00"))).isEqualTo("00000008" + "0000000000000002");
        assertThat(field("decimal(10,1)", new BigDecimal("-1.5"))).isEqualTo("0000000c" + "000200004000000100011388");
        assertThat(field("decimal(10,0)", new BigDecimal("10000"))).isEqualTo("0000000a" + "00010001000000000001");
        assertThat(field("decimal(10,4)", new BigDecimal("0.0001"))).isEqualTo("0000000a" + "0001ffff000000040001");
        assertThat(field("decimal(38,0)", new BigDecimal("1E+30"))).isEqualTo("0000000a" + "00010007000000000064");
        assertThat(field("decimal(10,4)", new BigDecimal("123.4500"))).isEqualTo("0000000c" + "0002000000000004007b1194");
        assertThat(field("decimal(38,23)", new BigDecimal("-0.00012345678901234567890")))
                .isEqualTo("00000014" + "0006ffff40000017000109291a85007b11d722c4");
        assertThat(field("float", Double.NaN)).isEqualTo("00000008" + "7ff8000000000000");
        assertThat(field("decimal(10,2)", Double.NaN)).as("numeric NaN, as text COPY's 'NaN'").isEqualTo("00000008" + "00000000c0000000");
    }

    @Test
    void temporalValuesInMicrosecondsAndDaysSince2000() {
        assertThat(field("datetime2(0)", LocalDateTime.parse("1999-12-31T23:59:59"))).isEqualTo("00000008" + "fffffffffff0bdc0");
        assertThat(field("datetime2(7)", LocalDateTime.parse("2040-06-15T12:00:00.1234567")))
                .as("after 2038, the 7th digit truncated").isEqualTo("00000008" + "00048924761a9240");
        assertThat(field("datetime2", LocalDateTime.parse("0001-01-01T00:00:00"))).isEqualTo("00000008" + "ff1fe2ffc59c6000");
        assertThat(field("date", LocalDate.parse("1970-01-01"))).isEqualTo("00000004" + "ffffd533");
        assertThat(field("time(7)", LocalTime.parse("23:59:59.9999999"))).isEqualTo("00000008" + "000000141dd75fff");
        assertThat(field("datetimeoffset(7)", OffsetDateTime.of(2024, 1, 1, 2, 0, 0, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("00000008" + "0002b0d5d4e94000");
    }

    @Test
    void datetimeRoundsToTheSqlServerTickAsTheTextEncoderDoes() {
        // 1999-01-01 00:00:00 is -31536000 s from 2000-01-01: .999 rounds up to the next second, as in text
        assertThat(field("datetime", LocalDateTime.parse("1998-12-31T23:59:59.999"))).isEqualTo(field("datetime2(0)",
                LocalDateTime.parse("1999-01-01T00:00:00")));
    }

    @Test
    void outOfRangeTemporalValuesAreSentAsPostgresFirstInvalidValueNeverAsInfinity() {
        assertThat(PgTemporal.timestampMicros(LocalDateTime.MAX, 6)).isEqualTo(PgTemporal.END_TIMESTAMP).isLessThan(Long.MAX_VALUE);
        assertThat(PgTemporal.timestampMicros(LocalDateTime.parse("+294277-01-01T00:00:00"), 6)).isEqualTo(PgTemporal.END_TIMESTAMP);
        assertThat(PgTemporal.timestampMicros(LocalDateTime.parse("+294276-12-31T23:59:59.999999"), 6)).isEqualTo(PgTemporal.END_TIMESTAMP - 1);
        assertThat(PgTemporal.dateDays(LocalDate.MAX)).isEqualTo(PgTemporal.END_DATE).isLessThan(Integer.MAX_VALUE);
        assertThatThrownBy(() -> field("date", LocalDate.of(0, 12, 31))).isInstanceOfSatisfying(MirrorException.class,
                e -> assertThat(e.getMessage()).contains("before year 1"));
    }

    @Test
    void textUuidAndBytea() {
        assertThat(field("nvarchar(max)", "Ærø😀")).isEqualTo("00000009" + "c38672c3b8f09f9880");
        assertThat(field("uniqueidentifier", UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff")))
                .isEqualTo("00000010" + "6f9619ff8b86d011b42d00c04fc964ff");
        assertThat(field("varbinary(max)", new byte[] {0, 10, (byte) 0xff, 0x5c})).isEqualTo("00000004" + "000aff5c");
    }

    @Test
    void refusesWhatTheTextEncoderRefusesWithTheSameMessage() {
        for (Object[] c : new Object[][] {{"nvarchar(10)", "a\0b"}, {"nvarchar(10)", "a\uD83Db"}, {"nvarchar(10)", "\uDE00"},
                {"int", "12"}, {"datetime", LocalDate.of(2020, 1, 1)}, {"uniqueidentifier", "not-a-uuid"},
                {"datetime2", LocalDateTime.of(0, 1, 1, 0, 0)}}) {
            Throwable text = catchAny(() -> new CopyTextEncoder("t", List.of(Column.of("c", SqlType.parse((String) c[0]), true)))
                    .appendValue(new StringBuilder(), 0, c[1], 1));
            Throwable binary = catchAny(() -> field((String) c[0], c[1]));
            assertThat(text).as("text refuses %s", c[1]).isInstanceOf(MirrorException.class);
            assertThat(binary).as("binary refuses %s", c[1]).isInstanceOf(MirrorException.class)
                    .hasMessage(text.getMessage());
            assertThat(((MirrorException) binary).code()).isEqualTo(((MirrorException) text).code());
        }
    }

    @Test
    void integersOutOfTheColumnsRangeAreRefusedBeforeSending() {
        assertThatThrownBy(() -> field("smallint", 70_000)).isInstanceOfSatisfying(MirrorException.class, e -> {
            assertThat(e.code()).isEqualTo("TARGET_DATA_INVALID");
            assertThat(e.getMessage()).contains("'c'").contains("\"70000\" is out of range for type smallint");
        });
        assertThatThrownBy(() -> field("bigint", new java.math.BigInteger("9223372036854775808")))
                .isInstanceOf(MirrorException.class).hasMessageContaining("out of range for type bigint");
        assertThatThrownBy(() -> field("real", 1e39)).isInstanceOf(MirrorException.class).hasMessageContaining("type real");
    }

    @Test
    void rowsCheckTheirShapeAndStagedRowsCarryPositionAndOperation() throws Exception {
        CopyBinaryEncoder e = new CopyBinaryEncoder("t", List.of(Column.of("a", SqlType.parse("int"), false),
                Column.of("b", SqlType.parse("nvarchar(5)"), true)));
        CopyBinaryStream s = stream();
        s.startRow(2);
        e.writeValues(s, Row.of(1, null), 1);
        byte[] all = s.pending();
        assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(all, CopyBinaryStream.HEADER.length, all.length)))
                .isEqualTo("0002" + "00000004" + "00000001" + "ffffffff");
        assertThatThrownBy(() -> e.writeValues(stream(), Row.of(1), 7))
                .isInstanceOf(MirrorException.class).hasMessageContaining("row 7").hasMessageContaining("2 columns");
    }

    private static Throwable catchAny(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
