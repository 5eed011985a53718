package dev.mirror.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.Mirror;
import dev.mirror.superoffice.SuperOfficeSource;
import dev.mirror.superoffice.sim.SimSource;
import dev.mirror.superoffice.sim.SuperOfficeSimulator;
import dev.mirror.superoffice.sim.TestKeys;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenant isolation on the SuperOffice push endpoint through the real core: two tenants whose databases have the same
 * table names push at the same time into per-tenant targets ({@code {ctx}}) and never touch each other's rows; a tenant
 * not in {@code allowedContexts} is refused in-band with nothing written; several tenants into one target without
 * {@code {ctx}} refuse to serve. Subclasses choose the target.
 */
abstract class SuperOfficeTenantsTest {
    static final String APP_ID = "6cf25376616343b38d14ddcd804f2891";
    static final String PATH = "/mirroring/MirroringClientService.svc";
    static final TableSchema CONTACT = new TableSchema("contact", List.of(
            Column.of("contact_id", SqlType.parse("int"), false),
            Column.of("name", SqlType.parse("nvarchar(60)"), false),
            Column.of("tenant", SqlType.parse("nvarchar(20)"), false)), List.of("contact_id"));
    static final TableSchema PERSON = new TableSchema("person", List.of(
            Column.of("person_id", SqlType.parse("int"), false),
            Column.of("contact_id", SqlType.parse("int"), false),
            Column.of("firstname", SqlType.parse("nvarchar(60)"), true)), List.of("person_id"));

    @TempDir
    protected Path dir;

    final KeyPair superOffice = TestKeys.generate();
    final KeyPair application = TestKeys.generate();

    /** The {@code target} subtree: a URL with {@code {ctx}} when {@code perTenant}, else one shared target. */
    protected abstract Map<String, Object> target(boolean perTenant);

    /** A connection to the target that tenant {@code ctx} is mirrored into (per-tenant targets). */
    protected abstract Connection connect(String ctx) throws SQLException;

    /** Whether anything of tenant {@code ctx} exists anywhere in the target (its database, schema or metadata table). */
    protected abstract boolean traceOf(String ctx) throws SQLException;

    Mirror build(Object context, List<String> allowedContexts, boolean perTenant) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "superoffice");
        source.put("port", 0);
        source.put("bindAddress", "127.0.0.1");
        source.put("path", PATH);
        source.put("applicationId", APP_ID);
        source.put("privateKeyFile", TestKeys.write(dir, "app-private-key.xml", TestKeys.privateDotNetXml(application)).toString());
        source.put("superOfficeCertificates", List.of(TestKeys.write(dir, "so.crt", TestKeys.publicPem(superOffice)).toString()));
        if (allowedContexts != null) {
            source.put("allowedContexts", allowedContexts);
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        if (context != null) {
            tree.put("context", context);
        }
        tree.put("source", source);
        tree.put("target", target(perTenant));
        return TestMirrors.build(tree);
    }

    SuperOfficeSimulator serve(Mirror mirror) {
        mirror.serve();
        int port = ((SuperOfficeSource) mirror.source()).port();
        return new SuperOfficeSimulator(URI.create("http://127.0.0.1:" + port + PATH), APP_ID, superOffice.getPrivate(),
                application.getPublic());
    }

    @Test
    void twoTenantsWithTheSameTablesPushingAtOnceNeverTouchEachOthersRows() throws Exception {
        try (Mirror mirror = build(null, List.of("CustA", "CustB"), true)) {
            SuperOfficeSimulator sim = serve(mirror).batchBytes(16 * 1024).batchesPerCall(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CompletableFuture<Void> a = CompletableFuture.runAsync(() -> pushCycles(mirror, sim, "CustA", 1500), pool);
                CompletableFuture<Void> b = CompletableFuture.runAsync(() -> pushCycles(mirror, sim, "CustB", 1100), pool);
                CompletableFuture.allOf(a, b).get(10, TimeUnit.MINUTES);
            } finally {
                pool.shutdownNow();
            }
            try (Connection c = connect("CustA")) {
                assertThat(tables(mirror.targetDialect(), c)).as("tenant A's target holds no trace of tenant B")
                        .noneMatch(t -> t.equalsIgnoreCase("CustB_mirroring")).anyMatch(t -> t.equalsIgnoreCase("CustA_mirroring"));
            }
            try (Connection c = connect("CustB")) {
                assertThat(tables(mirror.targetDialect(), c)).as("tenant B's target holds no trace of tenant A")
                        .noneMatch(t -> t.equalsIgnoreCase("CustA_mirroring")).anyMatch(t -> t.equalsIgnoreCase("CustB_mirroring"));
            }
        }
    }

    /**
     * Three cycles of one tenant: a full population (the same keys as the other tenant, different values), then updates
     * and deletes at keys the other tenant keeps; after each, the tenant's target holds exactly its own rows.
     */
    private void pushCycles(Mirror mirror, SuperOfficeSimulator sim, String ctx, int rows) {
        SimSource src = new SimSource();
        src.createTable(CONTACT);
        src.createTable(PERSON);
        for (int i = 1; i <= rows; i++) {
            src.upsert("contact", i, ctx + " contact " + i, ctx);
            src.upsert("person", i, i, ctx + " person " + i);
        }
        for (int cycle = 1; cycle <= 3; cycle++) {
            if (cycle == 2) {
                for (int i = 1; i <= rows; i += ctx.endsWith("A") ? 3 : 5) {
                    src.upsert("contact", i, ctx + " renamed " + i, ctx);
                }
            } else if (cycle == 3) {
                for (int i = ctx.endsWith("A") ? 2 : 4; i <= rows; i += 7) {
                    src.delete("contact", i);
                    src.delete("person", i);
                }
            }
            sim.runCycle(ctx, src);
            try (Connection c = connect(ctx)) {
                TargetDialect d = mirror.targetDialect();
                assertThat(read(d, c, CONTACT)).as("%s's contact rows after cycle %d", ctx, cycle).isEqualTo(expected(src, CONTACT));
                assertThat(read(d, c, PERSON)).as("%s's person rows after cycle %d", ctx, cycle).isEqualTo(expected(src, PERSON));
            } catch (SQLException e) {
                throw new AssertionError(ctx + " cycle " + cycle + ": " + e.getMessage(), e);
            }
        }
    }

    @Test
    void aTenantNotInAllowedContextsIsRefusedInBandAndNothingIsWritten() throws Exception {
        try (Mirror mirror = build(null, List.of("CustA", "CustB"), true)) {
            SuperOfficeSimulator sim = serve(mirror);
            assertThatThrownBy(() -> sim.authenticate("CustEvil")).isInstanceOf(SuperOfficeSimulator.CallFailed.class)
                    .hasMessageContaining("context 'CustEvil' may not push").hasMessageContaining("it is not in source.allowedContexts;")
                    .as("other tenants are not disclosed").hasMessageNotContaining("CustA")
                    .hasMessageContaining("nothing was written");
            assertThatThrownBy(() -> sim.tableSchema("CustEvil", List.of(CONTACT))).isInstanceOf(SuperOfficeSimulator.CallFailed.class)
                    .hasMessageContaining("'CustEvil'");
            SimSource src = new SimSource();
            src.createTable(CONTACT);
            src.upsert("contact", 1, "x", "CustEvil");
            assertThatThrownBy(() -> sim.sendTable("CustEvil", CONTACT, src.allRows("contact"), 5))
                    .isInstanceOf(SuperOfficeSimulator.CallFailed.class).hasMessageContaining("'CustEvil'");
            assertThatThrownBy(() -> sim.wipe("CustEvil", "contact")).isInstanceOf(SuperOfficeSimulator.CallFailed.class);
            assertThat(traceOf("CustEvil")).as("no database, schema or table of the refused tenant").isFalse();
            sim.runCycle("CustA", src);
            assertThat(traceOf("CustA")).as("an allowed tenant is mirrored").isTrue();
        }
    }

    @Test
    void theConfiguredContextIsTheOnlyTenantOfATargetWithoutCtx() throws Exception {
        try (Mirror mirror = build("CustA", null, false)) {
            SuperOfficeSimulator sim = serve(mirror);
            SimSource src = new SimSource();
            src.createTable(CONTACT);
            src.upsert("contact", 1, "mine", "CustA");
            sim.runCycle("CustA", src);
            assertThatThrownBy(() -> sim.authenticate("CustB")).isInstanceOf(SuperOfficeSimulator.CallFailed.class)
                    .hasMessageContaining("context 'CustB' may not push").hasMessageContaining("only the tenant named by context").hasMessageNotContaining("CustA");
            assertThatThrownBy(() -> sim.wipe("CustB", "contact")).isInstanceOf(SuperOfficeSimulator.CallFailed.class);
            try (Connection c = mirror.target().dataSource().getConnection()) {
                assertThat(read(mirror.targetDialect(), c, CONTACT)).containsExactly("1|mine|CustA");
            }
        }
    }

    @Test
    void severalTenantsIntoOneTargetRefuseToServe() {
        try (Mirror mirror = build(null, List.of("CustA", "CustB"), false)) {
            assertThatThrownBy(mirror::serve).isInstanceOfSatisfying(MirrorException.class,
                            e -> assertThat(e.code()).isEqualTo("TENANTS_NOT_ISOLATED"))
                    .hasMessageContaining("source.allowedContexts lists 2 tenants [CustA, CustB]")
                    .hasMessageContaining("Put {ctx} in target.url");
            assertThat(((SuperOfficeSource) mirror.source()).port()).as("the endpoint never listened").isEqualTo(-1);
        }
        try (Mirror mirror = build(null, null, false)) {
            assertThatThrownBy(mirror::serve).hasMessageContaining("any tenant may push").hasMessageContaining("{ctx}");
            assertThat(((SuperOfficeSource) mirror.source()).port()).isEqualTo(-1);
        }
    }

    static List<String> tables(TargetDialect d, Connection c) throws SQLException {
        return List.copyOf(d.catalog().listTables(c));
    }

    static List<String> read(TargetDialect d, Connection c, TableSchema t) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < t.columnCount(); i++) {
            sql.append(i == 0 ? "" : ", ").append(d.names().quote(d.names().targetName(t.columns().get(i).name())));
        }
        sql.append(" FROM ").append(d.names().quote(d.names().targetName(t.name()))).append(" ORDER BY 1");
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= t.columnCount(); i++) {
                    b.append(i == 1 ? "" : "|").append(rs.getObject(i));
                }
                rows.add(b.toString());
            }
        }
        return rows;
    }

    static List<String> expected(SimSource src, TableSchema t) {
        return src.rows(t.name()).values().stream()
                .sorted((x, y) -> Integer.compare((Integer) x[0], (Integer) y[0]))
                .map(r -> r[0] + "|" + r[1] + "|" + r[2]).toList();
    }
}
