package dev.mirror.testkit.source;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.protocol.TableCounts;
import java.util.List;
import java.util.OptionalLong;

/**
 * One step that a source made on core's protocol, recorded by {@link RecordingProtocol} so kits can assert call sequences
 * ("the first cycle repopulated every table", "a quiet cycle sent no rows").
 *
 * @param kind    which protocol step
 * @param table   the table the step was for; null for {@link Kind#SCHEMA}, {@link Kind#COMPLETE} and {@link Kind#FAIL}
 * @param lsn     the LSN the step carried (apply: the batch's new LSN if any; repopulate: its LSN); empty otherwise
 * @param rows    how many row changes the step carried (read from the cursor)
 * @param counts  insert/update/delete counts of the step
 * @param answers for {@link Kind#SCHEMA}: the answers given; empty otherwise
 * @param error   the failure the mirror reported for the step, or null
 */
public record ProtocolCall(Kind kind, String table, OptionalLong lsn, long rows, TableCounts counts,
                           List<TableAnswer> answers, String error) {
    /** The protocol steps. */
    public enum Kind { SCHEMA, APPLY, REPOPULATE, WIPE, COMPLETE, FAIL }

    public ProtocolCall {
        requireNonNull(kind, "kind is null");
        requireNonNull(lsn, "lsn is null");
        requireNonNull(counts, "counts is null");
        answers = List.copyOf(answers);
    }

    public boolean failed() {
        return error != null;
    }

    @Override
    public String toString() {
        return kind + (table == null ? "" : " " + table) + (lsn.isPresent() ? " lsn=" + lsn.getAsLong() : "")
                + (kind == Kind.APPLY || kind == Kind.REPOPULATE ? " rows=" + rows : "")
                + (error == null ? "" : " error=" + error);
    }
}
