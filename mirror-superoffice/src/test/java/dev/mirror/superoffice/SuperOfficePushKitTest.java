package dev.mirror.superoffice;

import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.source.PushSource;
import dev.mirror.api.source.SnapshotReader;
import dev.mirror.superoffice.sim.SimSource;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import dev.mirror.superoffice.sim.TestKeys;
import dev.mirror.testkit.source.AbstractPushSourceTest;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SuperOffice endpoint runs the push-source kit: the simulator posts real SOAP requests (signed tokens, batches,
 * wipe and resend) into the endpoint, which serves core's protocol on H2. The script: a full load of two tables, then
 * updates and deletes, then person's {@code nvarchar -> datetime} recreate.
 */
class SuperOfficePushKitTest extends AbstractPushSourceTest {
    @TempDir
    Path dir;
    private final KeyPair so = TestKeys.generate();
    private final KeyPair app = TestKeys.generate();
    private final SimSource src = new SimSource();
    private SuperOfficeSimulator sim;

    @Override
    protected PushSource createSource() {
        return endpoint(dir, so, app);
    }

    /** An endpoint on a free port trusting {@code so}'s tokens, signing as {@code app}. */
    static SuperOfficeSource endpoint(Path dir, KeyPair so, KeyPair app) {
        SuperOfficeConfig config = new SuperOfficeConfig(0, "127.0.0.1", "/m.svc", Optional.empty(), Optional.empty(), "app",
                TestKeys.write(dir, "k.pem", TestKeys.privatePkcs8Pem(app)), List.of(TestKeys.write(dir, "so.pem", TestKeys.publicPem(so))),
                60, Map.of(), false, SuperOfficeConfig.DEFAULT_MAX_REQUEST_BYTES, 4);
        return new SuperOfficeSource(config, Clock.systemUTC());
    }

    @Override
    protected int cycles() {
        return 3;
    }

    @Override
    protected SnapshotReader deliver(PushSource source, int cycle) {
        script(src, cycle);
        return redeliver(source, cycle);
    }

    /** Changes the simulator's source as cycle {@code cycle} of the script does. */
    static void script(SimSource src, int cycle) {
        switch (cycle) {
            case 1 -> {
                src.createTable(SimulatorEndToEndTest.contact());
                src.createTable(SimulatorEndToEndTest.person("nvarchar(20)"));
                for (int i = 1; i <= 2000; i++) {
                    src.upsert("contact", SimulatorEndToEndTest.contactRow(i, 1));
                    src.upsert("person", i, i, "P" + i, "1990-01-01");
                }
            }
            case 2 -> {
                for (int i = 1; i <= 2000; i += 7) {
                    src.upsert("contact", SimulatorEndToEndTest.contactRow(i, 2));
                    src.delete("person", i);
                }
            }
            case 3 -> {
                src.dropTable("person");
                src.createTable(SimulatorEndToEndTest.person("datetime"));
                src.upsert("person", 1, 1, "Ann", LocalDateTime.of(1760, 1, 1, 0, 0));
            }
            default -> throw new IllegalArgumentException("the script has 3 cycles, not " + cycle);
        }
    }

    /** Runs the simulator's cycle for the model as it stands (unchanged when called again). */
    @Override
    protected SnapshotReader redeliver(PushSource source, int cycle) {
        simulator(source).runCycle(CONTEXT, src);
        return model();
    }

    private SuperOfficeSimulator simulator(PushSource source) {
        if (sim == null) {
            sim = simulator((SuperOfficeSource) source, so, app);
        }
        return sim;
    }

    /** The simulator posting to {@code endpoint}, with SuperOffice's key {@code so} and the application's {@code app}. */
    static SuperOfficeSimulator simulator(SuperOfficeSource endpoint, KeyPair so, KeyPair app) {
        return new SuperOfficeSimulator(URI.create("http://127.0.0.1:" + endpoint.port() + "/m.svc"),
                "app", so.getPrivate(), app.getPublic()).batchBytes(256 * 1024);
    }

    /** The simulator's source tables as the model: a copy, so later script steps do not change it. */
    private SnapshotReader model() {
        List<TableSchema> tables = List.copyOf(src.schemas());
        Map<String, List<RowChange>> rows = new java.util.HashMap<>();
        for (TableSchema t : tables) {
            List<RowChange> r = new ArrayList<>();
            src.rows(t.name()).values().forEach(v -> r.add(RowChange.insert(v)));
            rows.put(t.name(), r);
        }
        return new SnapshotReader() {
            @Override
            public List<TableSchema> tables() {
                return tables;
            }

            @Override
            public ChangeCursor rows(TableSchema table) {
                return ChangeCursor.of(rows.get(table.name()));
            }
        };
    }
}
