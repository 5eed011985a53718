/**
 * Reusable parts of JDBC target dialects, built only on {@code mirror-api}: {@link dev.mirror.dialect.support.HashedNames}
 * (identifier mapping with a hash suffix and quoting), {@link dev.mirror.dialect.support.StandardDdl} (DDL from a
 * dialect's names and types), and {@link dev.mirror.dialect.support.StagedApply} (the staged, set-wise apply of change
 * batches, driven by a dialect's {@link dev.mirror.dialect.support.StageSql} and
 * {@link dev.mirror.dialect.support.StageWriter}). Nothing here knows a particular database.
 */
package dev.mirror.dialect.support;
