package dev.mirror.tests;

import dev.mirror.api.MirrorException;
import dev.mirror.api.PluginContext;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.MirrorProtocol;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.api.source.PullSource;
import dev.mirror.api.source.PullSourceProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A pull source (name {@code hostile}) announcing tables with hostile and impossible names and a table whose stream
 * breaks mid-way (the source going away), next to an ordinary table: each bad table must fail alone with a clear
 * message while the others are mirrored. {@link #RESULTS} keeps the apply results of the last cycle.
 */
public final class HostileSourceProvider implements PullSourceProvider {
    static final String ORDINARY = "ordinary";
    static final String HOSTILE = "we\"ird]] ;--name 'x' ü😀";
    static final String NUL = "nul\0name";
    static final String LONG = "t".repeat(100) + "_long_name_beyond_postgresql_limit";
    static final String BREAKS = "breaks_midway";
    static final String TOO_LONG = "x".repeat(451);
    static final int ROWS = 500;
    static final Map<String, ApplyResult> RESULTS = new ConcurrentHashMap<>();

    /** Built against this SPI version (a compile-time constant). */
    @Override
    public String spiVersion() {
        return dev.mirror.api.SpiVersion.VERSION;
    }

    @Override
    public String name() {
        return "hostile";
    }

    static TableSchema table(String name) {
        return new TableSchema(name, List.of(Column.of("id", SqlType.parse("int"), false),
                Column.of(name.equals(HOSTILE) ? "co\"l]; --" : "v", SqlType.parse("nvarchar(50)"), true)), List.of("id"));
    }

    static List<String> names() {
        return List.of(ORDINARY, HOSTILE, NUL, LONG, BREAKS, TOO_LONG);
    }

    @Override
    public PullSource create(PluginContext context) {
        return new PullSource() {
            @Override
            public void runCycle(MirrorProtocol protocol) {
                List<TableSchema> tables = new ArrayList<>();
                names().forEach(n -> tables.add(table(n)));
                for (TableAnswer a : protocol.schema(tables)) {
                    if (!a.accepted()) {
                        RESULTS.put(a.table(), new ApplyResult(a.table(), dev.mirror.api.protocol.TableCounts.ZERO, a.reason()));
                        continue;
                    }
                    RESULTS.put(a.table(), protocol.repopulate(a.table(), rows(a.table()), 1000));
                }
            }

            @Override
            public void close() {
            }
        };
    }

    private static ChangeCursor rows(String table) {
        Iterator<RowChange> it = new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < ROWS;
            }

            @Override
            public RowChange next() {
                i++;
                if (table.equals(BREAKS) && i == ROWS / 2) {
                    throw MirrorException.source("SOURCE_CONNECTION_LOST", true,
                            "the source connection was lost while reading " + table, null);
                }
                return RowChange.insert(i, "value " + i + " '\"]; ü");
            }
        };
        return ChangeCursor.of(it, () -> { });
    }
}
