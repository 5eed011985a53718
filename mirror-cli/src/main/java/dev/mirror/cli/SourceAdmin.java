package dev.mirror.cli;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.MirrorException;
import dev.mirror.api.admin.AdminCommand;
import dev.mirror.api.admin.Diagnostics;
import dev.mirror.core.Mirror;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lists and runs the admin commands a source offers through {@link Diagnostics#commands()}: shared by
 * {@code mirror admin} and its aliases (such as {@code mirror enable-change-tracking}), so that the CLI knows no
 * plugin's classes.
 */
final class SourceAdmin {
    private final Mirror mirror;
    private final PrintWriter out;

    SourceAdmin(Mirror mirror, PrintWriter out) {
        this.mirror = requireNonNull(mirror, "mirror is null");
        this.out = requireNonNull(out, "out is null");
    }

    /** The source's commands, checked: a plugin bug (bad or repeated name) is reported naming the source. */
    List<AdminCommand> commands() {
        List<AdminCommand> commands = mirror.source().diagnostics().map(Diagnostics::commands).orElse(List.of());
        Set<String> names = new HashSet<>();
        for (AdminCommand c : commands) {
            String name = c.name();
            if (name == null || !AdminCommand.NAME.matcher(name).matches() || !names.add(name)) {
                throw MirrorException.internal("the source '" + sourceType() + "' offers an admin command named '" + name
                        + "', which is " + (name != null && names.contains(name) ? "repeated" : "not lower-case words joined by hyphens")
                        + ": report this to the plugin's authors", null);
            }
        }
        return commands;
    }

    /** Prints the source's commands with their descriptions (or that it has none). */
    void list() {
        List<AdminCommand> commands = commands();
        if (commands.isEmpty()) {
            out.println("the source '" + sourceType() + "' offers no admin commands");
        } else {
            out.println("admin commands of the source '" + sourceType() + "' (run: mirror admin COMMAND --config FILE [--dry-run]):");
            TextTable t = new TextTable("command", "dry run", "description");
            commands.forEach(c -> t.row(c.name(), c.supportsDryRun() ? "yes" : "no", c.description()));
            out.print(t.render("  "));
        }
        out.flush();
    }

    /**
     * Runs the named command, printing each line it reports as it goes, then its summary.
     *
     * @throws MirrorException (CONFIGURATION) when the source has no such command or the command has no dry run
     */
    void run(String name, boolean dryRun) {
        List<AdminCommand> commands = commands();
        Optional<AdminCommand> found = commands.stream().filter(c -> c.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            throw MirrorException.configuration("UNKNOWN_ADMIN_COMMAND", "the source '" + sourceType()
                    + "' has no admin command '" + name + "'; " + available(commands));
        }
        AdminCommand command = found.get();
        if (dryRun && !command.supportsDryRun()) {
            throw MirrorException.configuration("NO_DRY_RUN", "the admin command '" + name + "' of the source '"
                    + sourceType() + "' has no dry run: run it without --dry-run");
        }
        String summary = command.run(dryRun, line -> {
            out.println(line);
            out.flush();
        });
        out.println(summary);
        out.flush();
    }

    private String available(List<AdminCommand> commands) {
        return commands.isEmpty() ? "it offers no admin commands"
                : "its commands are: " + commands.stream().map(AdminCommand::name).collect(Collectors.joining(", "))
                        + " (list them with descriptions: mirror admin --config FILE)";
    }

    String sourceType() {
        return mirror.settings().sourceType();
    }
}
