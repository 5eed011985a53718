package dev.mirror.bench;

import java.time.Duration;
import java.time.Instant;

/** The markdown report: machine, command, settings, the results table and every run's figures. */
final class Report {
    private Report() {
    }

    static String markdown(Machine machine, String command, Instant started, Instant finished, String settings, Results results) {
        StringBuilder b = new StringBuilder();
        b.append("### Machine\n\n").append(machine.markdown()).append('\n');
        b.append("### Command\n\n```\n").append(command).append("\n```\n\n");
        b.append(settings).append(". Started ").append(started).append(", took ")
                .append(Duration.between(started, finished).toSeconds()).append(" s.\n\n");
        b.append("### Results\n\n").append(Result.markdownHeader()).append('\n');
        results.lines().forEach(r -> b.append(r.markdownRow()).append('\n'));
        if (!results.details().isEmpty()) {
            b.append("\n### Every run\n\n");
            results.details().forEach(d -> b.append("- ").append(d).append('\n'));
        }
        return b.toString();
    }
}
