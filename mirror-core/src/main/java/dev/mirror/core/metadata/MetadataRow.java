package dev.mirror.core.metadata;

import java.time.LocalDateTime;

/**
 * One row of {@code <context>_mirroring}.
 *
 * @param table      source table name (primary key)
 * @param schemaHash hash of the source schema the mirror table was last reconciled to
 * @param lsn        stored LSN; -1 asks for a full repopulation
 * @param state      {@link MetadataTable#OK}, {@link MetadataTable#REPOPULATING}, {@link MetadataTable#FAILED} or {@link MetadataTable#BLOCKED}
 * @param schemaDef  canonical schema text (may be null for rows written by hand)
 * @param updatedAt  last change, UTC (may be null)
 * @param message    last failure or note (may be null)
 */
public record MetadataRow(String table, String schemaHash, long lsn, String state, String schemaDef,
                          LocalDateTime updatedAt, String message) {
}
