package dev.mirror.dialect.support;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.ColumnDefault;
import dev.mirror.api.model.ColumnDefault.KnownFunction;
import dev.mirror.api.model.SqlServerDatetime;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * Renders a column's typed default ({@link Column#defaultValue()}, parsed by core) as a standard-SQL DEFAULT clause:
 * numbers, quoted strings, {@code TIMESTAMP '..'}, {@code TIMESTAMP WITH TIME ZONE '..'}, {@code DATE '..'},
 * {@code TIME '..'}, {@code CAST('..' AS UUID)}, and the dialect's spelling of the current-time and new-id functions
 * (given to the constructor). Only literals and those functions are rendered; anything else (NULL, binary literals,
 * other functions, unparsed expressions) is left out, because a wrong default is worse than none: the mirror always
 * writes every column explicitly. Immutable; thread-safe.
 */
public final class StandardDefaults {
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final String now;
    private final String nowWithZone;
    private final String today;
    private final String newUuid;

    /**
     * @param now         the current local timestamp, for {@code getdate()} on a datetime column (what SQL Server gives:
     *                    the server's local time), e.g. {@code LOCALTIMESTAMP}
     * @param nowWithZone the current timestamp with time zone, for {@code sysdatetimeoffset()} on a datetimeoffset column
     * @param today       the current date, e.g. {@code CURRENT_DATE}
     * @param newUuid     a new random UUID, for {@code newid()}, e.g. {@code RANDOM_UUID()}
     */
    public StandardDefaults(String now, String nowWithZone, String today, String newUuid) {
        this.now = requireNonNull(now, "now is null");
        this.nowWithZone = requireNonNull(nowWithZone, "nowWithZone is null");
        this.today = requireNonNull(today, "today is null");
        this.newUuid = requireNonNull(newUuid, "newUuid is null");
    }

    /** The clause ({@code DEFAULT 0}), or empty when the column has no default or it cannot be expressed. */
    public Optional<String> clause(Column column) {
        return column.defaultValue().flatMap(d -> expression(column.type(), d)).map(e -> "DEFAULT " + e);
    }

    /**
     * The expression for a typed default, or empty. (Java 17 has no pattern switch: the sealed type is matched
     * with instanceof; NULL, binary literals and unparsed text fall through to empty, a NULL default being what a
     * column without default does anyway.)
     */
    public Optional<String> expression(SqlType type, ColumnDefault value) {
        if (value instanceof ColumnDefault.Literal l && l.kind() == ColumnDefault.LiteralKind.NUMBER) {
            return number(type, l);
        }
        if (value instanceof ColumnDefault.Literal l && l.isString()) {
            return string(type, l.value());
        }
        if (value instanceof ColumnDefault.FunctionCall f) {
            return function(type, f.function());
        }
        return Optional.empty();
    }

    private static Optional<String> number(SqlType type, ColumnDefault.Literal n) {
        BigDecimal value = n.number();
        return switch (type.base().family()) {
            case BOOLEAN -> Optional.of(value.signum() == 0 ? "FALSE" : "TRUE");
            case INTEGER, EXACT_NUMERIC, APPROXIMATE_NUMERIC -> Optional.of(value.toPlainString());
            case CHARACTER -> Optional.of(literal(n.value()));
            default -> Optional.empty(); // e.g. ((0)) on datetime means 1900-01-01 in SQL Server: too implicit
        };
    }

    private static Optional<String> string(SqlType type, String s) {
        try {
            return switch (type.base().family()) {
                case CHARACTER -> Optional.of(literal(s));
                case INTEGER, EXACT_NUMERIC, APPROXIMATE_NUMERIC -> Optional.of(new BigDecimal(s.trim()).toPlainString());
                // a datetime default shows as SQL Server shows it: rounded to the 1/300 s tick (SqlServerDatetime)
                case DATETIME -> Optional.of("TIMESTAMP '" + print(type.base() == SqlServerType.DATETIME
                        ? SqlServerDatetime.round(dateTime(s.trim())) : dateTime(s.trim())) + "'");
                case DATETIMEOFFSET -> Optional.of("TIMESTAMP WITH TIME ZONE '" + print(dateTime(s.trim())) + "+00:00'");
                case DATE -> Optional.of("DATE '" + date(s.trim()) + "'");
                case TIME -> Optional.of("TIME '" + DateTimeFormatter.ISO_LOCAL_TIME.format(LocalTime.parse(s.trim())) + "'");
                case UUID -> Optional.of("CAST(" + literal(UUID.fromString(s.trim()).toString()) + " AS UUID)");
                default -> Optional.empty();
            };
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty(); // not a literal the target reads the same way: leave the default out
        }
    }

    private static LocalDateTime dateTime(String s) {
        if (s.length() == 8) {
            return LocalDate.parse(s, COMPACT_DATE).atStartOfDay();
        }
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay();
        }
        return LocalDateTime.parse(s.replace(' ', 'T'));
    }

    /** {@code 1760-01-01 00:00:00}: the SQL literal form, always with seconds (LocalDateTime.toString drops them). */
    private static String print(LocalDateTime t) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(t) + " " + DateTimeFormatter.ISO_LOCAL_TIME.format(t);
    }

    private static LocalDate date(String s) {
        return s.length() == 8 ? LocalDate.parse(s, COMPACT_DATE) : dateTime(s).toLocalDate();
    }

    private Optional<String> function(SqlType type, KnownFunction f) {
        boolean current = f == KnownFunction.CURRENT_TIMESTAMP;
        return switch (type.base().family()) {
            case DATETIME -> current ? Optional.of(now) : Optional.empty();
            case DATETIMEOFFSET -> current ? Optional.of(nowWithZone) : Optional.empty();
            case DATE -> current ? Optional.of(today) : Optional.empty();
            case UUID -> f == KnownFunction.NEW_UUID ? Optional.of(newUuid) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
