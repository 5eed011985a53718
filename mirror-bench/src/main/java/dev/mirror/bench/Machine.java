package dev.mirror.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a benchmark ran on, as printed with its results.
 *
 * @param cores     available processors
 * @param ramBytes  physical memory
 * @param cpu       CPU model name (from /proc/cpuinfo where available)
 * @param os        operating system name and version
 * @param jvm       JVM name and version
 * @param maxHeap   this JVM's maximum heap
 * @param target    the PostgreSQL server's {@code SELECT version()}
 */
record Machine(int cores, long ramBytes, String cpu, String os, String jvm, long maxHeap, String target) {

    static Machine describe(String postgresVersion) {
        long ram = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new Machine(Runtime.getRuntime().availableProcessors(), ram, cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory(), postgresVersion);
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    String markdown() {
        return "| | |\n|---|---|\n"
                + "| CPU | " + cores + " cores, " + cpu + " |\n"
                + "| RAM | " + String.format("%.1f GiB", ramBytes / (1024.0 * 1024 * 1024)) + " |\n"
                + "| OS | " + os + " |\n"
                + "| JVM | " + jvm + ", max heap " + maxHeap / (1024 * 1024) + " MiB |\n"
                + "| Target | " + target + " |\n";
    }
}
