package dev.mirror.cli;

import dev.mirror.core.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows full-population progress: on a terminal one line redrawn in place with {@code \r} (table, rows so far,
 * rows/s); elsewhere (a pipe, a log file, a test) a plain line at most every {@code plainEveryNanos}, so logs stay
 * readable. Always ends with one line per table that was populated.
 */
final class ProgressPrinter implements ProgressListener {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final long plainEveryNanos;
    private long started;
    private long lastShown;
    private int lastWidth;

    ProgressPrinter(PrintWriter out, boolean terminal, long plainEveryNanos) {
        this.out = java.util.Objects.requireNonNull(out, "out is null");
        this.terminal = terminal;
        this.plainEveryNanos = plainEveryNanos;
    }

    /** A printer that redraws when stdout is a terminal. */
    static ProgressPrinter forConsole(PrintWriter out) {
        return new ProgressPrinter(out, System.console() != null, 2_000_000_000L);
    }

    @Override
    public synchronized void populationStarted(String table) {
        started = System.nanoTime();
        lastShown = started;
        if (terminal) {
            draw(String.format(Locale.ROOT, "  PROGRESS %s: starting", table));
        }
    }

    @Override
    public synchronized void populating(String table, long rows) {
        long now = System.nanoTime();
        if (terminal && now - lastShown >= REDRAW_NANOS) {
            draw(line(table, rows, now - started));
            lastShown = now;
        } else if (!terminal && now - lastShown >= plainEveryNanos) {
            out.println(line(table, rows, now - started));
            out.flush();
            lastShown = now;
        }
    }

    @Override
    public synchronized void populationFinished(String table, long rows, long nanos) {
        String done = line(table, rows, nanos) + " done";
        if (terminal) {
            draw(done);
            out.print('\n');
            lastWidth = 0;
        } else {
            out.println(done);
        }
        out.flush();
    }

    private static String line(String table, long rows, long nanos) {
        double seconds = Math.max(nanos, 1) / 1e9;
        return String.format(Locale.ROOT, "  PROGRESS %-24s %,12d rows  %,10.0f rows/s  %6.1f s", table, rows, rows / seconds, seconds);
    }

    private void draw(String text) {
        String padded = text.length() < lastWidth ? text + " ".repeat(lastWidth - text.length()) : text;
        out.print('\r' + padded);
        out.flush();
        lastWidth = text.length();
    }
}
