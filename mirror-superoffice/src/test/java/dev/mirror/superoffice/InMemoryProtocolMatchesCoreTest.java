package dev.mirror.superoffice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.Row;
import dev.mirror.api.model.TableSchema;
import dev.mirror.superoffice.sim.InMemoryProtocol;
import dev.mirror.superoffice.sim.InMemorySessions;
import dev.mirror.superoffice.sim.SimSource;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import dev.mirror.superoffice.sim.TestKeys;
import dev.mirror.testkit.source.KitMirror;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one fake protocol left ({@code sim/InMemoryProtocol}, kept for the endpoint's wire-level tests, which inspect
 * concurrency and the completions it records) against core: the same scripted SOAP cycles are posted to two endpoints,
 * one serving the fake, one serving core's sessions on H2, and after every cycle both hold the same tables, rows and
 * LSNs. A behaviour of the fake that core does not share fails here.
 */
class InMemoryProtocolMatchesCoreTest {
    @TempDir
    Path dir;

    @Test
    void theFakeEndsEveryCycleWhereCoreEnds() {
        KeyPair so = TestKeys.generate();
        KeyPair app = TestKeys.generate();
        SimSource src = new SimSource();
        InMemorySessions fake = new InMemorySessions();
        try (SuperOfficeSource fakeEndpoint = SuperOfficePushKitTest.endpoint(dir, so, app);
             KitMirror core = KitMirror.start(SuperOfficePushKitTest.endpoint(dir, so, app), "Cust7", Set.of())) {
            fakeEndpoint.serve(fake);
            core.mirror().serve();
            SuperOfficeSimulator toFake = SuperOfficePushKitTest.simulator(fakeEndpoint, so, app);
            SuperOfficeSimulator toCore = SuperOfficePushKitTest.simulator((SuperOfficeSource) core.mirror().pushSource(), so, app);
            for (int cycle = 1; cycle <= 3; cycle++) {
                SuperOfficePushKitTest.script(src, cycle);
                toFake.runCycle("Cust7", src);
                toCore.runCycle("Cust7", src);
                InMemoryProtocol f = fake.existing("Cust7");
                assertThat(core.tables()).as("cycle %d: tables", cycle).containsExactlyInAnyOrderElementsOf(f.tableNames());
                for (TableSchema t : src.schemas()) {
                    List<Row> rows = new ArrayList<>();
                    f.rows(t.name()).values().forEach(v -> rows.add(Row.of(v)));
                    core.assertRows(f.schemaOf(t.name()), rows);
                    assertThat(core.lsn(t.name())).as("cycle %d: LSN of %s", cycle, t.name()).isEqualTo(f.lsn(t.name()));
                }
            }
        }
    }
}
