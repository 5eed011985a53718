package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.core.Mirror;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hooks see the mirror table as it is: the indexes plugin, which refuses an index on a column the table's schema does
 * not have, builds indexes declared on the mode columns ({@code _mirror_active}, {@code _mirror_deleted}) at create and
 * again on the shadow of a repopulation.
 */
class IndexesOnModeColumnsTest {
    @TempDir
    Path dir;

    private Map<String, Object> config(int step) {
        Map<String, Object> tree = new LinkedHashMap<>(TestMirrors.sampleToTarget("IdxModes", "h2", TestMirrors.h2Url(dir),
                Map.of("advance", false, "steps", step), Map.of()));
        tree.put("options", Map.of("tables", Map.of("contact", Map.of("mode", "history"), "person", Map.of("mode", "softDelete"))));
        tree.put("hooks", List.of(Map.of("name", "indexes", "tables", Map.of(
                "contact", List.of(Map.of("name", "ix_contact_current", "columns", List.of("_mirror_active", "contact_id"))),
                "person", List.of(Map.of("name", "ix_person_deleted", "columns", List.of("_mirror_deleted", "person_id")))))));
        return tree;
    }

    @Test
    void indexesOnModeColumnsAreBuiltAtCreateAndOnTheShadow() throws Exception {
        cycle(1, false);
        cycle(2, true);
        cycle(2, false);
    }

    private void cycle(int step, boolean resyncFirst) throws Exception {
        try (Mirror m = TestMirrors.build(config(step))) {
            if (resyncFirst) {
                m.resync(List.of("contact", "person"));
            }
            CycleReport r = m.runCycle();
            assertThat(r.failures()).isEmpty();
            assertThat(r.tables()).as("no hook warnings").allSatisfy(t -> assertThat(t.reason()).doesNotContain("hook '"));
            try (Connection c = m.target().dataSource().getConnection()) {
                Set<String> contact = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                contact.addAll(m.target().dialect().catalog().listIndexes(c, "contact"));
                Set<String> person = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                person.addAll(m.target().dialect().catalog().listIndexes(c, "person"));
                assertThat(contact).contains("ix_contact_current");
                assertThat(person).contains("ix_person_deleted");
            }
        }
    }
}
