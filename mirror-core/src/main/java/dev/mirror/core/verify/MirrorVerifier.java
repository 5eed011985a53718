package dev.mirror.core.verify;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.source.SnapshotReader;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.Blocklist;
import dev.mirror.core.Redactor;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.core.internal.metadata.MetadataTable;
import dev.mirror.core.internal.database.TargetDatabase;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Verifies a whole mirror: every source table that is not blocked (or the chosen ones) against its mirror table,
 * with {@link TableComparator}; tables missing from the mirror and metadata rows of tables the source no longer has
 * are differences too. Reads the mirror in read-only transactions; the mirror should not be written meanwhile (the
 * command-line tool holds the run lock while verifying).
 */
public final class MirrorVerifier {
    private final TargetDatabase target;
    private final MetadataTable metadata;
    private final Blocklist blocklist;
    private final TableComparator comparator;
    private final Redactor redactor;

    public MirrorVerifier(TargetDatabase target, MetadataTable metadata, Blocklist blocklist, TableComparator comparator,
                          Redactor redactor) {
        this.target = requireNonNull(target, "target is null");
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.blocklist = requireNonNull(blocklist, "blocklist is null");
        this.comparator = requireNonNull(comparator, "comparator is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
    }

    /**
     * @param only table names to verify (case-insensitive), or empty for all
     */
    public VerificationReport verify(dev.mirror.api.ContextId contextId, SnapshotReader source, Collection<String> only) {
        Set<String> wanted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        wanted.addAll(only);
        TargetDialect dialect = target.dialect();
        Set<String> mirrorTables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, MetadataRow> rows = target.inTransaction("listing the mirror's tables", true, c -> {
            mirrorTables.addAll(dialect.catalog().listTables(c));
            return mirrorTables.contains(metadata.targetName()) ? metadata.readAll(c) : Map.<String, MetadataRow>of();
        });
        List<TableVerification> results = new ArrayList<>();
        Set<String> sourceNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (TableSchema schema : source.tables()) {
            sourceNames.add(schema.name());
            if (blocklist.isBlocked(schema.name()) || (!wanted.isEmpty() && !wanted.contains(schema.name()))) {
                continue;
            }
            MetadataRow stored = rows.get(schema.name());
            if (stored != null && stored.options() != null && !"mode=mirror".equals(stored.options())) {
                // soft delete, history, excluded or hashed columns differ from the source by design
                org.slf4j.LoggerFactory.getLogger(MirrorVerifier.class).info("table {}: not verified (options {})",
                        schema.name(), stored.options());
                continue;
            }
            results.add(verifyTable(schema, source, mirrorTables.contains(dialect.names().targetName(schema.name()))));
        }
        for (MetadataRow row : rows.values()) {
            if (!sourceNames.contains(row.table()) && !MetadataTable.BLOCKED.equals(row.state())
                    && (wanted.isEmpty() || wanted.contains(row.table()))) {
                results.add(TableVerification.problem(row.table(), TableVerification.Status.EXTRA_TABLE, -1, -1,
                        "the mirror's metadata lists this table but the source no longer has it"));
            }
        }
        return new VerificationReport(contextId, results);
    }

    private TableVerification verifyTable(TableSchema schema, SnapshotReader source, boolean exists) {
        if (!exists) {
            long[] n = {0};
            sourceRows(schema, source).forEach(v -> n[0]++);
            return TableVerification.problem(schema.name(), TableVerification.Status.MISSING_TABLE, n[0], -1,
                    "the mirror has no table " + target.dialect().names().targetName(schema.name()));
        }
        try {
            long count = mirrorCount(schema);
            return comparator.compare(schema, sourceRows(schema, source), mirrorRows(schema), count);
        } catch (MirrorException e) {
            return TableVerification.problem(schema.name(), TableVerification.Status.ERROR, -1, -1, redactor.describe(e));
        }
    }

    private static RowSource sourceRows(TableSchema schema, SnapshotReader source) {
        return sink -> {
            try (ChangeCursor cursor = source.rows(schema)) {
                while (cursor.hasNext()) {
                    RowChange change = cursor.next();
                    sink.accept(normalize(schema, change.row()));
                }
            }
        };
    }

    private static String[] normalize(TableSchema schema, Row row) {
        String[] r = new String[schema.columnCount()];
        for (int i = 0; i < r.length; i++) {
            r[i] = ValueNormalizer.normalize(schema.columns().get(i).type(), row.get(i));
        }
        return r;
    }

    private long mirrorCount(TableSchema schema) {
        TargetDialect d = target.dialect();
        String sql = "SELECT COUNT(*) FROM " + d.names().quote(d.names().targetName(schema.name()));
        return target.inTransaction("counting rows of " + schema.name(), true, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private RowSource mirrorRows(TableSchema schema) {
        TargetDialect d = target.dialect();
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < schema.columnCount(); i++) {
            sql.append(i == 0 ? "" : ", ").append(d.names().quote(d.names().targetName(schema.columns().get(i).name())));
        }
        sql.append(" FROM ").append(d.names().quote(d.names().targetName(schema.name())));
        return sink -> target.inTransaction("reading the mirror of " + schema.name(), false, c -> {
            try (PreparedStatement p = c.prepareStatement(sql.toString())) {
                p.setFetchSize(1000); // PostgreSQL streams only with a fetch size inside a transaction
                try (ResultSet rs = p.executeQuery()) {
                    read(schema, rs, sink);
                }
            }
            return null;
        });
    }

    private static void read(TableSchema schema, ResultSet rs, Consumer<String[]> sink) throws java.sql.SQLException {
        List<Column> columns = schema.columns();
        while (rs.next()) {
            String[] r = new String[columns.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = ValueNormalizer.normalize(columns.get(i).type(), ValueNormalizer.read(rs, i + 1, columns.get(i).type()));
            }
            sink.accept(r);
        }
    }

    /** Names of tables in a report that differ, for a repair (LSN -1). Extra tables are left to the next cycle. */
    public static List<String> tablesToRepair(VerificationReport report) {
        return report.differing().stream().filter(t -> t.status() != TableVerification.Status.EXTRA_TABLE)
                .map(TableVerification::table).toList();
    }

}
