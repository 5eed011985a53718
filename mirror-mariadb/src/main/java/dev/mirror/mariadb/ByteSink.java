package dev.mirror.mariadb;

import java.util.Arrays;

/**
 * A growable byte buffer the {@link LoadDataEncoder} writes rows into: UTF-8 encoding and LOAD DATA escaping in one pass,
 * with no intermediate String or char[] per value. Not thread-safe; one per load.
 */
final class ByteSink {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    byte[] buf;
    int size;

    ByteSink(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    void put(char ascii) {
        ensure(1);
        buf[size++] = (byte) ascii;
    }

    /** Appends an ASCII-only string (numbers, dates, UUIDs) as it is. */
    void putAscii(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[size++] = (byte) s.charAt(i);
        }
    }

    /** Appends lower-case hex digits of {@code bytes}. */
    void putHex(byte[] bytes) {
        ensure(bytes.length * 2);
        for (byte x : bytes) {
            buf[size++] = HEX[(x >> 4) & 0xF];
            buf[size++] = HEX[x & 0xF];
        }
    }

    /**
     * Appends {@code bytes} as they are but escaped for LOAD DATA ({@code \\}, {@code \t}, {@code \n}, {@code \r},
     * {@code \0}), for a load whose file character set is {@code binary}.
     */
    void putEscapedBytes(byte[] bytes) {
        ensure(bytes.length * 2);
        for (byte x : bytes) {
            switch (x) {
                case '\\' -> { buf[size++] = '\\'; buf[size++] = '\\'; }
                case '\t' -> { buf[size++] = '\\'; buf[size++] = 't'; }
                case '\n' -> { buf[size++] = '\\'; buf[size++] = 'n'; }
                case '\r' -> { buf[size++] = '\\'; buf[size++] = 'r'; }
                case 0 -> { buf[size++] = '\\'; buf[size++] = '0'; }
                default -> buf[size++] = x;
            }
        }
    }

    /**
     * Appends {@code s} in UTF-8, escaped for LOAD DATA, and returns -1, or returns the index of an unpaired surrogate
     * (which has no UTF-8 form) after appending what came before it.
     */
    int putEscapedUtf8(String s) {
        int n = s.length();
        ensure(n * 3 + 4);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { buf[size++] = '\\'; buf[size++] = '\\'; }
                    case '\t' -> { buf[size++] = '\\'; buf[size++] = 't'; }
                    case '\n' -> { buf[size++] = '\\'; buf[size++] = 'n'; }
                    case '\r' -> { buf[size++] = '\\'; buf[size++] = 'r'; }
                    case 0 -> { buf[size++] = '\\'; buf[size++] = '0'; }
                    default -> buf[size++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[size++] = (byte) (0xC0 | (c >> 6));
                buf[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return i;
                }
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[size++] = (byte) (0xF0 | (cp >> 18));
                buf[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[size++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buf[size++] = (byte) (0xE0 | (c >> 12));
                buf[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return -1;
    }
}
