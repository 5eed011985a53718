package dev.mirror.postgresql;

import java.util.Locale;
import java.util.Optional;

/**
 * The COPY format the dialect loads rows with, for full population and for the apply's stage ({@code copyFormat}).
 * Binary is the default: it sends each value in its type's binary form ({@link CopyBinaryEncoder}) and is used for a
 * table only when every column has one and the table's column types are the ones the mapping gives
 * ({@link CopyRows#open}); otherwise that table is loaded as text.
 */
enum CopyFormat {
    TEXT, BINARY;

    /** The setting's spelling: {@code text} or {@code binary}. */
    String setting() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code text} or {@code binary} (case-insensitive, trimmed). */
    static Optional<CopyFormat> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (CopyFormat f : values()) {
            if (f.setting().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
