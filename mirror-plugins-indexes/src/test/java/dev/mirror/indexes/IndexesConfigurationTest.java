package dev.mirror.indexes;

import static dev.mirror.indexes.Fixtures.index;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.dialect.IndexDefinition;
import dev.mirror.api.dialect.IndexDefinition.IndexColumn;
import dev.mirror.testkit.hook.MapPluginConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexesConfigurationTest {
    @Test
    void readsTheDocumentedExample() {
        MapPluginConfig config = new MapPluginConfig("hooks[0]", Map.of("tables", Map.of("contact", List.of(
                index("ix_contact_name", List.of("name", "department desc"), "unique", false,
                        "include", List.of("business_idx"), "filter", "deleted = 0"),
                index("ix_contact_dept", List.of(Map.of("name", "department", "descending", true), Map.of("name", "name"))),
                index("ux_contact_id", List.of(" contact_id  ASC "), "unique", "true")))));
        DeclaredIndexes declared = IndexesConfiguration.read(config);

        assertThat(config.problems()).isEmpty();
        assertThat(config.unknownKeys()).isEmpty();
        assertThat(declared.forTable("Contact")).containsExactly(
                new IndexDefinition("ix_contact_name", List.of(new IndexColumn("name", false), new IndexColumn("department", true)),
                        false, List.of("business_idx"), "deleted = 0"),
                new IndexDefinition("ix_contact_dept", List.of(new IndexColumn("department", true), new IndexColumn("name", false)),
                        false, List.of(), null),
                new IndexDefinition("ux_contact_id", List.of(new IndexColumn("contact_id", false)), true, List.of(), null));
        assertThat(declared.forTable("person")).isEmpty();
        assertThat(declared.count()).isEqualTo(3);
    }

    @Test
    void reportsEveryProblemAtOnceAndKeepsTheValidIndexes() {
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("contact", List.of(
                Map.of("columns", List.of("name")),                                              // no name
                index("ix_no_columns", List.of()),                                               // no columns
                index("ix_mixed", List.of("name", Map.of("name", "department"))),                // mixed forms
                index("ix_blank_filter", List.of("name"), "filter", "  "),                       // blank filter
                index("ix_twice", List.of("name", "NAME")),                                      // column twice
                index("ix_include_key", List.of("name"), "include", List.of("name")),            // include is a key
                index("ix_unique", List.of("name"), "unique", "perhaps"),                        // not a boolean
                index("ix_typo", List.of("name"), "uniqe", true),                                // unknown key
                index("ix_good", List.of("name"))));
        tables.put("person", List.of(index("IX_GOOD", List.of("firstname"))));               // name used on contact
        tables.put("empty", List.of());                                                      // no index
        MapPluginConfig config = new MapPluginConfig("hooks[0]", Map.of("tables", tables));

        DeclaredIndexes declared = IndexesConfiguration.read(config);

        assertThat(config.problems()).anySatisfy(p -> assertThat(p).startsWith("hooks[0].tables.contact[0].name: is required"))
                .anySatisfy(p -> assertThat(p).startsWith("hooks[0].tables.contact[1].columns: is required"))
                .anySatisfy(p -> assertThat(p).startsWith("hooks[0].tables.contact[2].columns: mixes plain names and maps"))
                .anySatisfy(p -> assertThat(p).startsWith("hooks[0].tables.contact[3].filter: is blank"))
                .anySatisfy(p -> assertThat(p).startsWith("hooks[0].tables.contact[4].columns: names column 'NAME' twice"))
                .anySatisfy(p -> assertThat(p).startsWith("hooks[0].tables.contact[5].include: column 'name' is already a key"))
                .anySatisfy(p -> assertThat(p).startsWith("hooks[0].tables.contact[6].unique: expected true or false"))
                .anySatisfy(p -> assertThat(p).contains("hooks[0].tables.person: index name 'IX_GOOD' is already declared on table 'contact'"))
                .anySatisfy(p -> assertThat(p).startsWith("hooks[0].tables.empty: declares no index"));
        assertThat(config.unknownKeys()).containsExactly("hooks[0].tables.contact[7].uniqe");
        // ix_unique's problem is in the value of a flag (recorded, startup fails on it); its shape is valid.
        assertThat(declared.forTable("contact")).extracting(IndexDefinition::name).containsExactly("ix_unique", "ix_typo", "ix_good");
        assertThat(declared.forTable("person")).isEmpty();
    }

    @Test
    void missingOrMalformedTablesAreReported() {
        MapPluginConfig missing = new MapPluginConfig("hooks[1]", Map.of());
        assertThat(IndexesConfiguration.read(missing).count()).isZero();
        assertThat(missing.problems()).singleElement().asString().startsWith("hooks[1].tables: is required");

        MapPluginConfig notAMap = new MapPluginConfig("hooks[1]", Map.of("tables", List.of("contact")));
        IndexesConfiguration.read(notAMap);
        assertThat(notAMap.problems()).anySatisfy(p -> assertThat(p).startsWith("hooks[1].tables: expected a map"));

        MapPluginConfig empty = new MapPluginConfig("hooks[1]", Map.of("tables", Map.of()));
        IndexesConfiguration.read(empty);
        assertThat(empty.problems()).singleElement().asString().contains("declares no table");

        MapPluginConfig notAList = new MapPluginConfig("hooks[1]", Map.of("tables", Map.of("contact", "ix_name")));
        IndexesConfiguration.read(notAList);
        assertThat(notAList.problems()).singleElement().asString().startsWith("hooks[1].tables.contact: expected a list of maps");
    }

    @Test
    void tableDeclaredTwiceInDifferentCaseIsReported() {
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("contact", List.of(index("ix_a", List.of("name"))));
        tables.put("CONTACT", List.of(index("ix_b", List.of("name"))));
        MapPluginConfig config = new MapPluginConfig("hooks[0]", Map.of("tables", tables));
        IndexesConfiguration.read(config);
        assertThat(config.problems()).singleElement().asString().contains("CONTACT: table is declared twice");
    }
}
