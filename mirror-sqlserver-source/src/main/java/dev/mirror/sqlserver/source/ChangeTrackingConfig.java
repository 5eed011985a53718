package dev.mirror.sqlserver.source;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.config.PluginConfig;

/**
 * Configuration of the Change Tracking source ({@code source.type: sqlserver}).
 *
 * @param url                  JDBC URL of the source database ({@code jdbc:sqlserver://host;databaseName=...})
 * @param user                 login, or null for integrated / URL-embedded authentication
 * @param password             password (secret: never logged), or null
 * @param schema               the source schema whose tables are mirrored (default {@code dbo})
 * @param batchSize            changes per apply batch (default 10000); bounds the rows held in memory
 * @param enableChangeTracking whether each cycle first enables change tracking and snapshot isolation where
 *                             missing (default false: the login then needs only read rights)
 * @param retentionDays        CHANGE_RETENTION used when enabling change tracking on the database (default 7)
 */
public record ChangeTrackingConfig(String url, String user, String password, String schema, int batchSize,
                                   boolean enableChangeTracking, int retentionDays) {
    public static final String DEFAULT_SCHEMA = "dbo";
    public static final int DEFAULT_BATCH_SIZE = 10_000;
    /**
     * Seven days rather than SQL Server's default of two: a mirror that is stopped over a long weekend must
     * not fall off the change history and need a full repopulation of every table.
     */
    public static final int DEFAULT_RETENTION_DAYS = 7;

    public ChangeTrackingConfig {
        requireNonNull(url, "url is null");
        requireNonNull(schema, "schema is null");
    }

    /** Binds and validates the keys, recording every problem through {@code config}. */
    public static ChangeTrackingConfig from(PluginConfig config) {
        String url = config.requiredString("url");
        if (!url.isEmpty() && !url.regionMatches(true, 0, "jdbc:sqlserver:", 0, 15)) {
            config.problem("url", "must be a SQL Server JDBC URL starting with jdbc:sqlserver://");
        }
        String user = config.string("user").orElse(null);
        String password = config.secret("password").orElse(null);
        String schema = config.string("schema", DEFAULT_SCHEMA);
        if (schema.isBlank()) {
            config.problem("schema", "must name the source schema, e.g. dbo");
            schema = DEFAULT_SCHEMA;
        }
        int batchSize = config.integer("batchSize", DEFAULT_BATCH_SIZE);
        if (batchSize < 1) {
            config.problem("batchSize", "must be at least 1, got " + batchSize);
            batchSize = DEFAULT_BATCH_SIZE;
        }
        boolean enable = config.bool("enableChangeTracking", false);
        int retention = config.integer("retentionDays", DEFAULT_RETENTION_DAYS);
        if (retention < 1) {
            config.problem("retentionDays", "must be at least 1 day, got " + retention);
            retention = DEFAULT_RETENTION_DAYS;
        }
        return new ChangeTrackingConfig(url, user, password, schema, batchSize, enable, retention);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "ChangeTrackingConfig[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "****")
                + ", schema=" + schema + ", batchSize=" + batchSize + ", enableChangeTracking=" + enableChangeTracking
                + ", retentionDays=" + retentionDays + "]";
    }
}
