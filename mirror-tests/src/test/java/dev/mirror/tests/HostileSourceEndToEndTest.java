package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.protocol.CycleReport;
import dev.mirror.api.protocol.SchemaAction;
import dev.mirror.core.Mirror;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input end to end: a hostile but valid table and column name is mirrored (quoted, never concatenated raw); a name
 * the target cannot hold fails that table only with a clear error; an over-long name is mapped deterministically; a
 * source stream that breaks mid-way rolls that table back and reports it; the ordinary table is mirrored regardless.
 */
public class HostileSourceEndToEndTest {
    @TempDir
    protected Path dir;

    protected Map<String, Object> target() {
        return Map.of("dialect", "h2", "url", TestMirrors.h2Url(dir));
    }

    @Test
    void eachBadTableFailsAloneWithAClearErrorAndTheOthersAreMirrored() throws Exception {
        HostileSourceProvider.RESULTS.clear();
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("context", "Hostile");
        tree.put("source", Map.of("type", "hostile"));
        tree.put("target", target());
        try (Mirror m = TestMirrors.build(tree)) {
            CycleReport r = m.runCycle();
            var byTable = new LinkedHashMap<String, dev.mirror.api.protocol.TableReport>();
            r.tables().forEach(t -> byTable.put(t.table(), t));

            assertThat(byTable.get(HostileSourceProvider.NUL).action()).isEqualTo(SchemaAction.FAILED);
            assertThat(byTable.get(HostileSourceProvider.NUL).reason()).contains("retried next cycle");
            assertThat(byTable.get(HostileSourceProvider.BREAKS).error()).contains("source connection was lost");
            assertThat(byTable.get(HostileSourceProvider.TOO_LONG).action()).isEqualTo(SchemaAction.FAILED);
            assertThat(byTable.get(HostileSourceProvider.TOO_LONG).reason()).contains("holds names of up to 450");
            assertThat(byTable.get(HostileSourceProvider.ORDINARY).failed()).isFalse();
            assertThat(byTable.get(HostileSourceProvider.HOSTILE).failed()).isFalse();
            assertThat(byTable.get(HostileSourceProvider.LONG).failed()).as("%s", byTable.get(HostileSourceProvider.LONG)).isFalse();

            try (Connection c = m.target().dataSource().getConnection(); Statement s = c.createStatement()) {
                var d = m.target().dialect();
                for (String ok : new String[] {HostileSourceProvider.ORDINARY, HostileSourceProvider.HOSTILE, HostileSourceProvider.LONG}) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + d.names().quote(d.names().targetName(ok)))) {
                        rs.next();
                        assertThat(rs.getLong(1)).as("rows of %s", ok).isEqualTo(HostileSourceProvider.ROWS);
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + d.names().quote(d.names().targetName(HostileSourceProvider.BREAKS)))) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("the broken stream was rolled back").isZero();
                }
            }
            assertThat(m.status()).filteredOn(row -> row.table().equals(HostileSourceProvider.BREAKS)).singleElement()
                    .satisfies(row -> assertThat(row.lsn()).isEqualTo(-1));
        }
    }
}
