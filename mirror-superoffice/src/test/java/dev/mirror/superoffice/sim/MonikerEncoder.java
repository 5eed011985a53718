package dev.mirror.superoffice.sim;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/** Writes Java values the way SuperOffice sends them: monikers for typed values, strings as they are, null as nil. */
public final class MonikerEncoder {
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss.SSSSSSS", Locale.ROOT);
    private static final DateTimeFormatter D = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT);
    private static final DateTimeFormatter T = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSSS", Locale.ROOT);

    private MonikerEncoder() {
    }

    /** The wire string of a value of {@code column}; null for NULL. */
    public static String encode(Object value, Column column) {
        if (value == null) {
            return null;
        }
        SqlServerType base = column.type().base();
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Short s) {
            return base == SqlServerType.SMALLINT ? "[S:" + s + "]" : "[I:" + s + "]";
        }
        if (value instanceof Integer || value instanceof Long) {
            return "[I:" + value + "]";
        }
        if (value instanceof Boolean b) {
            return "[I:" + (b ? 1 : 0) + "]";
        }
        if (value instanceof Double || value instanceof Float) {
            return "[F:" + value + "]";
        }
        if (value instanceof BigDecimal d) {
            return (base == SqlServerType.MONEY || base == SqlServerType.SMALLMONEY ? "[M:" : "[F:") + d.toPlainString() + "]";
        }
        if (value instanceof LocalDateTime dt) {
            return "[DT:" + DT.format(dt) + "]";
        }
        if (value instanceof LocalDate d) {
            return "[D:" + D.format(d) + "]";
        }
        if (value instanceof LocalTime t) {
            return "[T:" + T.format(t) + "]";
        }
        if (value instanceof byte[] b) {
            return "[B:" + Base64.getEncoder().encodeToString(b) + "]";
        }
        return value.toString(); // uuid and anything else: as text
    }
}
