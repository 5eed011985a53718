package dev.mirror.postgresql;

import dev.mirror.api.dialect.TargetDialect;

/**
 * The conformance kit again with {@code copyFormat: binary}: population and the apply's stage through binary COPY, and
 * the kit's protocol part on the real core with the same dialect.
 */
class PostgresDialectBinaryCopyConformanceTest extends PostgresDialectConformanceTest {
    static final PostgresDialect BINARY = new PostgresDialect().withCopyFormat(CopyFormat.BINARY);

    @Override
    protected TargetDialect dialect() {
        return BINARY;
    }

    @org.junit.jupiter.api.Nested
    class BinaryProtocol extends Protocol {
        @Override
        protected TargetDialect dialect() {
            return new PostgresDialect().withCopyFormat(CopyFormat.BINARY);
        }
    }
}
