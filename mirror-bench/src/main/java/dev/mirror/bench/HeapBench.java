package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 4: a full population larger than the heap, in a child JVM started with a small {@code -Xmx}
 * ({@link HeapChild}); reports the child's heap figures and the table's size on disk.
 */
final class HeapBench {
    /** The child's figures plus the loaded table's size. */
    record Outcome(String xmx, Map<String, String> child, long tableBytes, String command) {
        long value(String key) {
            String v = child.get(key);
            if (v == null) {
                throw new IllegalStateException("the child did not report " + key + ": " + child);
            }
            return (long) Double.parseDouble(v);
        }
    }

    private final PrintStream log;

    HeapBench(PrintStream log) {
        this.log = requireNonNull(log, "log is null");
    }

    Outcome run(String pgUrl, String table, long bytes, String xmx) throws IOException, InterruptedException, SQLException {
        try (PgSchema schema = PgSchema.create(pgUrl)) {
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            List<String> command = List.of(java, "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"),
                    HeapChild.class.getName(), schema.url(), table, Long.toString(bytes));
            log.printf("heap: child JVM -Xmx%s loading about %,d MB of %s …%n", xmx, bytes / 1_000_000, table);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            Map<String, String> figures = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith(HeapChild.PREFIX + " ")) {
                        figures = parse(line.substring(HeapChild.PREFIX.length() + 1));
                    } else {
                        log.println("  child: " + line);
                    }
                }
            }
            int exit = p.waitFor();
            if (exit != 0 || figures == null) {
                throw new IllegalStateException("the heap benchmark's child JVM (-Xmx" + xmx + ") exited with " + exit
                        + (figures == null ? " without reporting its figures" : "") + "; see its output above");
            }
            long size;
            try (Connection c = DriverManager.getConnection(schema.url());
                 PreparedStatement s = c.prepareStatement("SELECT pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace n "
                         + "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname = ?")) {
                s.setString(1, table);
                try (ResultSet rs = s.executeQuery()) {
                    size = rs.next() ? rs.getLong(1) : -1;
                }
            }
            return new Outcome(xmx, figures, size, "java -Xmx" + xmx + " -cp … " + HeapChild.class.getName() + " <url> " + table + " " + bytes);
        }
    }

    /** {@code k=v k=v …} into a map. */
    static Map<String, String> parse(String line) {
        Map<String, String> r = new HashMap<>();
        for (String part : line.trim().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not key=value: '" + part + "' in '" + line + "'");
            }
            r.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return r;
    }
}
