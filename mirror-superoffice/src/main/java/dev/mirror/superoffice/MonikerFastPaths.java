package dev.mirror.superoffice;

import dev.mirror.api.model.SqlServerType;
import java.time.LocalDateTime;

/**
 * Decodes the two commonest value shapes without the general path's allocations: a plain integer for an integer column
 * ({@code [I:135]}, {@code [S:0]}) and SuperOffice's datetime {@code MM/dd/yyyy HH:mm:ss[.fffffff]}. Profiling the push
 * ingest (BENCHMARKS.md, benchmark 6) showed a {@code BigDecimal} per integer and the {@code DateTimeFormatter} per
 * datetime among the endpoint's largest costs. Anything else, including every malformed or out-of-range value, returns
 * null and takes the general path, which decides and words the error exactly as before.
 */
final class MonikerFastPaths {
    private MonikerFastPaths() {
    }

    /** The value of an integer column, or null when {@code body} is not a plain in-range integer. */
    static Object integer(String body, SqlServerType base) {
        int n = body.length();
        if (n == 0 || n > 18) {
            return null;
        }
        int i = body.charAt(0) == '-' ? 1 : 0;
        if (i == n) {
            return null;
        }
        long v = 0;
        for (int k = i; k < n; k++) {
            char c = body.charAt(k);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        v = i == 1 ? -v : v;
        return switch (base) {
            case INT -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) (int) v : null;
            case SMALLINT -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE ? (Object) (short) v : null;
            case TINYINT -> v >= 0 && v <= 255 ? (Object) (short) v : null;
            case BIGINT -> v;
            default -> null;
        };
    }

    /** {@code MM/dd/yyyy HH:mm:ss} with 0 to 7 fractional digits, or null for any other shape or an invalid date. */
    static LocalDateTime dateTime(String b) {
        int n = b.length();
        if (n < 19 || n == 20 || n > 27 || b.charAt(2) != '/' || b.charAt(5) != '/' || b.charAt(10) != ' '
                || b.charAt(13) != ':' || b.charAt(16) != ':' || (n > 19 && b.charAt(19) != '.')) {
            return null;
        }
        int month = digits(b, 0, 2);
        int day = digits(b, 3, 5);
        int year = digits(b, 6, 10);
        int hour = digits(b, 11, 13);
        int minute = digits(b, 14, 16);
        int second = digits(b, 17, 19);
        int nanos = 0;
        if (n > 19) {
            int f = digits(b, 20, n);
            if (f < 0) {
                return null;
            }
            nanos = f;
            for (int k = n - 20; k < 9; k++) {
                nanos *= 10;
            }
        }
        if ((month | day | year | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || hour > 23
                || minute > 59 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
