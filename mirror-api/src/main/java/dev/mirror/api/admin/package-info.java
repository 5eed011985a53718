/**
 * The optional diagnostics/admin facet of a source ({@link dev.mirror.api.source.Source#diagnostics()}): status
 * details that {@code mirror status} and the status page show next to core's own columns, and admin commands that
 * {@code mirror admin} lists and runs. Through it a plugin adds both without the command-line tool naming any of its
 * classes.
 */
package dev.mirror.api.admin;
