package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.ChangeBatch;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.TableAnswer;
import dev.mirror.core.Mirror;
import dev.mirror.core.ProgressListener;
import dev.mirror.api.protocol.MirrorProtocol;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Mirror} built from a configuration tree exactly as the command-line tool builds one from a file, and the
 * benchmark's access to its protocol: what a source does (announce, repopulate, apply), nothing more. Every timed
 * call therefore includes core's transaction, its metadata update and its bookkeeping.
 */
final class MirrorHarness implements AutoCloseable {
    private final Mirror mirror;

    private MirrorHarness(Mirror mirror) {
        this.mirror = mirror;
    }

    /** The sample source with these extra keys, into the target dialect at url. */
    static MirrorHarness build(String context, String dialect, String url, Map<String, Object> sourceExtra) {
        return build(context, dialect, url, sourceExtra, Map.of());
    }

    /** The same with extra target settings (a dialect's options, e.g. {@code applyMethod}). */
    static MirrorHarness build(String context, String dialect, String url, Map<String, Object> sourceExtra,
                               Map<String, Object> targetExtra) {
        Map<String, Object> tree = config(context, dialect, url, sourceExtra);
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) tree.get("target");
        target.putAll(targetExtra);
        return new MirrorHarness(Mirror.builder().config(tree, "mirror-bench")
                .pluginDirectory(false).progress(ProgressListener.NONE).build());
    }

    /** As {@link #build(String, String, String, Map)}, with an {@code options} section (table modes, column options). */
    static MirrorHarness withOptions(String context, String dialect, String url, Map<String, Object> sourceExtra,
                                     Map<String, Object> options) {
        Map<String, Object> tree = config(context, dialect, url, sourceExtra);
        tree.put("options", requireNonNull(options, "options is null"));
        return new MirrorHarness(Mirror.builder().config(tree, "mirror-bench").pluginDirectory(false)
                .progress(ProgressListener.NONE).build());
    }

    static Map<String, Object> config(String context, String dialect, String url, Map<String, Object> sourceExtra) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "sample");
        source.putAll(sourceExtra);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("dialect", requireNonNull(dialect, "dialect is null"));
        target.put("url", requireNonNull(url, "url is null"));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("context", context);
        tree.put("source", source);
        tree.put("target", target);
        return tree;
    }

    Mirror mirror() {
        return mirror;
    }

    MirrorProtocol protocol() {
        return mirror.protocol();
    }

    /** The schema step for these tables (creates them and the metadata table); fails unless every table is accepted. */
    void announce(List<TableSchema> tables) {
        for (TableAnswer a : protocol().schema(tables)) {
            if (!a.accepted()) {
                throw new IllegalStateException("the mirror did not accept table " + a.table() + ": " + a.reason());
            }
        }
    }

    /** Full population through {@code MirrorProtocol.repopulate}; returns the rows loaded. */
    long repopulate(String table, Iterator<Row> rows, long lsn) {
        ApplyResult r = protocol().repopulate(table, ChangeCursor.of(new Iterator<RowChange>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public RowChange next() {
                return new RowChange(dev.mirror.api.model.Operation.INSERT, rows.next());
            }
        }, () -> { }), lsn);
        return check(r).counts().total();
    }

    /** One final batch through {@code MirrorProtocol.apply}; returns the changes applied. */
    long apply(String table, List<RowChange> changes, long lsn) {
        return check(protocol().apply(ChangeBatch.last(table, ChangeCursor.of(changes), lsn))).counts().total();
    }

    private static ApplyResult check(ApplyResult r) {
        if (!r.succeeded()) {
            throw new IllegalStateException("the mirror failed on table " + r.table() + ": " + r.error());
        }
        return r;
    }

    @Override
    public void close() {
        mirror.close();
    }
}
