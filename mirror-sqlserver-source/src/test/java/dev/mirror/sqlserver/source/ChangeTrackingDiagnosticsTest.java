package dev.mirror.sqlserver.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mirror.api.ContextId;
import dev.mirror.api.ErrorCategory;
import dev.mirror.api.MirrorException;
import dev.mirror.api.admin.AdminCommand;
import dev.mirror.api.admin.Detail;
import dev.mirror.api.admin.StatusDetails;
import dev.mirror.api.admin.StatusRequest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Change Tracking source's diagnostics without a server: headroom arithmetic, the command's shape and its errors. */
class ChangeTrackingDiagnosticsTest {
    private static final ChangeTrackingConfig CONFIG = new ChangeTrackingConfig(
            "jdbc:sqlserver://nowhere.invalid:1;databaseName=crm", "mirror", "s3cret-pw", "crm7", 100, false, 3);

    @Test
    void headroomIsStoredLsnMinusMinValidVersionMatchedIgnoringCaseForTablesWithAPosition() {
        Map<String, Long> minValid = new LinkedHashMap<>();
        minValid.put("Contact", 40L);
        minValid.put("person", 90L);
        minValid.put("appointment", 5L);
        minValid.put("untouched", 1L);
        List<RetentionHeadroom> h = ChangeTrackingDiagnostics.headroom(
                Map.of("contact", 100L, "PERSON", 80L, "appointment", -1L), minValid);
        assertThat(h).containsExactly(RetentionHeadroom.of("Contact", 100, 40), RetentionHeadroom.of("person", 80, 90));
        assertThat(h).extracting(RetentionHeadroom::headroom).containsExactly(60L, -10L);
    }

    @Test
    void headroomBecomesOneNumericDetailPerTable() {
        StatusDetails d = ChangeTrackingDiagnostics.details(List.of(RetentionHeadroom.of("contact", 100, 40)));
        assertThat(d.source()).isEmpty();
        Detail detail = d.tables().get("contact").get(0);
        assertThat(detail.key()).isEqualTo("retentionHeadroom");
        assertThat(detail.label()).isEqualTo("headroom");
        assertThat(detail.value()).isEqualTo(60L);
        assertThat(detail.unit()).isEqualTo("versions");
        assertThat(detail.description()).contains("CHANGE_TRACKING_MIN_VALID_VERSION").contains("CHANGE_RETENTION");
    }

    @Test
    void theSourceOffersTheEnableCommandWithADryRun() {
        ChangeTrackingSource source = new ChangeTrackingSource(CONFIG);
        List<AdminCommand> commands = source.diagnostics().orElseThrow().commands();
        assertThat(commands).extracting(AdminCommand::name).containsExactly("enable-change-tracking");
        AdminCommand c = commands.get(0);
        assertThat(c.supportsDryRun()).isTrue();
        assertThat(c.description()).contains("Change Tracking").doesNotContain("\n");
        assertThat(AdminCommand.NAME.matcher(c.name()).matches()).isTrue();
    }

    @Test
    void summariesSayWhatHappened() {
        assertThat(EnableChangeTrackingCommand.summary(0, true)).isEqualTo("change tracking is already enabled: nothing to do");
        assertThat(EnableChangeTrackingCommand.summary(0, false)).isEqualTo("change tracking is already enabled: nothing to do");
        assertThat(EnableChangeTrackingCommand.summary(3, true)).isEqualTo("(dry run: 3 statements not executed)");
        assertThat(EnableChangeTrackingCommand.summary(2, false)).isEqualTo("done: 2 statements");
    }

    @Test
    void anUnreachableSourceIsASourceErrorForTheCommandAndForTheStatus() {
        ChangeTrackingSnapshotReader.Connector down = () -> {
            throw new SQLException("The TCP/IP connection to the host nowhere.invalid, port 1 has failed", "08S01", 0);
        };
        List<String> printed = new ArrayList<>();
        EnableChangeTrackingCommand command = new EnableChangeTrackingCommand(down, new ChangeTrackingEnabler("dbo", 7));
        assertThatThrownBy(() -> command.run(true, printed::add)).isInstanceOfSatisfying(MirrorException.class, e -> {
            assertThat(e.category()).isEqualTo(ErrorCategory.SOURCE);
            assertThat(e.getMessage()).contains("reading the SQL Server source failed").contains("port 1 has failed");
        });
        assertThat(printed).isEmpty();
        ChangeTrackingDiagnostics diagnostics = new ChangeTrackingDiagnostics(down, "dbo", 7);
        assertThatThrownBy(() -> diagnostics.status(new StatusRequest(ContextId.of("Crm"), Map.of("contact", 5L))))
                .isInstanceOfSatisfying(MirrorException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.SOURCE));
    }

    @Test
    void aLoginWithoutAlterRightsIsAConfigurationErrorPointingAtTheDryRun() {
        MirrorException e = EnableChangeTrackingCommand.failure(new SQLException(
                "User does not have permission to alter database 'crm'", "S0001", 5011));
        assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION);
        assertThat(e.code()).isEqualTo("CHANGE_TRACKING_DENIED");
        assertThat(e.getMessage()).contains("needs ALTER on the database").contains("mirror admin enable-change-tracking --dry-run");
        assertThat(EnableChangeTrackingCommand.failure(new SQLException("deadlock", "40001", 1205)).category())
                .isEqualTo(ErrorCategory.SOURCE);
    }

    @Test
    void theSourcesOwnSettingsAreUsedAndTheirPasswordIsNeverPrinted() {
        ChangeTrackingSource source = new ChangeTrackingSource(CONFIG);
        AdminCommand c = source.diagnostics().orElseThrow().commands().get(0);
        List<String> printed = new ArrayList<>();
        // nowhere.invalid never resolves (RFC 2606): the command fails connecting with the source's own URL
        assertThatThrownBy(() -> c.run(true, printed::add)).isInstanceOfSatisfying(MirrorException.class, e -> {
            assertThat(e.getMessage()).contains("nowhere.invalid").doesNotContain("s3cret-pw");
        });
        assertThat(printed).isEmpty();
    }
}
