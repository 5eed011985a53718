package dev.mirror.api.protocol;

import static java.util.Objects.requireNonNull;

/**
 * The mirror's answer for one announced table after the schema step.
 *
 * @param table  the source table name
 * @param lsn    the stored LSN; {@link dev.mirror.api.model.Lsn#REPOPULATE} (-1) asks the source to send
 *               every row (first sync, recreated table, LSN reset by hand)
 * @param action what reconciliation did this cycle
 * @param reason why, in words (for logs and reports); never null
 */
public record TableAnswer(String table, long lsn, SchemaAction action, String reason) {
    public TableAnswer {
        requireNonNull(table, "table is null");
        requireNonNull(action, "action is null");
        requireNonNull(reason, "reason is null");
    }

    /** Whether the source should send rows for this table (false for blocked and failed tables). */
    public boolean accepted() {
        return action != SchemaAction.BLOCKED && action != SchemaAction.FAILED && action != SchemaAction.DROPPED;
    }

    /** Whether the source should send a full snapshot rather than changes. */
    public boolean needsRepopulation() {
        return lsn < 0;
    }
}
