package dev.mirror.core.internal.options;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.dialect.TargetDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import dev.mirror.api.model.Column;
import dev.mirror.api.dialect.TargetColumn;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The table options applied to what core writes, once for every target: incremental batches (mirror mode through the
 * dialect's own apply; soft delete and history through {@link dev.mirror.api.dialect.ChangeApplier#withStagedChanges} and {@link ModeSql}),
 * the rows of a repopulation, and the merge of a loaded shadow with the old table before the swap. Every write is
 * set-wise: a fixed number of statements per batch, none per row.
 */
public final class TableModes {
    private static final Logger LOG = LoggerFactory.getLogger(TableModes.class);
    private final TargetDialect dialect;
    private final VersionClock clock;

    public TableModes(TargetDialect dialect, VersionClock clock) {
        this.dialect = requireNonNull(dialect, "dialect is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Applies a batch of source changes to {@code table} (target name) in the caller's transaction. */
    public TableCounts apply(Connection c, String table, TableLayout layout, Iterator<RowChange> changes) throws SQLException {
        if (layout.isPlain()) {
            return dialect.changes().applyChanges(c, table, layout.mirror(), changes);
        }
        return switch (layout.mode()) {
            case MIRROR -> dialect.changes().applyChanges(c, table, layout.mirror(), map(changes, layout::dataChange));
            case SOFT_DELETE -> {
                LocalDateTime time = clock.next();
                ModeSql sql = new ModeSql(dialect, table, layout);
                yield dialect.changes().withStagedChanges(c, table, layout.data(), map(changes, layout::dataChange), (cc, stage) -> {
                    for (BoundSql s : sql.softDeleteApply(stage, time)) {
                        s.execute(cc);
                    }
                });
            }
            case HISTORY -> {
                LocalDateTime time = clock.next();
                ModeSql sql = new ModeSql(dialect, table, layout);
                yield dialect.changes().withStagedChanges(c, table, layout.historyStage(), map(changes, layout::historyStageChange),
                        (cc, stage) -> {
                            for (BoundSql s : sql.historyApply(stage, time)) {
                                s.execute(cc);
                            }
                        });
            }
        };
    }

    /**
     * The rows of a repopulation as the mirror table holds them. {@code intoShadow}: they go into a shadow that
     * {@link #mergeShadow} completes before the swap.
     */
    public Iterator<Row> loadRows(TableLayout layout, Iterator<Row> rows, boolean intoShadow) {
        if (layout.isPlain()) {
            return rows;
        }
        LocalDateTime time = clock.next();
        return map(rows, r -> layout.loadRow(r, time, intoShadow));
    }

    /** A batch of a push repopulation going into the shadow (applied there with the dialect's mirror-mode apply). */
    public Iterator<RowChange> shadowChanges(TableLayout layout, Iterator<RowChange> changes) {
        if (layout.isPlain()) {
            return changes;
        }
        LocalDateTime time = clock.next();
        return map(changes, ch -> ch.operation() == Operation.DELETE
                ? new RowChange(Operation.DELETE, layout.loadRow(ch.row(), time, true))
                : new RowChange(ch.operation(), layout.loadRow(ch.row(), time, true)));
    }

    /**
     * Completes a loaded shadow before it is swapped in (soft delete: rows gone from the source stay, flagged; history:
     * the old versions stay, those of absent or changed keys closed, unchanged rows keep their open version). Runs in the
     * caller's transaction.
     *
     * @param sameSchema  false after a recreate (an incompatible source change, or a failed table rebuilt): the old rows
     *                    are then carried with the columns the old table has with the same type (the others NULL), when
     *                    every key column, every mode column and every NOT NULL column is among them
     * @param sameOptions false when the table is rebuilt because its options changed: nothing is carried (the old rows
     *                    do not have the new mode's columns, or hold values hashed with another salt)
     */
    public void mergeShadow(Connection c, String table, String shadow, TableLayout layout, boolean sameSchema,
                            boolean sameOptions) throws SQLException {
        List<Column> carried = null;
        if (sameSchema) {
            carried = layout.mirror().columns();
        } else if (sameOptions) {
            carried = carriedAcrossRecreate(c, table, shadow, layout);
        }
        for (BoundSql s : new ModeSql(dialect, shadow, layout).shadowMerge(table, carried, clock.next())) {
            s.execute(c);
        }
    }

    private List<Column> carriedAcrossRecreate(Connection c, String table, String shadow, TableLayout layout)
            throws SQLException {
        Optional<List<TargetColumn>> old = dialect.catalog().describeTable(c, table);
        Optional<List<TargetColumn>> next = dialect.catalog().describeTable(c, shadow);
        if (old.isEmpty() || next.isEmpty()) {
            return null;
        }
        List<Column> carried = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Column col : layout.mirror().columns()) {
            String name = dialect.names().targetName(col.name());
            Optional<TargetColumn> before = old.get().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
            Optional<TargetColumn> after = next.get().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
            if (before.isPresent() && after.isPresent() && before.get().nativeType().equalsIgnoreCase(after.get().nativeType())) {
                carried.add(col);
            } else if (!col.nullable() || layout.mirror().primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(col.name()))) {
                missing.add(col.name());
            }
        }
        if (!missing.isEmpty()) {
            LOG.warn("table {}: recreated without its {} rows of before: column(s) {} cannot be carried over (new, retyped "
                    + "or NOT NULL)", layout.source().name(), layout.mode().configName(), missing);
            return null;
        }
        return carried;
    }

    private static <A, B> Iterator<B> map(Iterator<A> in, Function<A, B> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public B next() {
                return f.apply(in.next());
            }
        };
    }
}
