package dev.mirror.mariadb;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.ColumnDefault;
import dev.mirror.api.model.ColumnDefault.KnownFunction;
import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.TypeFamily;
import dev.mirror.dialect.support.DefaultLiterals;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Renders a column's typed default ({@link Column#defaultValue()}, parsed by core) as a MariaDB default expression.
 * Only values whose meaning is certain are rendered; anything else (NULL, session functions, unparsed expressions) is
 * left out: the column then has no default in the mirror, which only matters for rows inserted by hand, while a wrong
 * default would be a silent error. Stateless.
 */
final class MariaDbDefaults {
    private MariaDbDefaults() {
    }

    /**
     * The MariaDB default expression (without the {@code DEFAULT} keyword), or empty. (Java 17 has no pattern switch:
     * the sealed type is matched with instanceof.)
     */
    static Optional<String> render(Column column) {
        Optional<ColumnDefault> value = column.defaultValue();
        if (value.isPresent() && value.get() instanceof ColumnDefault.Literal l) {
            return switch (l.kind()) {
                case NUMBER -> number(column.type().base(), l.number());
                case STRING, NATIONAL_STRING -> string(column, l.value());
                case BINARY -> column.type().base().javaType() == byte[].class ? Optional.of("X'" + l.value() + "'") : Optional.empty();
            };
        }
        if (value.isPresent() && value.get() instanceof ColumnDefault.FunctionCall f) {
            return function(column, f.function());
        }
        return Optional.empty(); // no default, NULL (what no default does anyway), or an expression that was not parsed
    }

    private static Optional<String> number(SqlServerType base, BigDecimal n) {
        return switch (base.family()) {
            case INTEGER, EXACT_NUMERIC, APPROXIMATE_NUMERIC -> Optional.of(n.toPlainString());
            // bit: SQL Server turns any non-zero number into 1.
            case BOOLEAN -> Optional.of(n.signum() != 0 ? "1" : "0");
            case CHARACTER -> Optional.of(quoteLiteral(n.toPlainString()));
            default -> Optional.empty(); // e.g. ((0)) on datetime means 1900-01-01 in SQL Server: too implicit
        };
    }

    private static Optional<String> string(Column column, String s) {
        SqlServerType base = column.type().base();
        switch (base.family()) {
            case CHARACTER:
                return Optional.of(quoteLiteral(s));
            case DATETIME:
                // a datetime default shows as SQL Server shows it: rounded to the 1/300 s tick (SqlServerDatetime)
                return DefaultLiterals.dateTime(s).map(v -> quoteLiteral(LoadDataEncoder.dateTime(
                        base == SqlServerType.DATETIME ? SqlServerDatetime.round(v) : v, LoadDataEncoder.digits(column.type()))));
            case DATE:
                return DefaultLiterals.date(s).map(v -> quoteLiteral(v.toString()));
            case UUID:
                return DefaultLiterals.uuid(s).map(v -> quoteLiteral(v.toString()));
            case INTEGER, EXACT_NUMERIC, APPROXIMATE_NUMERIC:
                try {
                    return Optional.of(new BigDecimal(s.trim()).toPlainString());
                } catch (NumberFormatException notANumber) {
                    return Optional.empty();
                }
            default:
                return Optional.empty();
        }
    }

    /** Functions become expression defaults (MariaDB 10.2+), with the column's own fractional digits. */
    private static Optional<String> function(Column column, KnownFunction f) {
        SqlServerType base = column.type().base();
        TypeFamily family = base.family();
        boolean dateTime = family == TypeFamily.DATETIME || family == TypeFamily.DATETIMEOFFSET;
        int digits = LoadDataEncoder.digits(column.type());
        String p = digits == 0 ? "" : "(" + digits + ")";
        switch (f) {
            case CURRENT_TIMESTAMP:
                // a datetimeoffset is stored as UTC (see MariaDbTypes): its default too
                return dateTime ? Optional.of(family == TypeFamily.DATETIMEOFFSET ? "(UTC_TIMESTAMP" + p + ")"
                        : "CURRENT_TIMESTAMP" + p) : family == TypeFamily.DATE ? Optional.of("(CURRENT_DATE)") : Optional.empty();
            case CURRENT_UTC_TIMESTAMP:
                return dateTime ? Optional.of("(UTC_TIMESTAMP" + p + ")")
                        : family == TypeFamily.DATE ? Optional.of("(UTC_DATE)") : Optional.empty();
            case NEW_UUID:
                return base == SqlServerType.UNIQUEIDENTIFIER ? Optional.of("(UUID())") : Optional.empty();
            default:
                return Optional.empty(); // session functions (login, host, application): no meaning in the mirror
        }
    }

    /**
     * A MariaDB string literal that means the same whatever {@code sql_mode} says: plain {@code '...'} with quotes doubled
     * when the text has no backslash and no control character, otherwise a hex literal with the utf8mb4 introducer
     * ({@code _utf8mb4 X'5c6e'}), because a backslash is an escape character unless {@code NO_BACKSLASH_ESCAPES} is set.
     */
    static String quoteLiteral(String s) {
        boolean plain = s.chars().allMatch(c -> c >= 0x20 && c != '\\');
        return plain ? "'" + s.replace("'", "''") + "'"
                : "_utf8mb4 X'" + HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8)) + "'";
    }
}
