package dev.mirror.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Tables that are never mirrored: SuperOffice's published list (shipped as {@code default-blocklist.txt}), the
 * user's additions, and {@code credentials}, which can never be mirrored whatever the configuration says.
 * Names compare case-insensitively.
 */
public final class Blocklist {
    /** The table that is always blocked. */
    public static final String ALWAYS_BLOCKED = "credentials";

    private final Set<String> names;

    private Blocklist(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    /**
     * @param useDefault whether SuperOffice's default list applies
     * @param additions  the user's extra names
     */
    public static Blocklist of(boolean useDefault, Collection<String> additions) {
        Set<String> all = new TreeSet<>();
        if (useDefault) {
            all.addAll(defaultNames());
        }
        for (String a : additions) {
            all.add(a.trim().toLowerCase(Locale.ROOT));
        }
        all.add(ALWAYS_BLOCKED);
        return new Blocklist(all);
    }

    /** The default list: SuperOffice's published blocked tables. */
    public static Set<String> defaultNames() {
        Set<String> r = new TreeSet<>();
        try (InputStream in = Blocklist.class.getResourceAsStream("default-blocklist.txt")) {
            if (in == null) {
                throw new IllegalStateException("default-blocklist.txt is missing from mirror-core's resources");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String t = line.trim();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    r.add(t.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default blocklist", e);
        }
        return r;
    }

    public boolean isBlocked(String table) {
        return names.contains(table.toLowerCase(Locale.ROOT));
    }

    /** All blocked names, lower case, sorted. */
    public Set<String> names() {
        return names;
    }
}
