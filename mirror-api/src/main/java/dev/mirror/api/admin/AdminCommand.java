package dev.mirror.api.admin;

import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One administrative action a source offers, such as enabling SQL Server Change Tracking on the source database. Run by
 * {@code mirror admin NAME [--dry-run]} on the main thread, after the source is created, while no cycle runs in this
 * process. The command uses the source's own connection settings.
 */
public interface AdminCommand {
    /** What {@link #name()} must look like: lower-case words joined by hyphens, as typed on the command line. */
    Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * The name typed after {@code mirror admin}, matching {@link #NAME} (for example {@code enable-change-tracking});
     * unique among the source's commands. Never null; called any number of times.
     */
    String name();

    /** One line saying what the command does, listed by {@code mirror admin} without a command. Never null. */
    String description();

    /**
     * Whether {@link #run} with {@code dryRun = true} only prints what it would do. When false, {@code mirror admin}
     * refuses {@code --dry-run} for this command instead of running it.
     */
    boolean supportsDryRun();

    /**
     * Runs the command. Prints what it does to {@code output} as it goes, one line per call (for SQL: each statement,
     * before it runs), so that a user sees how far it got when it fails. Never prints a secret.
     *
     * @param dryRun true to only print what would be done (only passed when {@link #supportsDryRun()} is true)
     * @param output receives each line; never null
     * @return a one-line summary of the result (for example {@code done: 3 statements} or {@code nothing to do}), never
     *         null
     * @throws dev.mirror.api.MirrorException when the command fails, with a message saying what went wrong and what to
     *         do (category SOURCE for an unreachable source, CONFIGURATION for missing rights or settings); the caller
     *         prints it and exits non-zero
     */
    String run(boolean dryRun, Consumer<String> output);
}
