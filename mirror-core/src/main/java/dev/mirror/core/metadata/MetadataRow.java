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
 * @param options    the table options the mirror table was built with, e.g. {@code mode=history;hash=email;salt=…}
 *                   (null in rows written before options existed: {@code mode=mirror})
 */
public record MetadataRow(String table, String schemaHash, long lsn, String state, String schemaDef,
                          LocalDateTime updatedAt, String message, String options) {
    /** A row without recorded options. */
    public MetadataRow(String table, String schemaHash, long lsn, String state, String schemaDef, LocalDateTime updatedAt,
                       String message) {
        this(table, schemaHash, lsn, state, schemaDef, updatedAt, message, null);
    }

    /** The table's mode as recorded ({@code mirror}, {@code softDelete} or {@code history}). */
    public String mode() {
        if (options == null) {
            return "mirror";
        }
        for (String part : options.split(";")) {
            if (part.startsWith("mode=")) {
                return part.substring(5);
            }
        }
        return "mirror";
    }
}
