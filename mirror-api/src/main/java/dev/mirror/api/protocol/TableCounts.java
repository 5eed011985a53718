package dev.mirror.api.protocol;

/** Insert, update and delete counts of one table in one cycle (or one batch). */
public record TableCounts(long inserts, long updates, long deletes) {
    public static final TableCounts ZERO = new TableCounts(0, 0, 0);

    public TableCounts plus(TableCounts o) {
        return new TableCounts(inserts + o.inserts, updates + o.updates, deletes + o.deletes);
    }

    public long total() {
        return inserts + updates + deletes;
    }
}
