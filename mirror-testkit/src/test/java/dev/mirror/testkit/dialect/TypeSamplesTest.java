package dev.mirror.testkit.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The kit's own data must be valid SQL Server data, or the kit would blame dialects for its mistakes. */
class TypeSamplesTest {

    @Test
    void coversEverySqlServerTypeWithValuesOfItsJavaClassThatFit() {
        Set<SqlServerType> covered = EnumSet.noneOf(SqlServerType.class);
        for (TypeSamples.TypeCase c : TypeSamples.cases()) {
            covered.add(c.type().base());
            for (Object v : c.values()) {
                assertThat(v).as(c.column()).isInstanceOf(c.type().base().javaType());
                if (v instanceof String s && !c.type().isMax()) {
                    assertThat(s.length()).as("%s fits its length", c.column()).isLessThanOrEqualTo(c.type().length());
                }
                if (v instanceof byte[] b && !c.type().isMax()) {
                    assertThat(b.length).as("%s fits its length", c.column()).isLessThanOrEqualTo(c.type().length());
                }
                if (v instanceof BigDecimal d && c.type().precision() > 0) {
                    assertThat(d.precision() - d.scale()).as("%s integer digits", c.column())
                            .isLessThanOrEqualTo(c.type().precision() - c.type().scale());
                    assertThat(d.scale()).as("%s scale", c.column()).isLessThanOrEqualTo(c.type().scale());
                }
            }
        }
        assertThat(covered).containsExactlyInAnyOrder(SqlServerType.values());
    }

    @Test
    void hardValuesArePresent() {
        assertThat(TypeSamples.unicodeOfLength(100_000)).hasSize(100_000).contains("😀").contains("שלום");
        assertThat(Character.isHighSurrogate(TypeSamples.unicodeOfLength(4000).charAt(3999))).isFalse();
        assertThat(TypeSamples.asciiOfLength(8000)).hasSize(8000).matches("[\\x21-\\x7e]+");
        assertThat(TypeSamples.pattern(1 << 20, 7)).hasSize(1 << 20);
    }

    @Test
    void sqlServerRoundTripRoundsDatetimeToTheTick() {
        assertThat(TypeSamples.sqlServerRoundTrip(SqlType.of(SqlServerType.DATETIME),
                java.time.LocalDateTime.parse("2024-02-29T12:34:56.0066667"))).isEqualTo(java.time.LocalDateTime.parse("2024-02-29T12:34:56.007"));
        assertThat(TypeSamples.sqlServerRoundTrip(SqlType.fractional(SqlServerType.DATETIME2, 7),
                java.time.LocalDateTime.parse("2024-02-29T12:34:56.0066667"))).isEqualTo(java.time.LocalDateTime.parse("2024-02-29T12:34:56.0066667"));
    }

    @Test
    void sqlServerRoundTripPadsFixedLengthTypesOnly() {
        assertThat(TypeSamples.sqlServerRoundTrip(SqlType.ofLength(SqlServerType.NCHAR, 5), "ab")).isEqualTo("ab   ");
        assertThat(TypeSamples.sqlServerRoundTrip(SqlType.ofLength(SqlServerType.CHAR, 3), "")).isEqualTo("   ");
        assertThat(TypeSamples.sqlServerRoundTrip(SqlType.ofLength(SqlServerType.NVARCHAR, 5), "ab")).isEqualTo("ab");
        assertThat((byte[]) TypeSamples.sqlServerRoundTrip(SqlType.ofLength(SqlServerType.BINARY, 3), new byte[] {1}))
                .containsExactly(1, 0, 0);
        assertThat((byte[]) TypeSamples.sqlServerRoundTrip(SqlType.ofLength(SqlServerType.VARBINARY, 3), new byte[] {1}))
                .containsExactly(1);
    }

    @Test
    void valuesCompareByContent() {
        assertThat(KitValues.same(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(KitValues.same(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
        assertThat(KitValues.same(new BigDecimal("1.50"), new BigDecimal("1.5"))).isTrue();
        assertThat(KitValues.same(new BigDecimal("1.50"), new BigDecimal("1.51"))).isFalse();
        assertThat(KitValues.same(null, null)).isTrue();
        assertThat(KitValues.same("a", null)).isFalse();
        assertThat(KitValues.same((short) 1, 1)).as("classes must match after normalization").isFalse();
        assertThat(KitValues.describe("x".repeat(200))).contains("200 chars");
    }
}
