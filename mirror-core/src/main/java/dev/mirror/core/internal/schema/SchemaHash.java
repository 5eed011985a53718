package dev.mirror.core.internal.schema;

import dev.mirror.api.model.TableSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The schema hash: lower-case hex SHA-256 of the UTF-8 bytes of {@link CanonicalSchema#format}. The same schema
 * gives the same hash on every machine and JVM; any difference in table or column name, column order, type,
 * length, precision, scale, nullability, default or primary key changes it.
 */
public final class SchemaHash {
    private SchemaHash() {
    }

    public static String of(TableSchema schema) {
        return sha256(CanonicalSchema.format(schema));
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
