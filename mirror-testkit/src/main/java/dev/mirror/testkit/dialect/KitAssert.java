package dev.mirror.testkit.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Row comparison with {@link KitValues#same} semantics and readable, size-bounded failure messages. */
public final class KitAssert {
    private KitAssert() {
    }

    /** One expected row; NULLs allowed. */
    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** Asserts that {@code actual} holds exactly the {@code expected} rows, in order, value by value. */
    public static void assertRows(String what, List<List<Object>> actual, List<List<Object>> expected) {
        List<String> problems = new ArrayList<>();
        if (actual.size() != expected.size()) {
            problems.add("expected " + expected.size() + " rows, found " + actual.size());
        }
        for (int r = 0; r < Math.min(actual.size(), expected.size()); r++) {
            List<Object> a = actual.get(r);
            List<Object> e = expected.get(r);
            for (int c = 0; c < Math.max(a.size(), e.size()); c++) {
                Object av = c < a.size() ? a.get(c) : "<missing>";
                Object ev = c < e.size() ? e.get(c) : "<missing>";
                if (!KitValues.same(ev, av)) {
                    problems.add("row " + r + " column " + c + ": expected " + KitValues.describe(ev) + ", found "
                            + KitValues.describe(av));
                }
            }
        }
        assertThat(problems).as(what).isEmpty();
    }
}
