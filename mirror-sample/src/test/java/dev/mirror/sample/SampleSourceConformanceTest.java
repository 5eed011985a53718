package dev.mirror.sample;

import dev.mirror.api.source.PullSource;
import dev.mirror.testkit.source.AbstractChangeSourceTest;
import java.util.Set;

/** The sample source against the change-source conformance kit, walking the whole script. */
class SampleSourceConformanceTest extends AbstractChangeSourceTest {
    @Override
    protected PullSource createSource() {
        return new SampleChangeSource(new SampleDataSet(1, SampleDataSet.Selection.CORE), SampleDataSet.LAST_STEP, false, 1);
    }

    @Override
    protected void advanceSource(PullSource source) {
        SampleChangeSource s = (SampleChangeSource) source;
        s.moveTo(Math.min(s.step().orElse(1) + 1, SampleDataSet.LAST_STEP));
    }

    @Override
    protected int advances() {
        return SampleDataSet.LAST_STEP; // every step, then one quiet step at the end
    }

    /**
     * The sample keeps no change history across a schema change: when a table's schema differs from the step the mirror
     * answered (core altered it in place, an added or widened column, and did not ask), it resends the table in full.
     */
    @Override
    protected boolean mayRepopulateUnasked() {
        return true;
    }

    @Override
    protected Set<String> blockedTables() {
        return Set.of("countervalue", "travelgeneratedtransaction");
    }
}
