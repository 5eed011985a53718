package dev.mirror.bench;

import dev.mirror.api.model.Row;
import dev.mirror.sample.SampleDataSet;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The child JVM of benchmark 4 (started by {@link HeapBench} with a small {@code -Xmx}): fully populates one sample
 * table with about {@code bytes} of COPY text through {@code MirrorProtocol.repopulate}, generating the rows as they
 * are read, and prints one {@code HEAPRESULT key=value …} line.
 *
 * <p>Arguments: {@code <jdbc url with currentSchema> <table> <bytes>}.
 */
public final class HeapChild {
    static final String PREFIX = "HEAPRESULT";
    private static final int SAMPLE_ROWS = 2000;

    private HeapChild() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: HeapChild <jdbc url> <table> <bytes>");
            System.exit(2);
        }
        Bench.quietLogging();
        String url = args[0];
        String table = args[1];
        long bytes = Long.parseLong(args[2]);

        SampleDataSet one = new SampleDataSet(1, SampleDataSet.Selection.CORE);
        long baseRows = 0;
        long sampleBytes = 0;
        StringBuilder b = new StringBuilder();
        for (Iterator<Row> it = one.rows(table, 1); it.hasNext(); baseRows++) {
            Row r = it.next();
            if (baseRows < SAMPLE_ROWS) {
                b.setLength(0);
                PlainCopyEncoder.appendRow(b, r);
                sampleBytes += b.toString().getBytes(StandardCharsets.UTF_8).length;
            }
        }
        double bytesPerRow = (double) sampleBytes / Math.min(SAMPLE_ROWS, baseRows);
        long rows = Math.max(1, (long) (bytes / bytesPerRow));
        int scale = (int) Math.min(Integer.MAX_VALUE, (rows + baseRows - 1) / baseRows);
        SampleDataSet data = new SampleDataSet(scale, SampleDataSet.Selection.CORE);

        try (MirrorHarness mirror = MirrorHarness.build("Heap", "postgresql", url, java.util.Map.of())) {
            mirror.announce(List.of(data.table(table, 1).orElseThrow()));
            System.gc();
            try (HeapWatch watch = new HeapWatch().start()) {
                long t0 = System.nanoTime();
                long loaded = mirror.repopulate(table, limit(data.rows(table, 1), rows), 1000);
                long nanos = System.nanoTime() - t0;
                Thread.sleep(500); // GC notifications arrive asynchronously
                System.out.printf("%s rows=%d estimatedCopyBytes=%d bytesPerRow=%.1f seconds=%.1f maxAfterGc=%d maxBeforeGc=%d "
                        + "sumOfPoolPeaks=%d collections=%d maxHeap=%d%n", PREFIX, loaded, (long) (loaded * bytesPerRow),
                        bytesPerRow, nanos / 1e9, watch.maxAfterGc(), watch.maxBeforeGc(), watch.sumOfPoolPeaks(),
                        watch.collections(), Runtime.getRuntime().maxMemory());
            }
        }
    }

    private static Iterator<Row> limit(Iterator<Row> rows, long max) {
        return new Iterator<>() {
            private long n;

            @Override
            public boolean hasNext() {
                return n < max && rows.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                n++;
                return rows.next();
            }
        };
    }
}
