package dev.mirror.core.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mirror.core.internal.options.TableLayout;
import org.junit.jupiter.api.Test;

class TableStateTest {
    private final TableState created = new TableState(TableLayout.plain(ProtocolFixture.table("contact")), "contact", -1,
            TableState.Disposition.MIRRORED, null, TableState.Load.IN_PLACE);

    @Test
    void aTableCreatedThisCycleLoadsInPlaceUntilItIsPopulated() {
        assertThat(created.table()).isEqualTo("contact");
        assertThat(created.loadsInPlace()).isTrue();
        TableState populated = created.withShadow("contact__mirror_shadow").populated(12);
        assertThat(populated.lsn()).isEqualTo(12);
        assertThat(populated.loadsInPlace()).as("readers have seen its contents now").isFalse();
        assertThat(populated.load()).isEqualTo(TableState.Load.SHADOW);
        assertThat(populated.shadow()).isNull();
    }

    @Test
    void aFailedStepKeepsTheLsnAndRefusesTheTable() {
        TableState failed = created.withLsn(7).failedThisCycle("an earlier step failed (boom)");
        assertThat(failed.disposition()).isEqualTo(TableState.Disposition.FAILED);
        assertThat(failed.failure()).isEqualTo("an earlier step failed (boom)");
        assertThat(failed.lsn()).isEqualTo(7);
        assertThat(failed.targetName()).isEqualTo("contact");
    }
}
