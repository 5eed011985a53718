package dev.mirror.sample;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base (step 1) schemas of the sample: SuperOffice's 413-table physical schema, parsed from the
 * {@code superoffice-schema.tsv} resource (table, ordinal, column, sqlserver_type, nullable, default; the
 * first column of each table is its primary key), plus three tables SuperOffice does not announce in that
 * capture but blocks by default, so the demo shows the blocklist at work.
 */
final class SchemaCatalog {
    static final String RESOURCE = "superoffice-schema.tsv";

    /** The core tables of the default {@code tables: core} selection, in announcement order. */
    static final List<String> CORE = List.of("associate", "contact", "person", "project", "sale", "appointment", "text",
            "udcontactsmall");

    private SchemaCatalog() {
    }

    /** The blocked extras (not in the tsv): small schemas in SuperOffice's style. */
    static List<TableSchema> blockedExtras() {
        return List.of(
                table("credentials", "credentials_id int", "associate_id int", "type smallint", "value nvarchar(255)",
                        "registered datetime", "updated datetime"),
                table("countervalue", "countervalue_id int", "table_id smallint", "record_id int", "value int",
                        "updated datetime"),
                table("travelgeneratedtransaction", "travelgeneratedtransaction_id int", "tablenumber smallint",
                        "record_id int", "operation smallint", "registered datetime"));
    }

    /** Every table of the tsv, in file order (alphabetical). */
    static Map<String, TableSchema> superOffice() {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        InputStream in = SchemaCatalog.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw MirrorException.internal("resource " + RESOURCE + " is missing from the mirror-sample jar", null);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = r.readLine(); // header
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 5) {
                    throw MirrorException.internal(RESOURCE + " line " + n + " has " + f.length + " fields, expected 6", null);
                }
                String def = f.length > 5 && !f[5].isBlank() ? f[5].trim().replaceFirst("^default\\s*", "") : null;
                columns.computeIfAbsent(f[0], k -> new ArrayList<>())
                        .add(new Column(f[2], SqlType.parse(f[3]), Boolean.parseBoolean(f[4]), def));
            }
        } catch (IOException e) {
            throw MirrorException.internal("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        Map<String, TableSchema> tables = new LinkedHashMap<>();
        columns.forEach((name, cols) -> tables.put(name, new TableSchema(name, cols, List.of(cols.get(0).name()))));
        return Collections.unmodifiableMap(tables);
    }

    private static TableSchema table(String name, String... columns) {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            String[] p = columns[i].split(" ", 2);
            cols.add(Column.of(p[0], SqlType.parse(p[1]), i > 0 && !p[1].equals("datetime")));
        }
        return new TableSchema(name, cols, List.of(cols.get(0).name()));
    }
}
