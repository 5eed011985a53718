package dev.mirror.sqlserver.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceCatalogTest {
    @Test
    void catalogQueryReadsTypesDefaultsKeysAndTrackingForOneSchema() {
        assertThat(SourceCatalog.CATALOG).isEqualTo("SELECT t.name AS table_name, c.name AS column_name,"
                + " ty.name AS type_name, c.max_length, c.precision, c.scale, c.is_nullable,"
                + " dc.definition AS default_definition, ic.key_ordinal,"
                + " CASE WHEN ctt.object_id IS NULL THEN 0 ELSE 1 END AS tracked FROM sys.tables AS t"
                + " JOIN sys.columns AS c ON c.object_id = t.object_id"
                + " JOIN sys.types AS ty ON ty.user_type_id = c.system_type_id"
                + " LEFT JOIN sys.default_constraints AS dc ON dc.object_id = c.default_object_id"
                + " LEFT JOIN sys.indexes AS pk ON pk.object_id = t.object_id AND pk.is_primary_key = 1"
                + " LEFT JOIN sys.index_columns AS ic ON ic.object_id = pk.object_id AND ic.index_id = pk.index_id"
                + " AND ic.column_id = c.column_id"
                + " LEFT JOIN sys.change_tracking_tables AS ctt ON ctt.object_id = t.object_id"
                + " WHERE t.schema_id = SCHEMA_ID(?) AND t.is_ms_shipped = 0 ORDER BY t.name, c.column_id");
    }

    @Test
    void buildsSchemasAndReportsTablesThatCannotBeMirrored() {
        List<CatalogRow> rows = List.of(
                new CatalogRow("contact", "contact_id", "int", 4, 10, 0, false, null, 0, true),
                new CatalogRow("contact", "name", "nvarchar", 440, 0, 0, false, "(N'')", 0, true),
                new CatalogRow("contact", "registered", "datetime", 8, 23, 3, true, "(getdate())", 0, true),
                new CatalogRow("contact", "tenant", "smallint", 2, 5, 0, false, null, 1, true),
                new CatalogRow("contact", "amount", "decimal", 9, 19, 4, true, null, 0, true),
                new CatalogRow("contact", "stamp", "datetime2", 8, 27, 7, true, null, 0, true),
                new CatalogRow("contact", "blob", "image", 16, 0, 0, true, null, 0, true),
                new CatalogRow("contact", "owner", "sysname", 256, 0, 0, true, null, 0, true),
                new CatalogRow("heap", "x", "int", 4, 10, 0, false, null, 0, true),
                new CatalogRow("untracked", "id", "int", 4, 10, 0, false, null, 1, false),
                new CatalogRow("withxml", "id", "int", 4, 10, 0, false, null, 1, true),
                new CatalogRow("withxml", "doc", "xml", -1, 0, 0, true, null, 0, true),
                new CatalogRow("contact", "contact_id2", "int", 4, 10, 0, false, null, 2, true));
        SourceCatalog.Result r = SourceCatalog.build(rows);
        assertThat(r.tables()).hasSize(1);
        TableSchema contact = r.tables().get(0);
        assertThat(contact.name()).isEqualTo("contact");
        assertThat(contact.primaryKey()).containsExactly("tenant", "contact_id2");
        assertThat(contact.columns()).startsWith(
                new Column("contact_id", SqlType.of(SqlServerType.INT), false, null),
                new Column("name", SqlType.ofLength(SqlServerType.NVARCHAR, 220), false, "(N'')"),
                new Column("registered", SqlType.of(SqlServerType.DATETIME), true, "(getdate())"));
        assertThat(contact.column("amount").orElseThrow().type()).isEqualTo(SqlType.decimal(SqlServerType.DECIMAL, 19, 4));
        assertThat(contact.column("stamp").orElseThrow().type()).isEqualTo(SqlType.fractional(SqlServerType.DATETIME2, 7));
        assertThat(contact.column("blob").orElseThrow().type()).isEqualTo(SqlType.of(SqlServerType.IMAGE));
        assertThat(contact.column("owner").orElseThrow().type()).isEqualTo(SqlType.ofLength(SqlServerType.NVARCHAR, 128));
        assertThat(r.skipped()).extracting(SkippedTable::table).containsExactly("heap", "untracked", "withxml");
        assertThat(r.skipped().get(0).reason()).contains("no primary key");
        assertThat(r.skipped().get(1).reason()).contains("change tracking is not enabled").contains("enableChangeTracking");
        assertThat(r.skipped().get(2).reason()).contains("'doc'").contains("xml");
    }
}
