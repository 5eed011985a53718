package dev.mirror.postgresql;

import dev.mirror.api.dialect.TargetDialect;

/**
 * The conformance kit again with {@code copyFormat: text} (the default is binary): population and the apply's stage
 * through text COPY, and the kit's protocol part on the real core with the same dialect.
 */
class PostgresDialectTextCopyConformanceTest extends PostgresDialectConformanceTest {
    static final PostgresDialect TEXT = new PostgresDialect().withCopyFormat(CopyFormat.TEXT);

    @Override
    protected TargetDialect dialect() {
        return TEXT;
    }

    @org.junit.jupiter.api.Nested
    class TextProtocol extends Protocol {
        @Override
        protected TargetDialect dialect() {
            return new PostgresDialect().withCopyFormat(CopyFormat.TEXT);
        }
    }
}
