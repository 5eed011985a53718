package dev.mirror.postgresql;

import dev.mirror.dialect.support.HashedNames;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Identifier mapping and quoting for PostgreSQL.
 *
 * <p>PostgreSQL silently truncates identifiers longer than {@code NAMEDATALEN - 1} = 63 <em>bytes</em> (in the server
 * encoding, UTF-8 here), see
 * <a href="https://www.postgresql.org/docs/15/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS">Identifiers and Key
 * Words</a>. Silent truncation could make two long names collide, so a longer name is mapped deterministically instead:
 * cut on a character boundary to at most 54 bytes, then {@code _} and the first 8 hex digits of the SHA-256 of the full
 * name (63 bytes at most). Each mapped name is reported once per dialect through the warning sink. Quoting doubles
 * {@code "}, the only character to escape inside a quoted identifier.
 */
final class PostgresNames {
    /** NAMEDATALEN - 1. */
    static final int MAX_BYTES = 63;

    private PostgresNames() {
    }

    static HashedNames create(Consumer<String> warnings) {
        return new HashedNames("PostgreSQL", HashedNames.Limit.utf8Bytes(MAX_BYTES), 8, StandardCharsets.UTF_8,
                HashedNames.doubling('"'), warnings);
    }
}
