package com.example.mirror.csv;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.Operation;
import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ChangeCursor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One CSV file: UTF-8, a header line, then one row per line. A header cell is a column name, its SQL Server type and,
 * for the key columns, the word {@code key}: {@code id int key,name nvarchar(50),price decimal(9,2)}. Key columns are
 * NOT NULL, the others nullable; an empty cell is NULL. Cells may be quoted with {@code "} (a quote inside written
 * {@code ""}) but not span lines.
 */
record CsvFile(Path path, TableSchema schema) {
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    /** Reads the header of {@code path}: its table is the file name without {@code .csv}. */
    static CsvFile open(Path path) {
        String file = path.getFileName().toString();
        String table = file.substring(0, file.length() - ".csv".length());
        if (!TABLE_NAME.matcher(table).matches()) {
            throw invalid(path, 0, "the file name does not make a table name: rename it to letters, digits and _ "
                    + "followed by .csv, e.g. order_line.csv");
        }
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                throw invalid(path, 1, "the header line is missing: write one, e.g. id int key,name nvarchar(50)");
            }
            return new CsvFile(path, schema(path, table, CsvLine.splitHeader(header)));
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /** The LSN of the file's current contents: its modification time in microseconds. */
    long lsn() {
        try {
            return Files.getLastModifiedTime(path).to(TimeUnit.MICROSECONDS);
        } catch (IOException e) {
            throw unreadable(path, e);
        }
    }

    /** Every row as an insert, in file order, streaming; a bad row throws from {@code next()} (SOURCE). */
    ChangeCursor rows() {
        BufferedReader in;
        try {
            in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
            in.readLine(); // the header
        } catch (IOException e) {
            throw unreadable(path, e);
        }
        Iterator<RowChange> lines = new Iterator<>() {
            private int lineNo = 1;
            private String next = read();

            private String read() {
                try {
                    String line;
                    do {
                        line = in.readLine();
                        lineNo++;
                    } while (line != null && line.isEmpty()); // blank lines (a trailing newline) are no rows
                    return line;
                } catch (IOException e) {
                    throw unreadable(path, e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public RowChange next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Row row = row(next, lineNo);
                next = read();
                return new RowChange(Operation.INSERT, row);
            }
        };
        return ChangeCursor.of(lines, () -> {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only file: nothing was lost
            }
        });
    }

    /** Converts one data line into a row of {@link #schema()}. */
    Row row(String line, int lineNo) {
        List<String> cells = CsvLine.split(line, path, lineNo);
        if (cells.size() != schema.columnCount()) {
            throw invalid(path, lineNo, "has " + cells.size() + " cells where the header has " + schema.columnCount()
                    + " columns");
        }
        Object[] values = new Object[cells.size()];
        for (int i = 0; i < values.length; i++) {
            Column c = schema.columns().get(i);
            try {
                values[i] = CsvValues.parse(cells.get(i), c.type());
            } catch (IllegalArgumentException e) {
                throw invalid(path, lineNo, "column " + c.name() + ": " + e.getMessage());
            }
            if (values[i] == null && !c.nullable()) {
                throw invalid(path, lineNo, "key column " + c.name() + " is empty: every row needs its key");
            }
        }
        return Row.of(values);
    }

    private static TableSchema schema(Path path, String table, List<String> header) {
        List<Column> columns = new ArrayList<>();
        List<String> key = new ArrayList<>();
        for (String cell : header) {
            String[] words = cell.trim().split("\\s+", 2);
            boolean isKey = words.length == 2 && words[1].toLowerCase(java.util.Locale.ROOT).endsWith(" key");
            String type = words.length == 2 ? (isKey ? words[1].substring(0, words[1].length() - 4) : words[1]).trim() : "";
            if (words[0].isEmpty() || type.isEmpty()) {
                throw invalid(path, 1, "header cell '" + cell + "' needs a name and a SQL Server type, e.g. 'id int key'");
            }
            SqlType sqlType;
            try {
                sqlType = SqlType.parse(type);
                CsvValues.requireSupported(sqlType);
            } catch (IllegalArgumentException e) {
                throw invalid(path, 1, "column " + words[0] + ": " + e.getMessage());
            }
            columns.add(Column.of(words[0], sqlType, !isKey));
            if (isKey) {
                key.add(words[0]);
            }
        }
        try {
            return new TableSchema(table, columns, key);
        } catch (IllegalArgumentException e) {
            throw invalid(path, 1, e.getMessage() + " (mark the key columns with 'key', e.g. 'id int key')");
        }
    }

    static MirrorException invalid(Path path, int line, String what) {
        return MirrorException.source("CSV_INVALID", false, path + (line > 0 ? ":" + line : "") + ": " + what, null);
    }

    private static MirrorException unreadable(Path path, IOException e) {
        return MirrorException.source("CSV_UNREADABLE", true, "cannot read " + path + ": " + e.getMessage(), e);
    }
}
