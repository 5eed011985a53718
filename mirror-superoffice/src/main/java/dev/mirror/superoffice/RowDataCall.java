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
 * {@link BatchSpool}), checked, and applied through {@link MirrorProtocol#apply} before the next batch is
 * read. Only a batch with a valid LSN (&gt; 0) completes its table ({@link ChangeBatch#last}); SuperOffice
 * sends 0 on earlier batches ({@link ChangeBatch#partial}). A batch whose values do not decode is refused
 * as a whole before anything of it is written.
 */
final class RowDataCall {
    private static final Logger LOG = LoggerFactory.getLogger(RowDataCall.class);
    private static final long SPOOL_MEMORY_CHARS = 8L * 1024 * 1024;

    private final MirrorProtocol protocol;
    private final TenantState state;
    private final List<String> errors = new ArrayList<>();
    private int batches;
    private long rows;

    RowDataCall(MirrorProtocol protocol, TenantState state) {
        this.protocol = requireNonNull(protocol, "protocol is null");
        this.state = requireNonNull(state, "state is null");
    }

    /** Reads and applies every batch; the cursor is on {@code RowDataRequest}. Returns the per-table errors. */
    List<String> run(XmlCursor x) throws XMLStreamException {
        while (x.nextChild()) {
            if (x.localName().equals("DataBatches")) {
                while (x.nextChild()) {
                    if (x.localName().equals("RowDataBatch")) {
                        readAndApply(x);
                    } else {
                        x.skip();
                    }
                }
            } else {
                x.skip();
            }
        }
        LOG.info("RowData for {}: {} batch(es), {} row(s), {} error(s)", protocol.contextId(), batches, rows, errors.size());
        return errors;
    }

    private void readAndApply(XmlCursor x) throws XMLStreamException {
        try (BatchSpool spool = new BatchSpool(SPOOL_MEMORY_CHARS)) {
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
            String error = apply(info, lsn, spool);
            if (error != null) {
                errors.add(error);
            }
        }
    }

    private static void readData(XmlCursor x, BatchSpool spool) throws XMLStreamException {
        while (x.nextChild()) {
            if (!x.localName().equals("RowData")) {
                x.skip();
                continue;
            }
            String op = null;
            List<String> values = new ArrayList<>();
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

    /** Applies one batch; returns null or the error for the answer. */
    private String apply(TableSchemaCall.WireTable info, long lsn, BatchSpool spool) {
        if (info == null || info.name() == null || info.name().isBlank()) {
            return "a RowDataBatch has no TableInfo/TableName; its " + spool.size() + " row(s) were not applied";
        }
        String table = info.name();
        Optional<TableSchema> announced = state.table(table);
        if (announced.isEmpty()) {
            return "table '" + table + "' was not announced by this cycle's TableSchema call; its rows were not applied "
                    + "(SuperOffice calls TableSchema first; the next cycle resends them)";
        }
        if (state.failedThisCycle(table)) {
            return "table '" + table + "': batch skipped because an earlier batch of this table failed this cycle; "
                    + "its LSN is unchanged and the next cycle resends the changes";
        }
        TableSchema schema = announced.get();
        try {
            RowDecoder decoder = RowDecoder.of(schema, info.columns());
            ChangeCursor cursor;
            if (spool.spilled()) {
                decoder.validate(spool.rows());
                cursor = cursor(decoder, spool.rows());
            } else {
                cursor = ChangeCursor.of(decoder.decodeAll(spool.rows()));
            }
            ChangeBatch batch = lsn > 0 ? ChangeBatch.last(table, cursor, lsn) : ChangeBatch.partial(table, cursor);
            ApplyResult result = protocol.apply(batch);
            if (!result.succeeded()) {
                state.markFailed(table);
                return "table '" + table + "': " + result.error();
            }
            rows += spool.size();
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
