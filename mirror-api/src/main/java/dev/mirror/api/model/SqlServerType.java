package dev.mirror.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * The SQL Server base types a mirrored column can have, with the Java class its values take in
 * {@link Row}s, its {@link TypeFamily} and a rank used to decide widening (a higher rank in the same
 * family holds every value of a lower one, given enough length/precision).
 *
 * <p>Java value classes: integers are {@code Short} (tinyint, smallint), {@code Integer}, {@code Long};
 * {@code bit} is {@code Boolean}; {@code float} is {@code Double}, {@code real} is {@code Float};
 * decimal, numeric, money, smallmoney are {@code BigDecimal}; character types are {@code String};
 * datetime, smalldatetime, datetime2 are {@code LocalDateTime}; date is {@code LocalDate}; time is
 * {@code LocalTime}; datetimeoffset is {@code OffsetDateTime}; uniqueidentifier is {@code java.util.UUID};
 * binary types are {@code byte[]}. A NULL is {@code null}.
 */
public enum SqlServerType {
    TINYINT(TypeFamily.INTEGER, 1, Params.NONE, Short.class),
    SMALLINT(TypeFamily.INTEGER, 2, Params.NONE, Short.class),
    INT(TypeFamily.INTEGER, 3, Params.NONE, Integer.class),
    BIGINT(TypeFamily.INTEGER, 4, Params.NONE, Long.class),
    BIT(TypeFamily.BOOLEAN, 1, Params.NONE, Boolean.class),
    REAL(TypeFamily.APPROXIMATE_NUMERIC, 1, Params.NONE, Float.class),
    FLOAT(TypeFamily.APPROXIMATE_NUMERIC, 2, Params.NONE, Double.class),
    SMALLMONEY(TypeFamily.EXACT_NUMERIC, 1, Params.NONE, BigDecimal.class),
    MONEY(TypeFamily.EXACT_NUMERIC, 2, Params.NONE, BigDecimal.class),
    DECIMAL(TypeFamily.EXACT_NUMERIC, 3, Params.PRECISION_SCALE, BigDecimal.class),
    NUMERIC(TypeFamily.EXACT_NUMERIC, 3, Params.PRECISION_SCALE, BigDecimal.class),
    CHAR(TypeFamily.CHARACTER, 1, Params.LENGTH, String.class),
    VARCHAR(TypeFamily.CHARACTER, 2, Params.LENGTH, String.class),
    TEXT(TypeFamily.CHARACTER, 3, Params.NONE, String.class),
    NCHAR(TypeFamily.CHARACTER, 4, Params.LENGTH, String.class),
    NVARCHAR(TypeFamily.CHARACTER, 5, Params.LENGTH, String.class),
    NTEXT(TypeFamily.CHARACTER, 6, Params.NONE, String.class),
    SMALLDATETIME(TypeFamily.DATETIME, 1, Params.NONE, LocalDateTime.class),
    DATETIME(TypeFamily.DATETIME, 2, Params.NONE, LocalDateTime.class),
    DATETIME2(TypeFamily.DATETIME, 3, Params.FRACTIONAL_SECONDS, LocalDateTime.class),
    DATE(TypeFamily.DATE, 1, Params.NONE, LocalDate.class),
    TIME(TypeFamily.TIME, 1, Params.FRACTIONAL_SECONDS, LocalTime.class),
    DATETIMEOFFSET(TypeFamily.DATETIMEOFFSET, 1, Params.FRACTIONAL_SECONDS, OffsetDateTime.class),
    UNIQUEIDENTIFIER(TypeFamily.UUID, 1, Params.NONE, java.util.UUID.class),
    BINARY(TypeFamily.BINARY, 1, Params.LENGTH, byte[].class),
    VARBINARY(TypeFamily.BINARY, 2, Params.LENGTH, byte[].class),
    IMAGE(TypeFamily.BINARY, 3, Params.NONE, byte[].class);

    /** Which parameters the type takes in its declaration. */
    public enum Params { NONE, LENGTH, PRECISION_SCALE, FRACTIONAL_SECONDS }

    private final TypeFamily family;
    private final int rank;
    private final Params params;
    private final Class<?> javaType;

    SqlServerType(TypeFamily family, int rank, Params params, Class<?> javaType) {
        this.family = family;
        this.rank = rank;
        this.params = params;
        this.javaType = javaType;
    }

    public TypeFamily family() {
        return family;
    }

    /** Order inside the family: a higher rank can hold the values of a lower one. */
    public int rank() {
        return rank;
    }

    public Params params() {
        return params;
    }

    /** The Java class of this type's values in a {@link Row}. */
    public Class<?> javaType() {
        return javaType;
    }

    /** The type name as SQL Server spells it, lower case. */
    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is a Unicode character type (nchar, nvarchar, ntext). */
    public boolean isUnicode() {
        return this == NCHAR || this == NVARCHAR || this == NTEXT;
    }

    /** Looks a type up by its SQL Server name, case-insensitively ({@code "numeric"}, {@code "NVARCHAR"}). */
    public static Optional<SqlServerType> fromSqlName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (SqlServerType t : values()) {
            if (t.name().equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
