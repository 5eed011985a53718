/**
 * The SuperOffice database-mirroring endpoint (IMirroringClientService, SOAP 1.1): a push change source
 * that validates SuperOffice's signed tokens, answers with the application's signed token, and turns
 * TableSchema, RowData, Wipe and ReplicationCompleted calls into steps of the mirroring protocol.
 */
package dev.mirror.superoffice;
