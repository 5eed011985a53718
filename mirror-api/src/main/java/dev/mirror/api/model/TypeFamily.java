package dev.mirror.api.model;

/**
 * Groups of SQL Server types inside which a column can be widened in place (for example
 * {@code int → bigint}, {@code nvarchar(50) → nvarchar(100)}). A change across families forces a
 * drop, recreate and repopulate of the mirror table.
 */
public enum TypeFamily {
    INTEGER, EXACT_NUMERIC, APPROXIMATE_NUMERIC, CHARACTER, BINARY, DATETIME, DATE, TIME, DATETIMEOFFSET, BOOLEAN, UUID
}
