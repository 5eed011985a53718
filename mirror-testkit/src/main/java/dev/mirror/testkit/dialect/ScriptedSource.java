package dev.mirror.testkit.dialect;

import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ChangeBatch;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.MirrorProtocol;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.SnapshotReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A pull source whose tables the protocol kit scripts: it keeps the latest state (the model the mirror must equal) and a
 * change log with LSNs, and sends what a well-behaved source sends (a snapshot when asked, else the changes after the
 * answered LSN in batches of {@link #BATCH}, the last batch carrying the new LSN). Single-threaded, like the kit.
 */
final class ScriptedSource implements PullSource {
    static final int BATCH = 2;
    private final Map<String, TableSchema> tables = new LinkedHashMap<>();
    private final Map<String, Map<Object, Row>> rows = new LinkedHashMap<>();
    private final Map<String, List<Logged>> log = new LinkedHashMap<>();
    private long lsn = 1;
    private long redeliverAfter = -1;

    private record Logged(long lsn, RowChange change) {
    }

    void create(TableSchema schema) {
        tables.put(schema.name(), schema);
        rows.put(schema.name(), new LinkedHashMap<>());
        log.put(schema.name(), new ArrayList<>());
    }

    /** Replaces a table's schema, converting its rows (an added column, a widened or retyped one). */
    void alter(TableSchema schema, UnaryOperator<Row> convert) {
        tables.put(schema.name(), schema);
        rows.get(schema.name()).replaceAll((k, r) -> convert.apply(r));
        log.get(schema.name()).clear(); // changes logged before the schema change are never sent again
    }

    void drop(String table) {
        tables.remove(table);
        rows.remove(table);
        log.remove(table);
    }

    /** Inserts or updates a row (keyed by its first value). */
    void upsert(String table, Object... values) {
        Row row = Row.of(values);
        Operation op = rows.get(table).put(values[0], row) == null ? Operation.INSERT : Operation.UPDATE;
        log.get(table).add(new Logged(++lsn, new RowChange(op, row)));
    }

    void delete(String table, Object key) {
        Row old = rows.get(table).remove(key);
        if (old == null) {
            throw new IllegalArgumentException("no row " + key + " in " + table);
        }
        log.get(table).add(new Logged(++lsn, new RowChange(Operation.DELETE, old)));
    }

    /** The next cycle sends the changes after {@code lsn} again, whatever the mirror answers (a redelivery). */
    void redeliverAfter(long earlier) {
        redeliverAfter = earlier;
    }

    long lsn() {
        return lsn;
    }

    @Override
    public void runCycle(MirrorProtocol protocol) {
        List<TableAnswer> answers = protocol.schema(List.copyOf(tables.values()));
        for (TableAnswer a : answers) {
            if (!a.accepted()) {
                continue;
            }
            if (a.needsRepopulation()) {
                List<RowChange> all = rows.get(a.table()).values().stream().map(r -> new RowChange(Operation.INSERT, r)).toList();
                protocol.repopulate(a.table(), ChangeCursor.of(all), lsn);
                continue;
            }
            long after = redeliverAfter >= 0 ? Math.min(redeliverAfter, a.lsn()) : a.lsn();
            List<RowChange> changes = log.get(a.table()).stream().filter(l -> l.lsn() > after).map(Logged::change).toList();
            for (int i = 0; i < changes.size() || i == 0; i += BATCH) {
                List<RowChange> batch = changes.subList(i, Math.min(changes.size(), i + BATCH));
                boolean last = i + BATCH >= changes.size();
                protocol.apply(last ? ChangeBatch.last(a.table(), ChangeCursor.of(batch), lsn)
                        : ChangeBatch.partial(a.table(), ChangeCursor.of(batch)));
            }
        }
        redeliverAfter = -1;
    }

    @Override
    public Optional<SnapshotReader> snapshotReader() {
        return Optional.of(new SnapshotReader() {
            @Override
            public List<TableSchema> tables() {
                return List.copyOf(tables.values());
            }

            @Override
            public ChangeCursor rows(TableSchema table) {
                return ChangeCursor.of(rows.get(table.name()).values().stream().map(r -> new RowChange(Operation.INSERT, r)).toList());
            }
        });
    }

    @Override
    public void close() {
    }
}
