package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.Blocklist;
import dev.mirror.core.Mirror;
import dev.mirror.core.metadata.MetadataRow;
import dev.mirror.core.internal.metadata.MetadataTable;
import dev.mirror.core.internal.schema.SchemaHash;
import dev.mirror.sample.SampleDataSet;
import dev.mirror.superoffice.SuperOfficeSource;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import dev.mirror.superoffice.sim.TestKeys;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SuperOffice pushing the sample's whole script through the real core: a {@link Mirror} built from a configuration tree
 * with the {@code superoffice} source serves on a free port, the {@link SuperOfficeSimulator} plays SuperOffice's
 * mirroring task over real HTTP (signed tokens, Authenticate, TableSchema, Wipe, RowData in ~1 MB batches,
 * ReplicationCompleted), and after every cycle the target equals the source row by row, the metadata table holds each
 * announced table's LSN and state, blocked tables are absent, the table dropped at step 5 is gone and the seed's type
 * change at step 6 ends in a recreated, repopulated table. Subclasses choose the target.
 */
abstract class SuperOfficeEndToEndTest {
    static final String APP_ID = "6cf25376616343b38d14ddcd804f2891";
    static final String SERVICE_PATH = "/mirroring/MirroringClientService.svc";
    static final Blocklist BLOCKLIST = Blocklist.of(true, List.of());

    @TempDir
    protected Path dir;

    final KeyPair superOffice = TestKeys.generate();
    final KeyPair application = TestKeys.generate();
    final SampleDataSet data = new SampleDataSet(1, SampleDataSet.Selection.CORE);

    /** The {@code target} subtree of the configuration. */
    protected abstract Map<String, Object> target();

    /** A mirror serving SuperOffice, configured the way {@code mirror serve} reads its file. */
    Mirror build(String context) {
        Path key = TestKeys.write(dir, "app-private-key.xml", TestKeys.privateDotNetXml(application));
        Path cert = TestKeys.write(dir, "SuperOfficeFederatedLogin.crt", TestKeys.publicPem(superOffice));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "superoffice");
        source.put("port", 0);
        source.put("bindAddress", "127.0.0.1");
        source.put("path", SERVICE_PATH);
        source.put("applicationId", APP_ID);
        source.put("privateKeyFile", key.toString());
        source.put("superOfficeCertificates", List.of(cert.toString()));
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("context", context);
        tree.put("source", source);
        tree.put("target", target());
        tree.put("hooks", List.of(Map.of("name", "recorder")));
        return TestMirrors.build(tree);
    }

    /** Starts serving and returns a simulator pointed at the endpoint. */
    SuperOfficeSimulator serve(Mirror mirror) {
        mirror.serve();
        int port = ((SuperOfficeSource) mirror.source()).port();
        assertThat(port).as("the endpoint listens").isPositive();
        return new SuperOfficeSimulator(URI.create("http://127.0.0.1:" + port + SERVICE_PATH), APP_ID, superOffice.getPrivate(),
                application.getPublic());
    }

    @Test
    void theWholeScriptConvergesCycleAfterCycle() throws Exception {
        RecordingHookProvider.EVENTS.clear();
        try (Mirror mirror = build("Cust7")) {
            SuperOfficeSampleDriver driver = new SuperOfficeSampleDriver(serve(mirror), data);
            for (int step = 1; step <= SampleDataSet.LAST_STEP + 1; step++) {
                int expectedStep = Math.min(step, SampleDataSet.LAST_STEP);
                int eventsBefore = RecordingHookProvider.EVENTS.size();
                SuperOfficeSampleDriver.Cycle cycle = driver.cycle("Cust7", expectedStep);
                try (Connection c = mirror.target().dataSource().getConnection()) {
                    assertMirrorEqualsSource(c, mirror.target().dialect(), mirror.status(), "Cust7_mirroring", expectedStep);
                }
                assertCycle(cycle, step);
                List<String> events = RecordingHookProvider.EVENTS.subList(eventsBefore, RecordingHookProvider.EVENTS.size());
                assertThat(events).as("hooks of the cycle to step %d", step).first().isEqualTo("started Cust7");
                List<String> completed = events.stream().filter(e -> e.startsWith("completed ")).toList();
                assertThat(completed).as("ReplicationCompleted fires the completed hook once").hasSize(1);
                assertThat(completed.get(0)).as("the completed hook's counts are what the mirror applied")
                        .endsWith(" tables " + mirroredTotals(cycle));
            }
        }
    }

    /**
     * SuperOffice repopulates a table that has contents — Wipe, then the new rows over many RowData calls, the last batch
     * carrying the LSN — while a reader reads the table in a loop from its own connection: after every call that does not
     * complete the table the mirror still shows the old contents and the old metadata row, and the reader only ever sees
     * the old or the new complete contents.
     */
    @Test
    void aRepopulationPushedOverSeveralCallsIsSeenWholeOrNotAtAll() throws Exception {
        String ctx = "Cust8";
        try (Mirror mirror = build(ctx)) {
            SuperOfficeSimulator sim = serve(mirror);
            new SuperOfficeSampleDriver(sim, data).cycle(ctx, 1);
            TableSchema contact = data.table("contact", 1).orElseThrow();
            List<RowChange> next = new java.util.ArrayList<>();
            java.util.Iterator<dev.mirror.api.model.Row> rows = data.rows("contact", 1);
            for (int i = 0; rows.hasNext(); i++) {
                dev.mirror.api.model.Row r = rows.next();
                if (i % 2 == 0) {
                    next.add(new RowChange(dev.mirror.api.model.Operation.INSERT, r)); // the new contents: every other row
                }
            }
            TargetDialect d = mirror.target().dialect();
            ContentsReader.Fingerprint fingerprint = c -> keyFingerprint(c, d);
            String before = read(mirror, fingerprint);
            MetadataRow stored = metadataRow(mirror, ctx, "contact");
            sim.authenticate(ctx);
            sim.tableSchema(ctx, data.tables(1));
            try (ContentsReader reader = new ContentsReader(mirror.target().dataSource().getConnection(), fingerprint)) {
                sim.wipe(ctx, "contact");
                int chunk = Math.max(1, next.size() / 6);
                for (int from = 0; from < next.size(); from += chunk) {
                    List<RowChange> part = next.subList(from, Math.min(next.size(), from + chunk));
                    boolean last = from + chunk >= next.size();
                    StringBuilder xml = new StringBuilder();
                    part.forEach(change -> SuperOfficeSimulator.rowData(xml, contact, change));
                    sim.rowDataCall(ctx, List.of(SuperOfficeSimulator.batch(contact, xml.toString(), last ? SampleDataSet.lsn(1) : 0)));
                    if (!last) {
                        assertThat(read(mirror, fingerprint)).as("after a RowData call that does not complete the table").isEqualTo(before);
                        assertThat(metadataRow(mirror, ctx, "contact")).as("metadata untouched").isEqualTo(stored);
                    }
                }
                sim.replicationCompleted(ctx, Map.of());
                reader.assertOnlySaw(before, read(mirror, fingerprint));
            }
            try (Connection c = mirror.target().dataSource().getConnection()) {
                assertThat(keyFingerprint(c, d)).startsWith(next.size() + "/");
                assertThat(d.catalog().listTables(c)).as("no shadow left").noneMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains("shadow"));
            }
        }
    }

    private static String read(Mirror mirror, ContentsReader.Fingerprint fingerprint) throws Exception {
        try (Connection c = mirror.target().dataSource().getConnection()) {
            return fingerprint.read(c);
        }
    }

    private static String keyFingerprint(Connection c, TargetDialect d) throws java.sql.SQLException {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*), SUM("
                + d.names().quote("contact_id") + "), MIN(" + d.names().quote("name") + "), MAX(" + d.names().quote("name") + ") FROM " + d.names().quote("contact"))) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getString(3) + "/" + rs.getString(4);
        }
    }

    private static MetadataRow metadataRow(Mirror mirror, String ctx, String table) {
        dev.mirror.api.ContextId id = dev.mirror.api.ContextId.of(ctx);
        return mirror.sessions().forContext(id).metadata() == null ? null
                : mirror.target().inTransaction("reading", true, c -> mirror.sessions().forContext(id).metadata().readAll(c)).get(table);
    }

    /** What the step's cycle must have sent, beyond the mirror's contents. */
    void assertCycle(SuperOfficeSampleDriver.Cycle cycle, int cycleNumber) {
        Set<String> tables = data.tables(cycle.step()).stream().map(TableSchema::name).collect(Collectors.toSet());
        assertThat(cycle.answers().keySet()).as("one LSN answered per announced table").containsExactlyInAnyOrderElementsOf(tables);
        if (cycleNumber == 1) {
            assertThat(cycle.wiped()).as("the first cycle repopulates every table").containsExactlyInAnyOrderElementsOf(tables);
        } else if (cycleNumber == 6) {
            assertThat(cycle.answers().get("project")).as("the retyped project table asks for repopulation").isNegative();
            assertThat(cycle.wiped()).as("the type change repopulates project, and only project").containsExactly("project");
        } else {
            assertThat(cycle.wiped()).as("cycle %d repopulates nothing", cycleNumber).isEmpty();
        }
        if (cycleNumber > SampleDataSet.LAST_STEP) {
            assertThat(cycle.counts()).as("a quiet cycle sends nothing").isEmpty();
        }
    }

    static TableCounts mirroredTotals(SuperOfficeSampleDriver.Cycle cycle) {
        return cycle.counts().entrySet().stream().filter(e -> !BLOCKLIST.isBlocked(e.getKey())).map(Map.Entry::getValue)
                .reduce(TableCounts.ZERO, TableCounts::plus);
    }

    /**
     * The mirror of one tenant equals the sample at {@code step}: one metadata row per announced table (LSN of the
     * step; state ok, or blocked for blocked tables), every mirrored table equal row by row, and no other table than the
     * mirrored ones and the metadata table (blocked and dropped tables are absent).
     */
    void assertMirrorEqualsSource(Connection c, TargetDialect dialect, Collection<MetadataRow> metadata, String metadataTable,
                                  int step) throws Exception {
        List<TableSchema> tables = data.tables(step);
        Map<String, MetadataRow> meta = metadata.stream().collect(Collectors.toMap(MetadataRow::table, r -> r));
        assertThat(meta.keySet()).as("one metadata row per announced table at step %d", step)
                .containsExactlyInAnyOrderElementsOf(tables.stream().map(TableSchema::name).toList());
        Set<String> expectedTables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        expectedTables.add(metadataTable);
        for (TableSchema t : tables) {
            MetadataRow row = meta.get(t.name());
            assertThat(row.lsn()).as("LSN of %s at step %d", t.name(), step).isEqualTo(SampleDataSet.lsn(step));
            if (BLOCKLIST.isBlocked(t.name())) {
                assertThat(row.state()).as("state of blocked %s", t.name()).isEqualTo(MetadataTable.BLOCKED);
            } else {
                assertThat(row.state()).as("state of %s at step %d (%s)", t.name(), step, row.message()).isEqualTo(MetadataTable.OK);
                assertThat(row.schemaHash()).as("schema hash of %s", t.name()).isEqualTo(SchemaHash.of(t));
                expectedTables.add(dialect.names().targetName(t.name()));
            }
        }
        Set<String> existing = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        existing.addAll(dialect.catalog().listTables(c));
        assertThat(existing).as("at step %d the mirror holds exactly the mirrored tables and the metadata table "
                + "(blocked tables and the table dropped at step 5 are absent)", step).containsExactlyInAnyOrderElementsOf(expectedTables);
        for (TableSchema t : tables) {
            if (!BLOCKLIST.isBlocked(t.name())) {
                MirrorContents.assertEquals(c, dialect, t, data.rows(t.name(), step));
            }
        }
    }
}
