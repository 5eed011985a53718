package dev.mirror.indexes;

import dev.mirror.api.hook.LifecycleHook;
import dev.mirror.testkit.hook.AbstractLifecycleHookTest;
import java.util.List;
import java.util.Map;

/** The indexes hook passes the hook conformance kit. */
class IndexesConformanceTest extends AbstractLifecycleHookTest {
    @Override
    protected String providerName() {
        return "indexes";
    }

    @Override
    protected Map<String, Object> configuration() {
        return Fixtures.twoIndexes();
    }

    @Override
    protected List<String> reportedProblems(LifecycleHook hook) {
        return ((IndexesHook) hook).problems().stream().map(IndexProblem::toString).toList();
    }
}
