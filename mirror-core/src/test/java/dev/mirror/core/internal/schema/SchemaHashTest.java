package dev.mirror.core.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaHashTest {
    static TableSchema contact() {
        return new TableSchema("contact", List.of(
                new Column("contact_id", SqlType.parse("int"), false, null),
                new Column("name", SqlType.parse("nvarchar(220)"), false, "(N'')"),
                new Column("amount", SqlType.parse("decimal(19,4)"), true, null),
                new Column("registered", SqlType.parse("datetime"), false, "(N'1760-01-01 00:00:00')")),
                List.of("contact_id"));
    }

    @Test
    void theCanonicalFormIsExactlyAsDocumented() {
        assertThat(CanonicalSchema.format(contact())).isEqualTo("""
                mirror-schema v1
                table contact
                column contact_id\tint\tNOT NULL\t-
                column name\tnvarchar(220)\tNOT NULL\t(N'')
                column amount\tdecimal(19,4)\tNULL\t-
                column registered\tdatetime\tNOT NULL\t(N'1760-01-01 00:00:00')
                key contact_id
                """);
    }

    @Test
    void theHashIsPinnedSoItIsTheSameOnEveryMachineAndJvm() {
        // computed independently with coreutils sha256sum over the canonical text above
        assertThat(SchemaHash.of(contact())).isEqualTo(SchemaHash.sha256(CanonicalSchema.format(contact())))
                .hasSize(64).matches("[0-9a-f]{64}");
        assertThat(SchemaHash.of(contact())).isEqualTo(PINNED);
        assertThat(SchemaHash.of(contact())).isEqualTo(SchemaHash.of(contact()));
    }

    static final String PINNED = "6c423a705a2a1ffb5c9a1bb9bf5fad3c2a232e86b17c8d7bc9f86cc56f55ebf8";

    @Test
    void everyDifferenceChangesTheHash() {
        TableSchema base = contact();
        List<TableSchema> variants = new ArrayList<>();
        variants.add(new TableSchema("Contact", base.columns(), base.primaryKey()));            // table name case
        variants.add(replace(base, 1, new Column("Name", SqlType.parse("nvarchar(220)"), false, "(N'')"))); // column name
        variants.add(replace(base, 1, new Column("name", SqlType.parse("nvarchar(221)"), false, "(N'')"))); // length
        variants.add(replace(base, 1, new Column("name", SqlType.parse("varchar(220)"), false, "(N'')")));  // type
        variants.add(replace(base, 1, new Column("name", SqlType.parse("nvarchar(220)"), true, "(N'')")));  // nullability
        variants.add(replace(base, 1, new Column("name", SqlType.parse("nvarchar(220)"), false, null)));    // default
        variants.add(replace(base, 1, new Column("name", SqlType.parse("nvarchar(220)"), false, "('')")));  // default text
        variants.add(replace(base, 2, new Column("amount", SqlType.parse("decimal(19,2)"), true, null)));   // scale
        variants.add(replace(base, 2, new Column("amount", SqlType.parse("decimal(18,4)"), true, null)));   // precision
        List<Column> swapped = new ArrayList<>(base.columns());
        java.util.Collections.swap(swapped, 2, 3);
        variants.add(new TableSchema("contact", swapped, base.primaryKey()));                                // order
        variants.add(new TableSchema("contact", base.columns(), List.of("contact_id", "name")));              // key
        Set<String> hashes = new HashSet<>();
        hashes.add(SchemaHash.of(base));
        for (TableSchema v : variants) {
            assertThat(hashes.add(SchemaHash.of(v))).as("variant %s", CanonicalSchema.format(v)).isTrue();
        }
    }

    @Test
    void canonicalTextParsesBackIncludingHostileNames() {
        TableSchema hostile = new TableSchema("we\tird\\na\nme", List.of(
                new Column("k]\"';--", SqlType.parse("bigint"), false, "-"),
                new Column("ü😀 x", SqlType.parse("nvarchar(max)"), true, "a\tb")), List.of("k]\"';--"));
        for (TableSchema s : List.of(contact(), hostile)) {
            assertThat(CanonicalSchema.parse(CanonicalSchema.format(s))).isEqualTo(s);
        }
    }

    private static TableSchema replace(TableSchema s, int index, Column c) {
        List<Column> cols = new ArrayList<>(s.columns());
        cols.set(index, c);
        return new TableSchema(s.name(), cols, s.primaryKey());
    }
}
