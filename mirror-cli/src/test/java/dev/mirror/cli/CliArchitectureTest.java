package dev.mirror.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.mirror.core.Mirror;
import dev.mirror.core.internal.lock.TargetLock;
import org.junit.jupiter.api.Test;

/** The CLI is presentation: what a run does (lock, schedule, waiting, stop) is core's runner, shared with embedders. */
class CliArchitectureTest {
    private static final JavaClasses CLI = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mirror.cli");

    @Test
    void theCliTakesTheRunLockOnlyThroughTheRunner() {
        noClasses().should().dependOnClassesThat().areAssignableTo(TargetLock.class)
                .because("the run lock, its heartbeat and its waiting belong to dev.mirror.core.run.MirrorRunner, so that run, "
                        + "serve, resync, verify --repair and embedding applications all take the same lock; call the runner")
                .check(CLI);
    }

    @Test
    void onlyTheDemoRunsCyclesOrResyncsWithoutTheRunner() {
        noClasses().that().doNotHaveSimpleName("DemoCommand")
                .should().callMethod(Mirror.class, "runCycle").orShould().callMethod(Mirror.class, "resync", java.util.List.class)
                .because("cycles and resyncs must hold the run lock: go through MirrorRunner (run, repopulate, resync); "
                        + "only the demo, on its own throw-away H2 file, drives cycles directly")
                .check(CLI);
    }
}
