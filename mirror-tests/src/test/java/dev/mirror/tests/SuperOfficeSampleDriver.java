package dev.mirror.tests;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.sample.SampleDataSet;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plays SuperOffice's mirroring task for one tenant from the sample data set, over real HTTP through the
 * {@link SuperOfficeSimulator}: per step Authenticate, TableSchema with the step's tables, then per table either a Wipe
 * and every row as inserts (the mirror answered LSN &lt; 0) or the changes since the step the mirror answered (skipped
 * when it already holds this step's LSN), in batches where only a table's last batch carries the new LSN; then
 * ReplicationCompleted with the counts sent.
 *
 * <p>A table whose schema changed in place (the mirror altered it and kept its LSN: an added column, a widening) gets
 * every row of the new step as inserts/updates plus deletes for vanished keys: the sample's change stream is only
 * defined between steps with the same schema, and the full net change is what a source must resend when it cannot
 * tell which rows the schema change touched.
 */
final class SuperOfficeSampleDriver {
    /** What one cycle sent. */
    record Cycle(int step, Map<String, Long> answers, Set<String> wiped, Map<String, TableCounts> counts) {
    }

    private final SuperOfficeSimulator sim;
    private final SampleDataSet data;

    SuperOfficeSampleDriver(SuperOfficeSimulator sim, SampleDataSet data) {
        this.sim = requireNonNull(sim, "sim is null");
        this.data = requireNonNull(data, "data is null");
    }

    /** One whole SuperOffice cycle bringing tenant {@code ctx} to {@code step}. */
    Cycle cycle(String ctx, int step) {
        sim.authenticate(ctx);
        List<TableSchema> tables = data.tables(step);
        Map<String, Long> answers = sim.tableSchema(ctx, tables);
        long lsn = SampleDataSet.lsn(step);
        Set<String> wiped = new LinkedHashSet<>();
        Map<String, TableCounts> counts = new LinkedHashMap<>();
        for (TableSchema t : tables) {
            Long answered = answers.get(t.name());
            if (answered == null) {
                throw new AssertionError("step " + step + ": the mirror answered no LSN for announced table " + t.name()
                        + "; answers: " + answers);
            }
            List<RowChange> changes;
            if (answered < 0) {
                sim.wipe(ctx, t.name());
                wiped.add(t.name());
                changes = inserts(data.rows(t.name(), step));
            } else if (answered == lsn) {
                continue;
            } else {
                changes = changesSince(t, SampleDataSet.stepOf(answered), step);
            }
            sim.sendTable(ctx, t, changes, lsn);
            counts.put(t.name(), count(changes));
        }
        sim.replicationCompleted(ctx, counts);
        return new Cycle(step, answers, wiped, counts);
    }

    private List<RowChange> changesSince(TableSchema now, int from, int step) {
        if (from < 1 || from >= step) {
            throw new AssertionError("step " + step + ": the mirror answered the LSN of step " + from + " for " + now.name()
                    + ", which the source never reported before this step");
        }
        if (data.table(now.name(), from).filter(now::equals).isPresent()) {
            List<RowChange> r = new ArrayList<>();
            try (ChangeCursor c = data.changes(now.name(), from, step)) {
                c.forEachRemaining(r::add);
            }
            return r;
        }
        return netChange(now, from, step);
    }

    /** Every row at {@code step} (insert when new since {@code from}, else update) and a delete per vanished key. */
    private List<RowChange> netChange(TableSchema now, int from, int step) {
        TableSchema before = data.table(now.name(), from).orElseThrow();
        Set<List<Object>> remaining = new LinkedHashSet<>();
        for (Iterator<Row> it = data.rows(now.name(), from); it.hasNext(); ) {
            remaining.add(key(before, it.next()));
        }
        List<RowChange> r = new ArrayList<>();
        for (Iterator<Row> it = data.rows(now.name(), step); it.hasNext(); ) {
            Row row = it.next();
            r.add(new RowChange(remaining.remove(key(now, row)) ? Operation.UPDATE : Operation.INSERT, row));
        }
        int[] keys = now.keyIndexes();
        for (List<Object> gone : remaining) {
            Object[] v = new Object[now.columnCount()];
            for (int i = 0; i < keys.length; i++) {
                v[keys[i]] = gone.get(i);
            }
            r.add(RowChange.delete(v));
        }
        return r;
    }

    private static List<Object> key(TableSchema schema, Row row) {
        int[] keys = schema.keyIndexes();
        Object[] k = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            k[i] = row.get(keys[i]);
        }
        return Arrays.asList(k);
    }

    private static List<RowChange> inserts(Iterator<Row> rows) {
        List<RowChange> r = new ArrayList<>();
        rows.forEachRemaining(row -> r.add(new RowChange(Operation.INSERT, row)));
        return r;
    }

    static TableCounts count(List<RowChange> changes) {
        long ins = changes.stream().filter(c -> c.operation() == Operation.INSERT).count();
        long upd = changes.stream().filter(c -> c.operation() == Operation.UPDATE).count();
        return new TableCounts(ins, upd, changes.size() - ins - upd);
    }
}
