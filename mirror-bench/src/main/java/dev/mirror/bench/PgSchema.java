package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh PostgreSQL schema for one benchmark, dropped (with everything in it) on {@link #close()}, so runs never
 * see each other's tables. The name is generated here (never user input), so it is safe to splice into DDL.
 */
final class PgSchema implements AutoCloseable {
    private final String baseUrl;
    private final String name;

    private PgSchema(String baseUrl, String name) {
        this.baseUrl = baseUrl;
        this.name = name;
    }

    static PgSchema create(String baseUrl) throws SQLException {
        requireNonNull(baseUrl, "baseUrl is null");
        String name = "mirror_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        }
        return new PgSchema(baseUrl, name);
    }

    String name() {
        return name;
    }

    /** The URL with {@code currentSchema} pointing at this schema (the PostgreSQL dialect creates its tables there). */
    String url() {
        return withParameter(baseUrl, "currentSchema=" + name);
    }

    /** Appends one {@code key=value} parameter to a JDBC URL. */
    static String withParameter(String url, String parameter) {
        return url + (url.contains("?") ? "&" : "?") + parameter;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
