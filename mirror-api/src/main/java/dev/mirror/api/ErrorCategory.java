package dev.mirror.api;

/**
 * What kind of failure a {@link MirrorException} reports. The command-line tool maps each category to
 * its own exit code, so an operator (or a scheduler) can tell a bad configuration from an unreachable
 * target without reading the message.
 */
public enum ErrorCategory {
    /** The configuration is wrong or incomplete; retrying will not help until a person changes it. */
    CONFIGURATION,
    /** The change source failed or sent something unusable. */
    SOURCE,
    /** The target database failed or refused a statement. */
    TARGET,
    /** A defect in mirror or a plugin; report it with the stack trace. */
    INTERNAL
}
