/**
 * Reusable parts of JDBC target dialects, built only on {@code mirror-api}: {@link dev.mirror.dialect.support.HashedNames}
 * (identifier mapping with a hash suffix and quoting), {@link dev.mirror.dialect.support.StandardDdl} (DDL from a
 * dialect's names and types), {@link dev.mirror.dialect.support.BatchInsertBulkLoader} and
 * {@link dev.mirror.dialect.support.BatchInsert} (a bulk path of batched, bound inserts, values bound by a dialect's
 * {@link dev.mirror.dialect.support.ValueBinder}), and {@link dev.mirror.dialect.support.StagedApply} (the staged, set-wise apply of change
 * batches, driven by a dialect's {@link dev.mirror.dialect.support.StageSql} and
 * {@link dev.mirror.dialect.support.StageWriter}; {@link dev.mirror.dialect.support.StageColumns} builds a stage's column
 * references), and {@link dev.mirror.dialect.support.DefaultLiterals} (reading the text of a typed string default as a
 * date, datetime or uuid). Nothing here knows a particular database.
 */
package dev.mirror.dialect.support;
