/**
 * The mirror SPI. Everything a plugin sees is an interface, a record or an enum in this package tree;
 * it depends on the JDK and slf4j-api only. The central contract is
 * {@link dev.mirror.api.protocol.MirrorProtocol}: the SuperOffice mirroring protocol (schema, LSN per
 * table, batches of row changes, wipe, completed) which core implements once and every source drives.
 * The plugin kinds are {@link dev.mirror.api.dialect.TargetDialectProvider},
 * {@link dev.mirror.api.source.PullSourceProvider}, {@link dev.mirror.api.source.PushSourceProvider} and
 * {@link dev.mirror.api.hook.LifecycleHookProvider}, found through {@link java.util.ServiceLoader} and chosen by name in
 * the configuration; every provider's {@code create} gets a {@link dev.mirror.api.PluginContext}.
 */
package dev.mirror.api;
