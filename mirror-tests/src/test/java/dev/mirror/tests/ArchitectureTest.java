package dev.mirror.tests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of DESIGN.md, checked on the compiled main classes of every module. */
class ArchitectureTest {
    private static final String[] PLUGINS = {
        "dev.mirror.h2..", "dev.mirror.postgresql..", "dev.mirror.sqlserver.dialect..", "dev.mirror.sqlserver.source..", "dev.mirror.mariadb..",
        "dev.mirror.sample..", "dev.mirror.superoffice..", "dev.mirror.indexes..", "com.example.mirror.."};
    /** What the SQL Server target and source share (mirror-sqlserver-common): a library, not a plugin. */
    private static final String SQLSERVER_COMMON = "dev.mirror.sqlserver.common..";

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
                // the test-jars of mirror-sqlserver and mirror-superoffice are on this module's classpath: their classes
                // are tests too (they may use the kits), not the plugins' main code these rules are about
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.mirror", "com.example.mirror");
    }

    @Test
    void theApiDependsOnTheJdkAndSlf4jOnly() {
        ArchRule rule = classes().that().resideInAPackage("dev.mirror.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.annotation..", "org.slf4j..", "dev.mirror.api..")
                .because("mirror-api is what third parties compile against: keep it free of libraries and of core; "
                        + "move the dependency into core or a plugin, or express it as an interface/record in the API");
        rule.check(classes);
    }

    @Test
    void dialectSupportDependsOnTheApiOnly() {
        classes().that().resideInAPackage("dev.mirror.dialect.support..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.annotation..", "org.slf4j..",
                        "dev.mirror.api..", "dev.mirror.dialect.support..")
                .because("mirror-dialect-support is what third-party dialects build on next to mirror-api: keep it free of core "
                        + "and of any database's specifics (those belong in the dialect's own StageSql, names and DDL)")
                .check(classes);
    }

    /** Each dialect plugin and the packages it may use besides its own: the API, dialect-support, third-party libraries. */
    @Test
    void dialectPluginsDependOnTheApiAndDialectSupportOnly() {
        for (String dialect : new String[] {"dev.mirror.h2..", "dev.mirror.postgresql..", "dev.mirror.sqlserver.dialect..",
                "dev.mirror.mariadb..", "com.example.mirror.hsqldb.."}) {
            noClasses().that().resideInAPackage(dialect)
                    .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("dev.mirror..", "com.example.mirror..")
                            .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(
                                    "dev.mirror.api..", "dev.mirror.dialect.support..", SQLSERVER_COMMON, dialect))))
                    .because("a dialect plugin is built against mirror-api and mirror-dialect-support only (never "
                            + "dev.mirror.core..): move what it needs from core into the API or into dialect-support")
                    .check(classes);
        }
    }

    /**
     * mirror-sqlserver-common is what the SQL Server target and the Change Tracking source share, so that a distribution
     * can hold either alone: it depends on the API and dialect-support only, offers no provider (it adds no plugin), and
     * only those two plugins use it.
     */
    @Test
    void theSqlServerCommonPartIsALibraryOfTheTwoSqlServerPluginsOnly() {
        classes().that().resideInAPackage(SQLSERVER_COMMON)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.annotation..", "org.slf4j..",
                        "dev.mirror.api..", "dev.mirror.dialect.support..", SQLSERVER_COMMON)
                .because("mirror-sqlserver-common holds SQL Server's names and types for both SQL Server plugins: no core, no "
                        + "driver, no plugin's code (move plugin-specific code back into mirror-sqlserver or mirror-sqlserver-source)")
                .check(classes);
        noClasses().that().resideInAPackage(SQLSERVER_COMMON)
                .should().implement(dev.mirror.api.dialect.TargetDialectProvider.class)
                .orShould().implement(dev.mirror.api.source.PullSourceProvider.class)
                .orShould().implement(dev.mirror.api.source.PushSourceProvider.class)
                .orShould().implement(dev.mirror.api.hook.LifecycleHookProvider.class)
                .because("a distribution that holds only the SQL Server source (or only the target) carries this module too: a "
                        + "provider here would add a plugin it did not ask for")
                .check(classes);
        noClasses().that().resideOutsideOfPackages(SQLSERVER_COMMON, "dev.mirror.sqlserver.dialect..",
                        "dev.mirror.sqlserver.source..", "dev.mirror.tests..", "dev.mirror.bench..")
                .should().dependOnClassesThat().resideInAPackage(SQLSERVER_COMMON)
                .because("mirror-sqlserver-common is the two SQL Server plugins' shared part, not an API for others")
                .check(classes);
    }

    @Test
    void theCliNamesNoPluginClass() {
        noClasses().that().resideInAPackage("dev.mirror.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mirror.sqlserver..", "dev.mirror.postgresql..",
                        "dev.mirror.h2..", "dev.mirror.sample..", "dev.mirror.superoffice..", "dev.mirror.indexes..",
                        "dev.mirror.mariadb..")
                .because("the CLI must work the same with every plugin, in-tree or dropped in: what a source adds to status or "
                        + "admin goes through dev.mirror.api.admin.Diagnostics (Source.diagnostics()), plugins are found "
                        + "through the registry; move plugin-specific logic into the plugin behind an API interface")
                .check(classes);
    }

    @Test
    void pluginsDependOnTheApiOnly() {
        ArchRule rule = noClasses().that().resideInAnyPackage(PLUGINS)
                .should().dependOnClassesThat().resideInAnyPackage("dev.mirror.core..", "dev.mirror.cli..", "dev.mirror.tests..")
                .because("plugins are released independently of core: use only mirror-api types; if core has something a plugin "
                        + "needs, add it to the API as an interface, record or default method");
        rule.check(classes);
    }

    @Test
    void pluginsDoNotDependOnEachOther() {
        for (String plugin : PLUGINS) {
            String[] others = java.util.Arrays.stream(PLUGINS).filter(p -> !p.equals(plugin)).toArray(String[]::new);
            noClasses().that().resideInAPackage(plugin).should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("each plugin must be usable alone; share code through mirror-api or copy the small piece")
                    .check(classes);
        }
    }

    @Test
    void coreNamesNoConcretePlugin() {
        noClasses().that().resideInAPackage("dev.mirror.core..")
                .should().dependOnClassesThat().resideInAnyPackage(PLUGINS)
                .because("core finds plugins through ServiceLoader by name; reference the SPI interface instead of the plugin class")
                .check(classes);
    }

    @Test
    void guiceStaysInsideCore() {
        noClasses().that().resideOutsideOfPackages("dev.mirror.core..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..")
                .because("Guice wiring is core's business (DESIGN.md); plugins receive their collaborators through the SPI, "
                        + "the CLI through dev.mirror.core.Mirror")
                .check(classes);
    }

    @Test
    void theCliAndPluginsStayOutOfCoreInternals() {
        String[] outside = new String[PLUGINS.length + 3];
        System.arraycopy(PLUGINS, 0, outside, 0, PLUGINS.length);
        outside[PLUGINS.length] = "dev.mirror.cli..";
        outside[PLUGINS.length + 1] = "dev.mirror.bench..";
        // the kits prove plugins on core's public API (Mirror, MirrorBuilder), as a third-party embedder would use it
        outside[PLUGINS.length + 2] = "dev.mirror.testkit..";
        noClasses().that().resideInAnyPackage(outside)
                .should().dependOnClassesThat().resideInAnyPackage("dev.mirror.core.internal..")
                .because("dev.mirror.core.internal is core's implementation (protocol, reconciliation, metadata, targets, locks, "
                        + "hooks) and changes without notice; use dev.mirror.core.Mirror, MirrorRunner, the config, verify and "
                        + "plugins packages, or add what is missing to them")
                .check(classes);
    }

    @Test
    void nothingButTheCliDependsOnTheCli() {
        noClasses().that().resideOutsideOfPackages("dev.mirror.cli..", "dev.mirror.tests..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mirror.cli..")
                .because("the CLI is the outermost layer; move shared logic into core")
                .check(classes);
    }
}
