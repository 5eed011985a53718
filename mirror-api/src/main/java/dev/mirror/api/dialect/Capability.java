package dev.mirror.api.dialect;

/**
 * What a target dialect can do beyond the required minimum. The conformance kit skips nothing: a test
 * for a capability the dialect lacks asserts the documented error or fallback instead.
 */
public enum Capability {
    /** DDL is transactional: a table can be created, filled and renamed into place in one transaction. */
    TRANSACTIONAL_DDL,
    /** {@link DialectDdl#renameTable} and {@link DialectDdl#renameIndex} are supported (shadow-table swap on repopulation). */
    RENAME_TABLE,
    /** Column types can be changed in place ({@link DialectDdl#alterColumn}). */
    ALTER_COLUMN,
    /** Indexes can carry included (non-key) columns. */
    INDEX_INCLUDE,
    /** Indexes can carry a filter predicate. */
    INDEX_FILTER
}
