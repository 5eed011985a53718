package dev.mirror.bench;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh SQL Server database for benchmark 5, created through the given URL (any database the login can open,
 * {@code master} will do) and dropped with everything in it on {@link #close()}. A database rather than a schema:
 * the {@code sqlserver} dialect creates its tables in the login's default schema, which a benchmark cannot
 * redirect for one run. The login needs {@code CREATE DATABASE} (or {@code dbcreator}).
 */
final class SqlServerDatabase implements AutoCloseable {
    private final String baseUrl;
    private final String name;

    private SqlServerDatabase(String baseUrl, String name) {
        this.baseUrl = baseUrl;
        this.name = name;
    }

    static SqlServerDatabase create(String baseUrl) throws SQLException {
        SqlServerUrl.validate(requireNonNull(baseUrl, "baseUrl is null"));
        String name = "mirror_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute(SqlServerSql.createDatabase(name));
        } catch (SQLException e) {
            throw new SQLException("could not create the benchmark's database " + name + " (the login needs CREATE DATABASE "
                    + "permission, e.g. the dbcreator role): " + SqlServerUrl.redact(e.getMessage()), e.getSQLState(), e.getErrorCode(), e);
        }
        return new SqlServerDatabase(baseUrl, name);
    }

    String name() {
        return name;
    }

    /** The URL pointing at this database. */
    String url() {
        return SqlServerUrl.withDatabase(baseUrl, name);
    }

    /** The first line of {@code @@VERSION}, e.g. "Microsoft SQL Server 2022 (RTM-CU12) … - 16.0.4125.3 (X64)". */
    static String version(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SqlServerSql.VERSION)) {
            rs.next();
            return rs.getString(1).lines().findFirst().orElse("").trim();
        }
    }

    /**
     * Drops the database. Every statement is tried even when one before failed (a TDS-compatible server without
     * {@code ALTER DATABASE ... SET} still drops the database); only a failing DROP DATABASE is thrown.
     */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            for (String sql : SqlServerSql.dropDatabase(name)) {
                try {
                    s.execute(sql);
                    failure = null; // a later statement (the DROP) succeeded: an earlier refusal does not matter
                } catch (SQLException e) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
