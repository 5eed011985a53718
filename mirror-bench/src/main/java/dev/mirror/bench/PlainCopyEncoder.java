package dev.mirror.bench;

import dev.mirror.api.model.Row;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The baseline's encoder: what a developer writes by hand to feed {@code COPY … FROM STDIN} in text format
 * (<a href="https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.2">COPY, Text Format</a>) — a switch on
 * the value's Java class, {@code \N} for NULL, backslash/tab/newline/carriage-return escaped, bytea in hex. It does the
 * same text-encoding work as the mirror's encoder but none of its checks (no NUL or lone-surrogate rejection, no
 * fractional-second truncation to the column's precision, no per-column type dispatch): the sample's values never
 * need them, which the benchmark verifies by comparing table checksums after both loads.
 */
final class PlainCopyEncoder {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter TIMESTAMPTZ = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    private PlainCopyEncoder() {
    }

    /** Appends one row, fields tab-separated, followed by a newline. */
    static void appendRow(StringBuilder b, Row row) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                b.append('\t');
            }
            appendValue(b, row.get(i));
        }
        b.append('\n');
    }

    static void appendValue(StringBuilder b, Object v) {
        if (v == null) {
            b.append("\\N");
        } else if (v instanceof String s) {
            appendEscaped(b, s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Double || v instanceof Float) {
            b.append(v);
        } else if (v instanceof BigDecimal d) {
            b.append(d.toPlainString());
        } else if (v instanceof Boolean x) {
            b.append(x ? 't' : 'f');
        } else if (v instanceof LocalDateTime t) {
            TIMESTAMP.formatTo(t, b);
        } else if (v instanceof OffsetDateTime t) {
            TIMESTAMPTZ.formatTo(t, b);
        } else if (v instanceof LocalDate || v instanceof LocalTime || v instanceof java.util.UUID) {
            b.append(v);
        } else if (v instanceof byte[] bytes) {
            b.append("\\\\x");
            for (byte x : bytes) {
                b.append(HEX[(x >> 4) & 0xF]).append(HEX[x & 0xF]);
            }
        } else {
            throw new IllegalArgumentException("the plain COPY baseline has no encoding for " + v.getClass().getName());
        }
    }

    private static void appendEscaped(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
    }
}
