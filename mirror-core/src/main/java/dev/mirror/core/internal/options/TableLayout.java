package dev.mirror.core.internal.options;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.core.config.TableMode;
import dev.mirror.core.config.TableOptions;
import dev.mirror.core.internal.schema.SchemaHash;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One table as the options shape it: the source's schema (what the schema hash and the metadata table record), the
 * mirror table's schema (excluded columns left out, hashed columns as 64 hex digits, the mode's columns appended, the
 * key extended by {@code _mirror_valid_from} in history mode), and how a source row becomes a mirror row.
 */
public final class TableLayout {
    private final TableSchema source;
    private final TableOptions options;
    private final ValueHasher hasher;
    private final int[] kept;
    private final boolean[] hashed;
    private final TableSchema data;
    private final TableSchema mirror;
    private final String sourceHash;
    private final String fingerprint;

    private TableLayout(TableSchema source, TableOptions options, ValueHasher hasher) {
        this.source = requireNonNull(source, "source is null");
        this.options = requireNonNull(options, "options is null");
        this.hasher = hasher;
        List<Column> extras = extras(options.mode());
        List<Column> columns = new ArrayList<>();
        List<Integer> keep = new ArrayList<>();
        List<Boolean> hash = new ArrayList<>();
        for (int i = 0; i < source.columnCount(); i++) {
            Column c = source.columns().get(i);
            if (ModeColumns.reserved(c.name(), extras)) {
                throw invalid("column '" + c.name() + "' has a name the " + options.mode().configName()
                        + " mode reserves; use another mode for this table");
            }
            if (options.exclude().contains(c.name())) {
                if (source.isKey(i)) {
                    throw invalid("key column '" + c.name() + "' cannot be excluded (hash it instead)");
                }
                continue;
            }
            boolean h = options.hash().contains(c.name());
            columns.add(h ? new Column(c.name(), ModeColumns.HASHED_VALUE, c.nullable(), null) : c);
            keep.add(i);
            hash.add(h);
        }
        this.kept = keep.stream().mapToInt(Integer::intValue).toArray();
        this.hashed = new boolean[hash.size()];
        for (int i = 0; i < hashed.length; i++) {
            hashed[i] = hash.get(i);
        }
        if (hash.contains(true) && hasher == null) {
            throw invalid("columns are hashed but options.hashSalt is not set");
        }
        this.data = new TableSchema(source.name(), columns, source.primaryKey());
        List<Column> all = new ArrayList<>(columns);
        all.addAll(extras);
        List<String> key = new ArrayList<>(source.primaryKey());
        if (options.mode() == TableMode.HISTORY) {
            key.add(ModeColumns.VALID_FROM);
        }
        this.mirror = new TableSchema(source.name(), all, key);
        this.sourceHash = SchemaHash.of(source);
        this.fingerprint = fingerprint(options, hasher, hash.contains(true));
    }

    /** The layout of {@code source} under {@code options}; {@code salt} may be null when nothing is hashed. */
    public static TableLayout of(TableSchema source, TableOptions options, String salt) {
        return new TableLayout(source, options, salt == null ? null : new ValueHasher(salt));
    }

    /** Today's behaviour: the mirror table is the source table. */
    public static TableLayout plain(TableSchema source) {
        return new TableLayout(source, TableOptions.DEFAULT, null);
    }

    private static List<Column> extras(TableMode mode) {
        return switch (mode) {
            case MIRROR -> List.of();
            case SOFT_DELETE -> ModeColumns.SOFT_DELETE;
            case HISTORY -> ModeColumns.HISTORY;
        };
    }

    private static MirrorException invalid(String why) {
        return MirrorException.configuration("TABLE_OPTIONS_INVALID", why);
    }

    /**
     * The options in force as the metadata table records them, e.g. {@code mode=history;exclude=notes;hash=email;salt=1a2b…}.
     * Only a salt fingerprint is recorded, and only when a column is hashed.
     */
    private static String fingerprint(TableOptions o, ValueHasher hasher, boolean hashes) {
        StringBuilder b = new StringBuilder("mode=").append(o.mode().configName());
        if (!o.exclude().isEmpty()) {
            b.append(";exclude=").append(o.exclude().stream().map(String::toLowerCase).sorted().collect(Collectors.joining(",")));
        }
        if (!o.hash().isEmpty()) {
            b.append(";hash=").append(o.hash().stream().map(String::toLowerCase).sorted().collect(Collectors.joining(",")));
        }
        if (hashes) {
            b.append(";salt=").append(hasher.fingerprint());
        }
        return b.toString();
    }

    /** The fingerprint a metadata row written before options existed stands for (a null {@code options} column). */
    public static final String PLAIN_FINGERPRINT = "mode=mirror";

    public TableSchema source() {
        return source;
    }

    public TableMode mode() {
        return options.mode();
    }

    /** The mirror table's schema: what the target holds, what hooks and the indexes plugin see. */
    public TableSchema mirror() {
        return mirror;
    }

    /** The mirror's data columns only (no mode columns), keyed by the source key: the staged schema of a batch. */
    public TableSchema data() {
        return data;
    }

    public String sourceHash() {
        return sourceHash;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** Whether rows pass through unchanged (mirror mode, nothing excluded or hashed). */
    public boolean isPlain() {
        return options.mode() == TableMode.MIRROR && kept.length == source.columnCount() && fingerprint.equals(PLAIN_FINGERPRINT);
    }

    /** The mirror's data values of a source row: excluded columns left out, hashed ones hashed. */
    public Object[] dataValues(Row row) {
        if (row.size() != source.columnCount()) {
            throw MirrorException.source("ROW_SHAPE", false, "a change of table '" + source.name() + "' has " + row.size()
                    + " values but the table has " + source.columnCount() + " columns", null);
        }
        Object[] v = new Object[kept.length];
        for (int i = 0; i < kept.length; i++) {
            Object value = row.get(kept[i]);
            v[i] = hashed[i] ? hasher.hash(value) : value;
        }
        return v;
    }

    /** A change with data values only (mirror mode; the staged batch of soft delete mode). */
    public RowChange dataChange(RowChange change) {
        return new RowChange(change.operation(), Row.of(dataValues(change.row())));
    }

    /** The staged change of history mode: data values and the row hash (null for a delete). */
    public RowChange historyStageChange(RowChange change) {
        Object[] d = dataValues(change.row());
        Object[] v = java.util.Arrays.copyOf(d, d.length + 1);
        v[d.length] = change.operation() == Operation.DELETE ? null : ValueHasher.rowHash(data.columns(), d);
        return new RowChange(change.operation(), Row.of(v));
    }

    /** The staged schema of history mode: the data columns and the row hash. */
    public TableSchema historyStage() {
        List<Column> c = new ArrayList<>(data.columns());
        c.add(Column.of(ModeColumns.ROW_HASH, ModeColumns.HASH, true));
        return new TableSchema(source.name(), c, source.primaryKey());
    }

    /**
     * A full mirror row for a load (repopulation): data values and the mode's columns at {@code time}. In history mode a
     * row loaded into a shadow that is merged with the old table before the swap is marked pending ({@code _mirror_active}
     * false with no {@code _mirror_valid_to}, a state no finished version has) until the merge decides its fate.
     */
    public Row loadRow(Row sourceRow, LocalDateTime time, boolean pendingMerge) {
        Object[] d = dataValues(sourceRow);
        return switch (options.mode()) {
            case MIRROR -> Row.of(d);
            case SOFT_DELETE -> {
                Object[] v = java.util.Arrays.copyOf(d, d.length + 2);
                v[d.length] = Boolean.FALSE;
                v[d.length + 1] = time;
                yield Row.of(v);
            }
            case HISTORY -> {
                Object[] v = java.util.Arrays.copyOf(d, d.length + 4);
                v[d.length] = ValueHasher.rowHash(data.columns(), d);
                v[d.length + 1] = time;
                v[d.length + 2] = null;
                v[d.length + 3] = !pendingMerge;
                yield Row.of(v);
            }
        };
    }

    @Override
    public String toString() {
        return "TableLayout[" + source.name() + ", " + fingerprint + "]";
    }
}
