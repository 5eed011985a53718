package dev.mirror.superoffice;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Holds one {@code RowDataBatch}'s raw rows between reading and applying. The WCF data contract orders a
 * batch's members alphabetically ({@code Data}, {@code LSN}, {@code TableInfo}), so the rows arrive before
 * the table name, columns and LSN they need; they are kept here (in memory up to a threshold, then in a
 * temporary file) until the batch's end tag, then fed to the protocol while the rest of the request is
 * still unread. Memory stays bounded whatever the batch size.
 */
final class BatchSpool implements AutoCloseable {
    /** One raw row: its operation code and its values (null for i:nil). */
    record RawRow(String operation, String[] values) {
    }

    private final long memoryLimitChars;
    private final List<RawRow> memory = new ArrayList<>();
    private long memoryChars;
    private Path file;
    private DataOutputStream out;
    private int count;

    BatchSpool(long memoryLimitChars) {
        this.memoryLimitChars = memoryLimitChars;
    }

    void add(String operation, List<String> values) {
        RawRow row = new RawRow(operation, values.toArray(new String[0]));
        count++;
        try {
            if (out == null) {
                memory.add(row);
                for (String v : row.values()) {
                    memoryChars += v == null ? 1 : v.length() + 16;
                }
                if (memoryChars > memoryLimitChars) {
                    spill();
                }
            } else {
                write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool a RowData batch to a temporary file", e);
        }
    }

    int size() {
        return count;
    }

    boolean spilled() {
        return file != null;
    }

    private void spill() throws IOException {
        file = Files.createTempFile("mirror-superoffice-batch", ".bin");
        file.toFile().deleteOnExit();
        out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
        for (RawRow r : memory) {
            write(r);
        }
        memory.clear();
        memoryChars = 0;
    }

    private void write(RawRow r) throws IOException {
        writeString(r.operation());
        out.writeInt(r.values().length);
        for (String v : r.values()) {
            writeString(v);
        }
    }

    private void writeString(String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
        } else {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    /** Iterates the rows in arrival order; may be called more than once. */
    Iterator<RawRow> rows() {
        if (file == null) {
            return memory.iterator();
        }
        try {
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
            return new FileRows(in, count);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a spooled RowData batch", e);
        }
    }

    @Override
    public void close() {
        memory.clear();
        if (file != null) {
            try {
                out.close();
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp file is removed at JVM exit
            }
        }
    }

    private static final class FileRows implements Iterator<RawRow> {
        private final DataInputStream in;
        private int remaining;

        FileRows(DataInputStream in, int count) {
            this.in = in;
            this.remaining = count;
        }

        @Override
        public boolean hasNext() {
            if (remaining == 0) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // read-only stream
                }
            }
            return remaining > 0;
        }

        @Override
        public RawRow next() {
            if (remaining <= 0) {
                throw new NoSuchElementException();
            }
            try {
                String op = readString();
                String[] values = new String[in.readInt()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = readString();
                }
                remaining--;
                return new RawRow(op, values);
            } catch (EOFException e) {
                throw new IllegalStateException("spooled batch ended early", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a spooled RowData batch", e);
            }
        }

        private String readString() throws IOException {
            int n = in.readInt();
            if (n < 0) {
                return null;
            }
            return new String(in.readNBytes(n), StandardCharsets.UTF_8);
        }
    }
}
