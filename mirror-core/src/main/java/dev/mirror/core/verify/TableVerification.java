package dev.mirror.core.verify;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What verifying one table found.
 *
 * @param table          the source table name
 * @param status         the verdict
 * @param sourceRows     rows in the source (-1 when not read)
 * @param mirrorRows     rows in the mirror (-1 when not read)
 * @param ranges         key ranges compared
 * @param differingRanges ranges whose checksums differ
 * @param missing        rows in the source only
 * @param extra          rows in the mirror only
 * @param changed        rows whose values differ
 * @param examples       the first differing rows (at most the configured limit)
 * @param message        an explanation when the table could not be compared, else null
 */
public record TableVerification(String table, Status status, long sourceRows, long mirrorRows, int ranges,
                                int differingRanges, long missing, long extra, long changed, List<Difference> examples,
                                String message) {
    /** The verdict for one table. */
    public enum Status {
        /** Same rows, same values (up to documented type-mapping losses). */
        EQUAL,
        /** Rows differ. */
        DIFFERENT,
        /** The source has the table, the mirror does not. */
        MISSING_TABLE,
        /** The mirror still has a table the source no longer has. */
        EXTRA_TABLE,
        /** The table could not be read (for example its mirror columns differ from the source schema). */
        ERROR
    }

    public TableVerification {
        requireNonNull(table, "table is null");
        requireNonNull(status, "status is null");
        examples = List.copyOf(examples);
    }

    public boolean differs() {
        return status != Status.EQUAL;
    }

    static TableVerification problem(String table, Status status, long sourceRows, long mirrorRows, String message) {
        return new TableVerification(table, status, sourceRows, mirrorRows, 0, 0, 0, 0, 0, List.of(), message);
    }
}
