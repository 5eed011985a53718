package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.TableSchema;
import dev.mirror.core.Blocklist;
import dev.mirror.core.Mirror;
import dev.mirror.sample.SampleDataSet;
import dev.mirror.superoffice.SuperOfficeSource;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import dev.mirror.superoffice.sim.TestKeys;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soft delete and history modes driven by the push source: the SuperOffice simulator pushes the sample's whole script
 * (RowData batches, Wipe and the repopulation of the recreated table over several calls) into H2, and after every
 * cycle each table holds what {@link ModeModel} computes from the source's states.
 */
class SuperOfficeModesToH2Test {
    private static final String APP_ID = "6cf25376616343b38d14ddcd804f2891";
    private static final String PATH = "/mirroring/MirroringClientService.svc";

    @TempDir
    Path dir;

    private final KeyPair superOffice = TestKeys.generate();
    private final KeyPair application = TestKeys.generate();
    private final SampleDataSet data = new SampleDataSet(1, SampleDataSet.Selection.CORE);

    @Test
    void softDelete() throws Exception {
        walk("softDelete", false);
    }

    @Test
    void history() throws Exception {
        walk("history", true);
    }

    private void walk(String mode, boolean history) throws Exception {
        Blocklist blocklist = Blocklist.of(true, List.of());
        ModeModel model = new ModeModel();
        try (Mirror mirror = build(mode)) {
            mirror.serve();
            int port = ((SuperOfficeSource) mirror.source()).port();
            SuperOfficeSimulator sim = new SuperOfficeSimulator(URI.create("http://127.0.0.1:" + port + PATH), APP_ID,
                    superOffice.getPrivate(), application.getPublic());
            sim.batchBytes(64 * 1024).batchesPerCall(2); // tables span several batches and calls
            SuperOfficeSampleDriver driver = new SuperOfficeSampleDriver(sim, data);
            TableSchema previousProject = null;
            for (int step = 1; step <= SampleDataSet.LAST_STEP; step++) {
                driver.cycle("Push", step);
                TableSchema project = data.table("project", step).orElseThrow();
                if (previousProject != null && !previousProject.equals(project)) {
                    // the seed's nvarchar -> datetime: recreated, old rows carried over with the retyped column NULL
                    model.retype("project", TableModesEndToEndTest.retyped(data, "project", step));
                }
                previousProject = project;
                Set<String> present = new TreeSet<>();
                for (TableSchema t : data.tables(step)) {
                    if (!blocklist.isBlocked(t.name())) {
                        present.add(t.name());
                        model.observe(t, data.rows(t.name(), step), history);
                    }
                }
                model.dropAllExcept(present);
                assertThat(mirror.status()).filteredOn(r -> present.contains(r.table()))
                        .allSatisfy(r -> assertThat(r.mode()).isEqualTo(mode))
                        .allSatisfy(r -> assertThat(r.state()).isEqualTo("ok"));
                try (Connection c = mirror.target().dataSource().getConnection()) {
                    for (TableSchema t : data.tables(step)) {
                        if (present.contains(t.name())) {
                            TableModesEndToEndTest.assertTable(c, mirror.target().dialect(), t, model, history, step);
                        }
                    }
                }
            }
        }
    }

    private Mirror build(String mode) {
        Path key = TestKeys.write(dir, "app-private-key.xml", TestKeys.privateDotNetXml(application));
        Path cert = TestKeys.write(dir, "SuperOfficeFederatedLogin.crt", TestKeys.publicPem(superOffice));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "superoffice");
        source.put("port", 0);
        source.put("bindAddress", "127.0.0.1");
        source.put("path", PATH);
        source.put("applicationId", APP_ID);
        source.put("privateKeyFile", key.toString());
        source.put("superOfficeCertificates", List.of(cert.toString()));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("context", "Push");
        tree.put("source", source);
        tree.put("target", Map.of("dialect", "h2", "url", TestMirrors.h2Url(dir)));
        tree.put("options", Map.of("default", Map.of("mode", mode)));
        return TestMirrors.build(tree);
    }
}
