package dev.mirror.bench;

import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A first load rendered as SuperOffice sends it, once, in memory: per table a Wipe, then RowData calls of
 * {@code batchesPerCall} RowDataBatches of about {@code batchBytes} each (values as monikers, NULL as {@code i:nil},
 * only the table's last batch carrying the LSN), then one ReplicationCompleted. Each request is a head and a body in
 * bytes, ready for {@link KeepAliveClient}.
 */
final class PushRequests {
    static final String ACTION = SuperOfficeSimulator.NS + "/IMirroringClientService/";

    /** One ready request. */
    record Request(String operation, byte[] head, byte[] body) {
    }

    private final List<Request> requests = new ArrayList<>();
    private long rowDataBytes;
    private int rowDataCalls;

    /** Renders the load of {@code tables} for context {@code ctx} with one long-lived token. */
    static PushRequests render(List<TableData> tables, String token, String ctx, String host, int port, String path,
                               int batchBytes, int batchesPerCall, long lsn) {
        PushRequests r = new PushRequests();
        for (TableData t : tables) {
            r.add("Wipe", token, host, port, path, "<WipeRequest xmlns=\"" + SuperOfficeSimulator.NS + "\"><ClientState/><TableName>"
                    + t.name() + "</TableName></WipeRequest>");
            List<String> batches = batches(t, batchBytes);
            List<String> call = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                call.add(SuperOfficeSimulator.batch(t.schema(), batches.get(i), i == batches.size() - 1 ? lsn : 0));
                if (call.size() == batchesPerCall || i == batches.size() - 1) {
                    r.rowDataBytes += r.add("RowData", token, host, port, path, "<RowDataRequest xmlns=\"" + SuperOfficeSimulator.NS
                            + "\"><ClientState/><DataBatches xmlns:a=\"" + SuperOfficeSimulator.A + "\" xmlns:i=\""
                            + SuperOfficeSimulator.I + "\">" + String.join("", call) + "</DataBatches></RowDataRequest>");
                    r.rowDataCalls++;
                    call.clear();
                }
            }
        }
        StringBuilder done = new StringBuilder("<ReplicationCompletedRequest xmlns=\"" + SuperOfficeSimulator.NS
                + "\"><ClientState/><ChangedTables xmlns:a=\"" + SuperOfficeSimulator.A + "\" xmlns:i=\"" + SuperOfficeSimulator.I + "\">");
        for (TableData t : tables) {
            done.append("<a:ReplicationSummary><a:Deletes>0</a:Deletes><a:Inserts>").append(t.rows().size())
                    .append("</a:Inserts><a:TableName>").append(t.name()).append("</a:TableName><a:Updates>0</a:Updates></a:ReplicationSummary>");
        }
        r.add("ReplicationCompleted", token, host, port, path, done.append("</ChangedTables></ReplicationCompletedRequest>").toString());
        return r;
    }

    /** The rows of one table as RowData elements, cut into batches of about {@code batchBytes}. */
    static List<String> batches(TableData t, int batchBytes) {
        List<String> batches = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (Row row : t.rows()) {
            SuperOfficeSimulator.rowData(rows, t.schema(), new RowChange(Operation.INSERT, row));
            if (rows.length() >= batchBytes) {
                batches.add(rows.toString());
                rows.setLength(0);
            }
        }
        if (rows.length() > 0 || batches.isEmpty()) {
            batches.add(rows.toString());
        }
        return batches;
    }

    /** An envelope around {@code bodyElement}, as {@code SuperOfficeSimulator.call} writes it; returns its size. */
    static byte[] envelope(String token, String bodyElement) {
        return ("<s:Envelope xmlns:s=\"" + SuperOfficeSimulator.S + "\"><s:Header><h:SignedToken s:mustUnderstand=\"1\" xmlns:h=\""
                + SuperOfficeSimulator.NS + "\">" + SuperOfficeSimulator.escape(token) + "</h:SignedToken></s:Header><s:Body>"
                + bodyElement + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8);
    }

    private long add(String operation, String token, String host, int port, String path, String bodyElement) {
        byte[] body = envelope(token, bodyElement);
        requests.add(new Request(operation, KeepAliveClient.head(host, port, path, ACTION + operation, body.length), body));
        return body.length;
    }

    List<Request> requests() {
        return requests;
    }

    /** Bytes of XML in the RowData calls (what the MiB/s figure counts). */
    long rowDataBytes() {
        return rowDataBytes;
    }

    int rowDataCalls() {
        return rowDataCalls;
    }

    /** Unused by the schema: the schemas of the tables, for the untimed TableSchema call. */
    static List<TableSchema> schemas(List<TableData> tables) {
        return tables.stream().map(TableData::schema).toList();
    }
}
