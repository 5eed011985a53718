package dev.mirror.api.model;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL Server column type with its length, precision and scale, as the source declares it.
 *
 * @param base      the base type, never null
 * @param length    for character and binary types the declared length in characters (nchar/nvarchar)
 *                  or bytes, {@link #MAX} for {@code (max)}; 0 when the type takes no length
 * @param precision for decimal/numeric the precision (1..38); for datetime2, time and datetimeoffset
 *                  the fractional-second digits (0..7); 0 otherwise
 * @param scale     for decimal/numeric the scale; 0 otherwise
 */
public record SqlType(SqlServerType base, int length, int precision, int scale) {
    /** The length of a {@code (max)} type. */
    public static final int MAX = -1;

    private static final Pattern DECL = Pattern.compile(
            "\\s*([A-Za-z0-9]+)\\s*(?:\\(\\s*(max|MAX|\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");

    public SqlType {
        requireNonNull(base, "base is null");
        switch (base.params()) {
            case LENGTH -> {
                if (length != MAX && (length < 1 || length > 8000)) {
                    throw new IllegalArgumentException(base.sqlName() + " length must be 1..8000 or max, got " + length);
                }
                if (precision != 0 || scale != 0) {
                    throw new IllegalArgumentException(base.sqlName() + " takes no precision or scale");
                }
            }
            case PRECISION_SCALE -> {
                if (precision < 1 || precision > 38 || scale < 0 || scale > precision || length != 0) {
                    throw new IllegalArgumentException(base.sqlName() + " needs precision 1..38 and scale 0..precision, got ("
                            + precision + "," + scale + ")");
                }
            }
            case FRACTIONAL_SECONDS -> {
                if (precision < 0 || precision > 7 || length != 0 || scale != 0) {
                    throw new IllegalArgumentException(base.sqlName() + " fractional seconds must be 0..7, got " + precision);
                }
            }
            case NONE -> {
                if (length != 0 || precision != 0 || scale != 0) {
                    throw new IllegalArgumentException(base.sqlName() + " takes no parameters");
                }
            }
        }
    }

    /** A type without parameters ({@code int}, {@code datetime}, ...). */
    public static SqlType of(SqlServerType base) {
        return switch (base.params()) {
            case FRACTIONAL_SECONDS -> new SqlType(base, 0, 7, 0);
            case PRECISION_SCALE -> new SqlType(base, 0, 18, 0);
            case LENGTH -> new SqlType(base, 1, 0, 0);
            case NONE -> new SqlType(base, 0, 0, 0);
        };
    }

    /** A character or binary type with a length ({@link #MAX} for max). */
    public static SqlType ofLength(SqlServerType base, int length) {
        return new SqlType(base, length, 0, 0);
    }

    /** A decimal or numeric type. */
    public static SqlType decimal(SqlServerType base, int precision, int scale) {
        return new SqlType(base, 0, precision, scale);
    }

    /** A datetime2, time or datetimeoffset type with fractional-second digits. */
    public static SqlType fractional(SqlServerType base, int digits) {
        return new SqlType(base, 0, digits, 0);
    }

    /**
     * Parses a declaration as SQL Server prints it: {@code int}, {@code nvarchar(255)}, {@code nvarchar(max)},
     * {@code decimal(19,4)}, {@code datetime2(3)}. SQL Server's own defaults apply when a parameter is left
     * out (decimal → (18,0), datetime2/time/datetimeoffset → 7, char/varchar/binary → 1); {@code float(n)}
     * with n ≤ 24 is {@code real}, otherwise {@code float}.
     *
     * @throws IllegalArgumentException with a message naming the declaration when it is not a supported type
     */
    public static SqlType parse(String declaration) {
        requireNonNull(declaration, "declaration is null");
        Matcher m = DECL.matcher(declaration);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a SQL Server type declaration: '" + declaration + "'");
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        String p1 = m.group(2);
        String p2 = m.group(3);
        if (name.equals("float") && p1 != null) {
            int n = Integer.parseInt(p1);
            return of(n <= 24 ? SqlServerType.REAL : SqlServerType.FLOAT);
        }
        if (name.equals("sysname")) {
            return ofLength(SqlServerType.NVARCHAR, 128);
        }
        SqlServerType base = SqlServerType.fromSqlName(name).orElseThrow(() -> new IllegalArgumentException(
                "unsupported SQL Server type '" + declaration + "'; supported: " + supportedNames()));
        return switch (base.params()) {
            case NONE -> {
                if (p1 != null) {
                    throw new IllegalArgumentException(base.sqlName() + " takes no parameters: '" + declaration + "'");
                }
                yield of(base);
            }
            case LENGTH -> {
                if (p2 != null) {
                    throw new IllegalArgumentException(base.sqlName() + " takes one length: '" + declaration + "'");
                }
                yield ofLength(base, p1 == null ? 1 : p1.equalsIgnoreCase("max") ? MAX : Integer.parseInt(p1));
            }
            case PRECISION_SCALE -> {
                int precision = p1 == null ? 18 : parseInt(p1, declaration);
                yield decimal(base, precision, p2 == null ? 0 : Integer.parseInt(p2));
            }
            case FRACTIONAL_SECONDS -> {
                if (p2 != null) {
                    throw new IllegalArgumentException(base.sqlName() + " takes one precision: '" + declaration + "'");
                }
                yield fractional(base, p1 == null ? 7 : parseInt(p1, declaration));
            }
        };
    }

    private static int parseInt(String s, String declaration) {
        if (s.equalsIgnoreCase("max")) {
            throw new IllegalArgumentException("max is not allowed here: '" + declaration + "'");
        }
        return Integer.parseInt(s);
    }

    private static String supportedNames() {
        StringBuilder b = new StringBuilder();
        for (SqlServerType t : SqlServerType.values()) {
            b.append(b.length() == 0 ? "" : ", ").append(t.sqlName());
        }
        return b.toString();
    }

    /** True for {@code (max)} character/binary types and for text, ntext and image. */
    public boolean isMax() {
        return length == MAX || base == SqlServerType.TEXT || base == SqlServerType.NTEXT || base == SqlServerType.IMAGE;
    }

    /** The canonical declaration, as SQL Server would print it: {@code nvarchar(255)}, {@code decimal(19,4)}. */
    @Override
    public String toString() {
        return switch (base.params()) {
            case NONE -> base.sqlName();
            case LENGTH -> base.sqlName() + "(" + (length == MAX ? "max" : Integer.toString(length)) + ")";
            case PRECISION_SCALE -> base.sqlName() + "(" + precision + "," + scale + ")";
            case FRACTIONAL_SECONDS -> base.sqlName() + "(" + precision + ")";
        };
    }
}
