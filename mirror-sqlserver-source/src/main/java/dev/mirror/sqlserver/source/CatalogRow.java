package dev.mirror.sqlserver.source;

/**
 * One row of {@link SourceCatalog#CATALOG}: a column of a source table with its table's facts.
 *
 * @param table       table name
 * @param column      column name
 * @param typeName    system type name
 * @param maxLength   sys.columns.max_length (bytes, -1 for max)
 * @param precision   sys.columns.precision
 * @param scale       sys.columns.scale
 * @param nullable    sys.columns.is_nullable
 * @param defaultExpr sys.default_constraints.definition, or null
 * @param keyOrdinal  position in the primary key (1-based), 0 when not a key column
 * @param tracked     whether change tracking is enabled on the table
 */
record CatalogRow(String table, String column, String typeName, int maxLength, int precision, int scale,
                  boolean nullable, String defaultExpr, int keyOrdinal, boolean tracked) {
}
