package dev.mirror.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time a phase costs: this JVM's (every thread: the endpoint's, the apply threads', the client's, GC and JIT)
 * and, when PostgreSQL runs on this machine and {@code /proc} can be read, every {@code postgres} process's (the
 * backends, the WAL writer, the checkpointer). A rate says how fast a path went on this machine; CPU per row says what
 * it costs, which is what bounds it when the cores are shared, as they are on a 2-core machine running both.
 */
final class CpuMeter {
    /** Linux reports process times in USER_HZ ticks, which is 100 per second on every architecture it supports. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final Path PROC = Path.of("/proc");

    /** CPU nanoseconds of this JVM and of the local server; {@code server} is -1 when it cannot be read. */
    record Sample(long jvm, long server) {
        Sample minus(Sample before) {
            return new Sample(jvm - before.jvm, server < 0 || before.server < 0 ? -1 : server - before.server);
        }
    }

    private final boolean localServer;

    /** @param jdbcUrl the server's URL: its processes are counted only when the host is this machine's loopback */
    CpuMeter(String jdbcUrl) {
        this.localServer = isLoopback(jdbcUrl) && Files.isDirectory(PROC);
    }

    Sample now() {
        return new Sample(jvmNanos(), localServer ? serverNanos() : -1);
    }

    static boolean isLoopback(String jdbcUrl) {
        try {
            String host = URI.create(jdbcUrl.replaceFirst("^jdbc:", "")).getHost();
            return host != null && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static long jvmNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static long serverNanos() {
        long ticks = 0;
        try (Stream<Path> pids = Files.list(PROC)) {
            for (Path p : (Iterable<Path>) pids.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))::iterator) {
                ticks += postgresTicks(p);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return ticks * NANOS_PER_TICK;
    }

    /** utime + stime of one process when its command is {@code postgres}; 0 otherwise or when it is gone. */
    static long postgresTicks(Path pid) {
        try {
            String stat = Files.readString(pid.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < open || !stat.substring(open + 1, close).equals("postgres")) {
                return 0;
            }
            String[] f = stat.substring(close + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of proc(5): utime, stime
        } catch (IOException | RuntimeException e) {
            return 0; // ended meanwhile, or not ours to read
        }
    }
}
