package dev.mirror.dialect.support;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the text of a string default ({@link dev.mirror.api.model.ColumnDefault.Literal#value()}) as the value SQL
 * Server gives it in a date, datetime or uniqueidentifier column, for a dialect rendering {@code DEFAULT '2020-01-01'}
 * in its own literal syntax. Only the unambiguous spellings are read ({@code 2020-01-31 12:00:00.123},
 * {@code 20200131 12:00:00}, {@code 2020-01-31T12:00:00}, {@code 2020-01-31}, {@code 20200131}); anything else is empty,
 * and the dialect then leaves the default out (a wrong default is worse than none); so is a date that does not exist
 * ({@code 2020-02-30}), which SQL Server would not have accepted either. Stateless; thread-safe.
 */
public final class DefaultLiterals {
    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSSS][.SSSSSS][.SSS]", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuuMMdd HH:mm:ss[.SSS]", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT), DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT));

    private DefaultLiterals() {
    }

    /** The date and time {@code text} spells, or empty. */
    public static Optional<LocalDateTime> dateTime(String text) {
        return parse(text, DATE_TIMES, LocalDateTime::from);
    }

    /** The date {@code text} spells, or empty. */
    public static Optional<LocalDate> date(String text) {
        return parse(text, DATES, LocalDate::from);
    }

    private static <T> Optional<T> parse(String text, List<DateTimeFormatter> spellings, TemporalQuery<T> query) {
        for (DateTimeFormatter f : spellings) {
            try {
                return Optional.of(f.parse(text.trim(), query));
            } catch (DateTimeParseException next) {
                // try the next spelling
            }
        }
        return Optional.empty();
    }

    /** The unique identifier {@code text} spells ({@code 8-4-4-4-12} hex digits), or empty. */
    public static Optional<UUID> uuid(String text) {
        String t = text.trim();
        if (!t.matches("[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}")) {
            return Optional.empty(); // UUID.fromString also takes shorter groups such as 1-2-3-4-5
        }
        return Optional.of(UUID.fromString(t));
    }
}
