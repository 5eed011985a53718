package dev.mirror.superoffice;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ApplyResult;
import dev.mirror.api.protocol.ChangeBatch;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.protocol.MirrorProtocol;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RowData call, read as a stream: each {@code RowDataBatch} is read (its rows spooled, see
 * {@link BatchSpool}), checked, decoded and applied through {@link MirrorProtocol#apply}. Reading and decoding run on
 * the request thread while the previous batch is applied on a helper thread, one batch ahead at most (see
 * {@link ApplyAhead}); batches are applied one at a time in the order they arrive. Only a batch with a valid LSN
 * (&gt; 0) completes its table ({@link ChangeBatch#last}); SuperOffice sends 0 on earlier batches
 * ({@link ChangeBatch#partial}). A batch whose values do not decode is refused as a whole before anything of it is
 * written. Errors are reported per batch, in batch order, as if the batches were applied one after the other.
 */
final class RowDataCall {
    private static final Logger LOG = LoggerFactory.getLogger(RowDataCall.class);
    private static final long SPOOL_MEMORY_CHARS = 8L * 1024 * 1024;

    private final MirrorProtocol protocol;
    private final TenantState state;
    /** Added to on the helper thread, read after {@link ApplyAhead#finish}. */
    private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    private int batches;
    private final java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();

    RowDataCall(MirrorProtocol protocol, TenantState state) {
        this.protocol = requireNonNull(protocol, "protocol is null");
        this.state = requireNonNull(state, "state is null");
    }

    /** Reads and applies every batch; the cursor is on {@code RowDataRequest}. Returns the per-table errors. */
    List<String> run(XmlCursor x) throws XMLStreamException {
        try (ApplyAhead ahead = new ApplyAhead("superoffice-apply-" + protocol.contextId())) {
            while (x.nextChild()) {
                if (x.localName().equals("DataBatches")) {
                    while (x.nextChild()) {
                        if (x.localName().equals("RowDataBatch")) {
                            readAndApply(x, ahead);
                        } else {
                            x.skip();
                        }
                    }
                } else {
                    x.skip();
                }
            }
            ahead.finish();
        }
        LOG.info("RowData for {}: {} batch(es), {} row(s), {} error(s)", protocol.contextId(), batches, rows.get(), errors.size());
        return new ArrayList<>(errors);
    }

    private void readAndApply(XmlCursor x, ApplyAhead ahead) throws XMLStreamException {
        BatchSpool spool = new BatchSpool(SPOOL_MEMORY_CHARS);
        try {
            long lsn = 0;
            TableSchemaCall.WireTable info = null;
            while (x.nextChild()) {
                switch (x.localName()) {
                    case "Data" -> readData(x, spool);
                    case "LSN" -> lsn = parseLsn(x.text());
                    case "TableInfo" -> info = TableSchemaCall.readTableInfo(x);
                    default -> x.skip();
                }
            }
            batches++;
            Prepared batch = prepare(info, lsn, spool);
            ahead.submit(() -> {
                try (spool) {
                    String error = apply(batch);
                    if (error != null) {
                        errors.add(error);
                    }
                }
            });
        } catch (XMLStreamException | RuntimeException | Error e) {
            spool.close(); // not handed over (reading or an earlier batch failed); closing twice is harmless
            throw e;
        }
    }

    private static void readData(XmlCursor x, BatchSpool spool) throws XMLStreamException {
        List<String> values = new ArrayList<>(); // reused from row to row: the spool copies each row's values
        while (x.nextChild()) {
            if (!x.localName().equals("RowData")) {
                x.skip();
                continue;
            }
            String op = null;
            values.clear();
            while (x.nextChild()) {
                switch (x.localName()) {
                    case "Operation" -> op = x.text();
                    case "ColumnValues" -> {
                        while (x.nextChild()) {
                            values.add(x.text());
                        }
                    }
                    default -> x.skip();
                }
            }
            spool.add(op, values);
        }
    }

    private static long parseLsn(String text) throws XMLStreamException {
        try {
            return text == null ? 0 : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new XMLStreamException("a RowDataBatch's LSN is not a 64-bit integer");
        }
    }

    /**
     * A batch read and decoded, waiting for its turn: {@code refused} (no table, or not announced) or {@code invalid}
     * (a value that does not decode) is reported when its turn comes; otherwise {@code decoded} holds its changes (a
     * batch held in memory) or {@code decoder} decodes it again from the spool while it is applied (a spilled batch,
     * already validated).
     */
    private record Prepared(String table, long lsn, BatchSpool spool, String refused, String invalid,
                            List<RowChange> decoded, RowDecoder decoder) {
    }

    /** On the request thread: the checks that do not depend on earlier batches, and the CPU work of decoding. */
    private Prepared prepare(TableSchemaCall.WireTable info, long lsn, BatchSpool spool) {
        if (info == null || info.name() == null || info.name().isBlank()) {
            return new Prepared(null, lsn, spool, "a RowDataBatch has no TableInfo/TableName; its " + spool.size()
                    + " row(s) were not applied", null, null, null);
        }
        String table = info.name();
        Optional<TableSchema> announced = state.table(table);
        if (announced.isEmpty()) {
            return new Prepared(table, lsn, spool, "table '" + table + "' was not announced by this cycle's TableSchema "
                    + "call; its rows were not applied (SuperOffice calls TableSchema first; the next cycle resends them)",
                    null, null, null);
        }
        try {
            RowDecoder decoder = RowDecoder.of(announced.get(), info.columns());
            if (spool.spilled()) {
                decoder.validate(spool.rows());
                return new Prepared(table, lsn, spool, null, null, null, decoder);
            }
            return new Prepared(table, lsn, spool, null, null, decoder.decodeAll(spool.rows()), null);
        } catch (IllegalArgumentException e) {
            return new Prepared(table, lsn, spool, null, e.getMessage(), null, null);
        }
    }

    /** On the helper thread, in batch order: applies one batch; returns null or the error for the answer. */
    private String apply(Prepared p) {
        if (p.refused() != null) {
            return p.refused();
        }
        String table = p.table();
        if (state.failedThisCycle(table)) {
            return "table '" + table + "': batch skipped because an earlier batch of this table failed this cycle; "
                    + "its LSN is unchanged and the next cycle resends the changes";
        }
        if (p.invalid() != null) {
            state.markFailed(table);
            return "table '" + table + "': " + p.invalid() + "; the batch was not applied";
        }
        try {
            ChangeCursor cursor = p.decoded() != null ? ChangeCursor.of(p.decoded()) : cursor(p.decoder(), p.spool().rows());
            ChangeBatch batch = p.lsn() > 0 ? ChangeBatch.last(table, cursor, p.lsn()) : ChangeBatch.partial(table, cursor);
            ApplyResult result = protocol.apply(batch);
            if (!result.succeeded()) {
                state.markFailed(table);
                return "table '" + table + "': " + result.error();
            }
            rows.addAndGet(p.spool().size());
            return null;
        } catch (IllegalArgumentException e) {
            state.markFailed(table);
            return "table '" + table + "': " + e.getMessage() + "; the batch was not applied";
        } catch (MirrorException e) {
            state.markFailed(table);
            return "table '" + table + "': " + e.getMessage();
        }
    }

    private static ChangeCursor cursor(RowDecoder decoder, Iterator<BatchSpool.RawRow> raw) {
        Iterator<RowChange> changes = new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return raw.hasNext();
            }

            @Override
            public RowChange next() {
                BatchSpool.RawRow r = raw.next();
                index++;
                try {
                    return new RowChange(Operation.fromCode(TableSchemaCall.strip(r.operation())),
                            Row.of(decoder.decode(r.values())));
                } catch (IllegalArgumentException e) {
                    throw MirrorException.source("SUPEROFFICE_VALUE", false, "row " + index + ": " + e.getMessage(), e);
                }
            }
        };
        return ChangeCursor.of(changes, () -> { });
    }
}
