package dev.mirror.superoffice;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read and fails once more than a limit arrive: the request-size cap applies to what
 * the XML parser sees (after gzip decoding, so a small compressed "zip bomb" is stopped too), without
 * buffering the body.
 */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long s = super.skip(n);
        add(s);
        return s;
    }

    /** Whether the limit was crossed (parsers may wrap or swallow the exception's type). */
    boolean exceeded() {
        return count > limit;
    }

    long limit() {
        return limit;
    }

    private void add(long n) throws IOException {
        count += n;
        if (count > limit) {
            throw new TooLargeException(limit);
        }
    }

    /** The body exceeded {@code maxRequestBytes}. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("the request is larger than maxRequestBytes (" + limit + " bytes); raise maxRequestBytes or ask "
                    + "SuperOffice for smaller batches");
        }
    }
}
