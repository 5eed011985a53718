package dev.mirror.h2;

import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.testkit.dialect.AbstractDialectProtocolTest;
import java.util.UUID;

/** Core's real protocol on the H2 dialect (in memory, one database per test class instance). */
class H2DialectProtocolTest extends AbstractDialectProtocolTest {
    private final String url = "jdbc:h2:mem:protocol_" + UUID.randomUUID().toString().substring(0, 8) + ";DB_CLOSE_DELAY=-1";

    @Override
    protected TargetDialect dialect() {
        return new H2Dialect();
    }

    @Override
    protected String targetUrl() {
        return url;
    }
}
