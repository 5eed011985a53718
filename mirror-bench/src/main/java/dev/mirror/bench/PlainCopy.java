package dev.mirror.bench;

import dev.mirror.api.model.Row;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The native bulk path the mirror is measured against: pgjdbc's {@code CopyManager} with text COPY, rows encoded by
 * {@link PlainCopyEncoder} into a buffer sent in 256 KiB chunks (the mirror's default chunk size).
 */
final class PlainCopy {
    static final int CHUNK_CHARS = 256 * 1024;

    private PlainCopy() {
    }

    /** {@code COPY "table" ("c1", …) FROM STDIN}; identifiers come already quoted by the dialect. */
    static String copySql(String quotedTable, List<String> quotedColumns) {
        return "COPY " + quotedTable + " (" + String.join(", ", quotedColumns) + ") FROM STDIN";
    }

    /** Streams the rows in; returns the row count the server reports. Leaves the transaction to the caller. */
    static long load(Connection c, String copySql, Iterator<Row> rows) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            StringBuilder b = new StringBuilder(CHUNK_CHARS + 64 * 1024);
            while (rows.hasNext()) {
                PlainCopyEncoder.appendRow(b, rows.next());
                if (b.length() >= CHUNK_CHARS) {
                    send(in, b);
                }
            }
            send(in, b);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void send(CopyIn in, StringBuilder b) throws SQLException {
        if (b.length() > 0) {
            byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            b.setLength(0);
        }
    }
}
