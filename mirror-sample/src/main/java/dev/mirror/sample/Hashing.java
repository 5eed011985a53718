package dev.mirror.sample;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic hashing for the generator. Only JDK-specified arithmetic is used (no {@code hashCode} of
 * objects whose algorithm is unspecified), so the data set is identical on every machine and JVM.
 */
final class Hashing {
    private Hashing() {
    }

    /** SplitMix64's finalizer: a fast, well-mixed 64-bit permutation. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A stable 64-bit seed of a name (FNV-1a over its UTF-8 bytes). */
    static long seed(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Combines a seed with further values. */
    static long of(long seed, long a, long b) {
        return mix(mix(seed ^ mix(a)) + b);
    }
}
