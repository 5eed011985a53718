package com.example.mirror.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Splits CSV lines into cells: comma-separated; a data cell may be quoted with {@code "} ({@code ""} is a quote). */
final class CsvLine {
    private CsvLine() {
    }

    /** Splits the header line: at commas outside parentheses, so that {@code decimal(9,2)} stays one cell. */
    static List<String> splitHeader(String line) {
        List<String> cells = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (ch == ',' && depth == 0) {
                cells.add(line.substring(start, i));
                start = i + 1;
            }
        }
        cells.add(line.substring(start));
        return cells;
    }

    /** Splits a data line; an unclosed quote is reported with the file and line. */
    static List<String> split(String line, Path path, int lineNo) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw CsvFile.invalid(path, lineNo, "a quoted cell is not closed: end it with \" (cells cannot span lines)");
        }
        cells.add(cell.toString());
        return cells;
    }
}
