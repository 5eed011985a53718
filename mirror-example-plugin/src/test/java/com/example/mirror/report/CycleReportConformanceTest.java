package com.example.mirror.report;

import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.testkit.hook.AbstractLifecycleHookTest;
import java.util.List;
import java.util.Map;

/** The example plugin passes the hook conformance kit. */
class CycleReportConformanceTest extends AbstractLifecycleHookTest {
    @Override
    protected String providerName() {
        return "cycle-report";
    }

    @Override
    protected Map<String, Object> configuration() {
        return Map.of("table", "mirror_cycle_report");
    }

    @Override
    protected List<String> reportedProblems(LifecycleHook hook) {
        return ((CycleReportHook) hook).problems();
    }
}
