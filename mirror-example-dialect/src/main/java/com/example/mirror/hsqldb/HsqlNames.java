package com.example.mirror.hsqldb;

import dev.mirror.dialect.support.HashedNames;
import java.nio.charset.StandardCharsets;

/**
 * Identifier mapping and quoting: HSQLDB identifiers hold at most 128 characters; a longer source name keeps its first
 * 111, then {@code _} and 16 hex digits of its hash ({@link HashedNames}). Quoting is the SQL standard's {@code "a""b"}.
 */
final class HsqlNames {
    /** HSQLDB's identifier length limit, in characters. */
    static final int MAX_LENGTH = 128;

    private HsqlNames() {
    }

    static HashedNames create() {
        return new HashedNames("HSQLDB", HashedNames.Limit.utf16Units(MAX_LENGTH), 16, StandardCharsets.UTF_8,
                HashedNames.doubling('"'), mapped -> { });
    }
}
