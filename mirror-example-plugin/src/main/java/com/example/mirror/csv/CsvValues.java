package com.example.mirror.csv;

import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns CSV cells into the Java values of {@link dev.mirror.api.model.SqlServerType#javaType()}. Numbers are written
 * with a dot, dates and times in ISO 8601 ({@code 2024-05-01}, {@code 2024-05-01T12:30:00}), {@code bit} as 0/1 or
 * true/false. Binary types and {@code datetimeoffset} have no CSV form here and are refused in the header.
 */
final class CsvValues {
    private CsvValues() {
    }

    /** @throws IllegalArgumentException naming the type when a column of it cannot be read from CSV */
    static void requireSupported(SqlType type) {
        Class<?> kind = type.base().javaType();
        if (kind == byte[].class || kind == OffsetDateTime.class) {
            throw new IllegalArgumentException(type.base().sqlName() + " has no CSV form in this source: use a "
                    + "character type, or a number, date or time type");
        }
    }

    /**
     * The value of {@code cell} for a column of {@code type}; null for an empty cell.
     *
     * @throws IllegalArgumentException saying what was expected when the cell is not a value of the type
     */
    static Object parse(String cell, SqlType type) {
        if (cell.isEmpty()) {
            return null;
        }
        Class<?> kind = type.base().javaType();
        String text = kind == String.class ? cell : cell.trim();
        try {
            if (kind == String.class) {
                return text;
            } else if (kind == Short.class) {
                return Short.valueOf(text);
            } else if (kind == Integer.class) {
                return Integer.valueOf(text);
            } else if (kind == Long.class) {
                return Long.valueOf(text);
            } else if (kind == Boolean.class) {
                return bit(text);
            } else if (kind == Float.class) {
                return Float.valueOf(text);
            } else if (kind == Double.class) {
                return Double.valueOf(text);
            } else if (kind == BigDecimal.class) {
                return new BigDecimal(text).setScale(type.scale(), RoundingMode.UNNECESSARY);
            } else if (kind == LocalDate.class) {
                return LocalDate.parse(text);
            } else if (kind == LocalDateTime.class) {
                return LocalDateTime.parse(text);
            } else if (kind == LocalTime.class) {
                return LocalTime.parse(text);
            } else if (kind == UUID.class) {
                return UUID.fromString(text);
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + cell + "' is not a " + type.base().sqlName() + " value (" + hint(kind)
                    + ")");
        }
        throw new IllegalArgumentException(type.base().sqlName() + " has no CSV form in this source");
    }

    private static Boolean bit(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "1", "true" -> Boolean.TRUE;
            case "0", "false" -> Boolean.FALSE;
            default -> throw new NumberFormatException(text);
        };
    }

    private static String hint(Class<?> kind) {
        if (kind == LocalDate.class || kind == LocalDateTime.class || kind == LocalTime.class) {
            return "write ISO 8601, e.g. 2024-05-01, 2024-05-01T12:30:00 or 12:30:00";
        }
        if (kind == Boolean.class) {
            return "write 0, 1, true or false";
        }
        if (kind == UUID.class) {
            return "write a UUID such as 6f1c1f4e-9f33-4a54-8c38-2f4e2d1d2e10";
        }
        return "write a number with a dot for decimals and no more decimals than the column's scale";
    }
}
