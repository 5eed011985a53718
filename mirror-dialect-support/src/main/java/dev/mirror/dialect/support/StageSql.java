package dev.mirror.dialect.support;

import dev.mirror.api.dialect.StagedChanges;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.TableCounts;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The SQL a dialect gives {@link StagedApply}: where the stage lives, how it is created and dropped, and how its last
 * change per key reaches the mirror table, either as {@link #deleteJoin} then {@link #upsertFromStage}, or as one
 * {@link #mergeFromStage}. Only builds SQL (apart from {@link #stage} and {@link #createStage}, which may look at the
 * connection); {@link StagedApply} runs it in the caller's transaction. Implementations are stateless or thread-safe.
 */
public interface StageSql {
    /**
     * Describes the stage for a batch of {@code table}: its reference in a FROM clause and its (quoted) column references,
     * one per column of {@code schema}, plus the sequence and operation columns. Called once per batch.
     */
    StagedChanges stage(Connection connection, String table, TableSchema schema, StageUse use) throws SQLException;

    /** Statements that create the stage (and empty leftovers of an earlier, rolled-back batch), run once per batch. */
    List<String> createStage(String table, TableSchema schema, StagedChanges stage, StageUse use);

    /**
     * Creates the stage on {@code connection}. The default runs {@link #createStage}; a dialect overrides it when
     * creating needs more than statements (a check first, or serializing concurrent creation).
     */
    default void prepareStage(Connection connection, String table, TableSchema schema, StagedChanges stage, StageUse use)
            throws SQLException {
        run(connection, createStage(table, schema, stage, use));
    }

    /**
     * Deletes the mirror rows the chunk's changes remove: at least those whose last change is a delete ({@code op} =
     * {@code 'D'}); a dialect whose {@link #upsertFromStage} is a plain INSERT deletes every staged key instead (see
     * {@link #deleteNeeded}).
     */
    String deleteJoin(String table, TableSchema schema, StagedChanges stage);

    /** Inserts, or updates, each key's last change when it is not a delete. */
    String upsertFromStage(String table, TableSchema schema, StagedChanges stage);

    /** One statement doing what {@link #deleteJoin} and {@link #upsertFromStage} do, when the dialect prefers it. */
    default Optional<String> mergeFromStage(String table, TableSchema schema, StagedChanges stage) {
        return Optional.empty();
    }

    /** Whether {@link #deleteJoin} must run for a chunk with these counts: by default only when it has deletes. */
    default boolean deleteNeeded(TableCounts chunk) {
        return chunk.deletes() > 0;
    }

    /** Statements that empty the stage between two chunks of one batch. */
    List<String> clearStage(StagedChanges stage, StageUse use);

    /** Statements that drop (or empty, for a stage kept between batches) the stage at the end of a batch. */
    List<String> dropStage(StagedChanges stage, StageUse use);

    /** Runs statements one by one on one JDBC statement. */
    static void run(Connection connection, List<String> sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
