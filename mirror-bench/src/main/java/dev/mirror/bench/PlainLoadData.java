package dev.mirror.bench;

import dev.mirror.api.model.Row;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The baseline of benchmark 10a: what a hand-written loader does with MariaDB Connector/J, independently of the mirror's
 * dialect: one {@code LOAD DATA LOCAL INFILE} per table whose file is the rows as tab-separated text, built with
 * {@code toString()} and a StringBuilder per chunk, streamed through {@code setLocalInfileInputStream}; binary values in
 * hex decoded by {@code UNHEX}.
 */
final class PlainLoadData {
    private PlainLoadData() {
    }

    /** Loads {@code rows} into {@code quotedTable}; returns the rows the server reports. */
    static long load(Connection c, String quotedTable, List<String> quotedColumns, List<Boolean> binary, Iterator<Row> rows)
            throws SQLException {
        StringBuilder sql = new StringBuilder("LOAD DATA LOCAL INFILE 'plain.tsv' INTO TABLE ").append(quotedTable)
                .append(" CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (");
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < quotedColumns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(binary.get(i) ? "@v" + i : quotedColumns.get(i));
            if (binary.get(i)) {
                set.append(set.length() == 0 ? " SET " : ", ").append(quotedColumns.get(i)).append(" = UNHEX(@v").append(i).append(')');
            }
        }
        sql.append(')').append(set);
        try (Statement s = c.createStatement()) {
            s.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(new Rows(rows));
            return s.executeLargeUpdate(sql.toString());
        }
    }

    /** The rows as text, a chunk of about 256 KiB at a time. */
    private static final class Rows extends InputStream {
        private final Iterator<Row> rows;
        private byte[] chunk = new byte[0];
        private int pos;

        Rows(Iterator<Row> rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == chunk.length) {
                if (!rows.hasNext()) {
                    return -1;
                }
                StringBuilder text = new StringBuilder(300_000);
                while (text.length() < 256 * 1024 && rows.hasNext()) {
                    Row r = rows.next();
                    for (int i = 0; i < r.size(); i++) {
                        text.append(i == 0 ? "" : "\t");
                        value(text, r.get(i));
                    }
                    text.append('\n');
                }
                chunk = text.toString().getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }

        private static void value(StringBuilder b, Object v) {
            if (v == null) {
                b.append("\\N");
            } else if (v instanceof String s) {
                b.append(s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
            } else if (v instanceof Boolean x) {
                b.append(x ? '1' : '0');
            } else if (v instanceof byte[] x) {
                b.append(HexFormat.of().formatHex(x));
            } else if (v instanceof OffsetDateTime x) {
                b.append(x.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' '));
            } else {
                b.append(v.toString().replace('T', ' ')); // numbers, UUIDs, java.time local values in ISO form
            }
        }
    }
}
