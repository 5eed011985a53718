package dev.mirror.h2;

import dev.mirror.dialect.support.HashedNames;
import java.nio.charset.StandardCharsets;

/**
 * Identifier mapping and quoting for H2. H2 refuses identifiers longer than 256 characters
 * (Constants.MAX_IDENTIFIER_LENGTH, https://h2database.com/html/advanced.html#limits_limitations); a longer source name
 * keeps its first 239 characters (never half a surrogate pair), then {@code _} and 16 hex digits of the SHA-256 of its
 * UTF-8 form. Quoting is the SQL standard's {@code "a""b"}.
 */
final class H2Names {
    /** H2's identifier length limit, in UTF-16 units. */
    static final int MAX_LENGTH = 256;

    private H2Names() {
    }

    static HashedNames create() {
        return new HashedNames("H2", HashedNames.Limit.utf16Units(MAX_LENGTH), 16, StandardCharsets.UTF_8,
                HashedNames.doubling('"'), mapped -> { });
    }
}
