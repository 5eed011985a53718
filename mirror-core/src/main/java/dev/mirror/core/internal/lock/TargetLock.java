package dev.mirror.core.internal.lock;

import static java.util.Objects.requireNonNull;

import dev.mirror.api.ErrorCategory;
import dev.mirror.api.MirrorException;
import dev.mirror.api.model.Column;
import dev.mirror.api.model.SqlServerType;
import dev.mirror.api.model.SqlType;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.dialect.TargetDialect;
import dev.mirror.core.internal.database.TargetDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A lock in the target database so that two runs on the same target and context never overlap (a file lock would
 * not see a run on another machine). It is one row of {@code <context>_mirroring_lock} (created on first use through
 * the dialect, like the metadata table), taken by a conditional UPDATE (the row is free, expired, or already ours)
 * or else an INSERT that the primary key lets only one run win; both are plain parameterized SQL with identifiers
 * quoted by the dialect. The holder renews its expiry with {@link #heartbeat()}; a run that dies leaves a row that
 * lapses after the time-to-live, so a crashed run blocks the next one for at most that long.
 *
 * <p>Times are the runs' own UTC clocks: hosts that share a target should keep their clocks in sync (NTP); a skew
 * smaller than the time-to-live does no harm.
 */
public final class TargetLock {
    /** The one lock row's name: one lock per context and target. */
    static final String LOCK_NAME = "run";

    private final TargetDatabase target;
    private final String tableSourceName;
    private final LockHolder me;
    private final Duration ttl;
    private final Clock clock;

    /**
     * @param owner a unique id of this run
     * @param ttl   how long the lock lasts without a heartbeat
     */
    public TargetLock(TargetDatabase target, dev.mirror.api.ContextId contextId, String owner, String host, long pid, Duration ttl, Clock clock) {
        this.target = requireNonNull(target, "target is null");
        this.tableSourceName = contextId.value() + "_mirroring_lock";
        this.me = new LockHolder(requireNonNull(owner, "owner is null"), requireNonNull(host, "host is null"), pid, null, null);
        this.ttl = requireNonNull(ttl, "ttl is null");
        this.clock = requireNonNull(clock, "clock is null");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
    }

    /** The lock table's name in the target. */
    public String tableName() {
        return target.dialect().names().targetName(tableSourceName);
    }

    /** The lock table's columns, as SQL Server types mapped by the dialect. */
    TableSchema schema() {
        return new TableSchema(tableSourceName, List.of(
                Column.of("lockname", SqlType.ofLength(SqlServerType.VARCHAR, 32), false),
                Column.of("owner", SqlType.ofLength(SqlServerType.VARCHAR, 64), false),
                Column.of("host", SqlType.ofLength(SqlServerType.NVARCHAR, 255), false),
                Column.of("pid", SqlType.of(SqlServerType.BIGINT), false),
                Column.of("heartbeat", SqlType.fractional(SqlServerType.DATETIME2, 3), false),
                Column.of("expires", SqlType.fractional(SqlServerType.DATETIME2, 3), false)),
                List.of("lockname"));
    }

    /**
     * Takes the lock, waiting up to {@code wait} (polling) while another run holds it.
     *
     * @throws MirrorException code {@code LOCK_HELD} naming the holder when it is still held after {@code wait}
     */
    public void acquire(Duration wait, Duration poll) {
        if (!acquire(wait, poll, () -> false)) {
            throw new IllegalStateException("not cancellable");
        }
    }

    /**
     * Takes the lock like {@link #acquire(Duration, Duration)}, but gives up waiting (returning false, lock not
     * taken) as soon as {@code cancelled} answers true, so a run asked to stop does not sit out the whole wait.
     *
     * @throws MirrorException code {@code LOCK_HELD} naming the holder when it is still held after {@code wait}
     */
    public boolean acquire(Duration wait, Duration poll, BooleanSupplier cancelled) {
        long deadline = System.nanoTime() + wait.toNanos();
        ensureTable();
        while (true) {
            Optional<LockHolder> holder = tryAcquire();
            if (holder.isEmpty()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                throw new MirrorException("LOCK_HELD", ErrorCategory.TARGET, false, "another mirror run holds the lock on this "
                        + "target and context (table " + tableName() + "): " + holder.get().describe() + ". Waited "
                        + wait.toSeconds() + " s. Wait for it to finish (or use --wait), or, if that run is dead, wait until "
                        + "the lock expires or delete its row from " + tableName() + ".", null);
            }
            if (cancelled.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(poll.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw MirrorException.internal("interrupted while waiting for the run lock", e);
            }
        }
    }

    /** One attempt: empty when the lock is now ours, else the current holder. */
    public Optional<LockHolder> tryAcquire() {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (update(true) || insert()) {
                return Optional.empty();
            }
            Optional<LockHolder> holder = holder();
            if (holder.isPresent()) {
                return holder.get().owner().equals(me.owner()) ? Optional.empty() : holder;
            }
            // the holder released it between our insert and our read: try again
        }
        throw MirrorException.target("LOCK_FAILED", true, "could not take or read the run lock in " + tableName()
                + "; check that the target accepts writes", null);
    }

    /** Inserts the lock row; false when the primary key refuses it (another run holds the row). */
    private boolean insert() {
        try {
            return target.inTransaction("taking the run lock", false, c -> {
                String sql = "INSERT INTO " + q() + " (" + cols("lockname", "owner", "host", "pid", "heartbeat", "expires")
                        + ") VALUES (?, ?, ?, ?, ?, ?)";
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    LocalDateTime now = now();
                    p.setString(1, LOCK_NAME);
                    p.setString(2, me.owner());
                    p.setString(3, me.host());
                    p.setLong(4, me.pid());
                    p.setTimestamp(5, Timestamp.valueOf(now));
                    p.setTimestamp(6, Timestamp.valueOf(now.plus(ttl)));
                    return p.executeUpdate() == 1;
                }
            });
        } catch (MirrorException e) {
            return false;
        }
    }

    /** Renews the expiry; throws {@code LOCK_LOST} when another run took the lock meanwhile. */
    public void heartbeat() {
        if (!update(false)) {
            throw new MirrorException("LOCK_LOST", ErrorCategory.TARGET, false, "the run lock in " + tableName()
                    + " is no longer ours" + holder().map(h -> ": now held by " + h.describe()).orElse("")
                    + ". Another run took over after our heartbeat lapsed; this run stops.", null);
        }
    }

    /** Releases the lock if it is ours. */
    public void release() {
        target.inTransaction("releasing the run lock", true, c -> {
            try (PreparedStatement p = c.prepareStatement("DELETE FROM " + q() + " WHERE " + col("lockname") + " = ? AND "
                    + col("owner") + " = ?")) {
                p.setString(1, LOCK_NAME);
                p.setString(2, me.owner());
                return p.executeUpdate();
            }
        });
    }

    /** The current holder, if the lock row exists (expired or not). */
    public Optional<LockHolder> holder() {
        return target.inTransaction("reading the run lock", true, c -> {
            String sql = "SELECT " + cols("owner", "host", "pid", "heartbeat", "expires") + " FROM " + q() + " WHERE "
                    + col("lockname") + " = ?";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, LOCK_NAME);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new LockHolder(rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.getTimestamp(4).toLocalDateTime(), rs.getTimestamp(5).toLocalDateTime()));
                }
            }
        });
    }

    /** Conditional update: ours, or (when {@code steal}) expired. True when the row is now ours. */
    private boolean update(boolean steal) {
        return target.inTransaction("renewing the run lock", true, c -> {
            String sql = "UPDATE " + q() + " SET " + col("owner") + " = ?, " + col("host") + " = ?, " + col("pid") + " = ?, "
                    + col("heartbeat") + " = ?, " + col("expires") + " = ? WHERE " + col("lockname") + " = ? AND ("
                    + col("owner") + " = ?" + (steal ? " OR " + col("expires") + " < ?" : "") + ")";
            try (PreparedStatement p = c.prepareStatement(sql)) {
                LocalDateTime now = now();
                p.setString(1, me.owner());
                p.setString(2, me.host());
                p.setLong(3, me.pid());
                p.setTimestamp(4, Timestamp.valueOf(now));
                p.setTimestamp(5, Timestamp.valueOf(now.plus(ttl)));
                p.setString(6, LOCK_NAME);
                p.setString(7, me.owner());
                if (steal) {
                    p.setTimestamp(8, Timestamp.valueOf(now));
                }
                return p.executeUpdate() == 1;
            }
        });
    }

    private void ensureTable() {
        TargetDialect d = target.dialect();
        try {
            target.autoCommit("creating the run lock table", c -> {
                if (!exists(c)) {
                    try (Statement s = c.createStatement()) {
                        for (String sql : d.ddl().createTable(tableName(), schema())) {
                            s.execute(sql);
                        }
                    }
                }
                return null;
            });
        } catch (MirrorException e) {
            // two runs may create it at the same moment: fine if it exists now
            boolean exists = target.autoCommit("checking the run lock table", this::exists);
            if (!exists) {
                throw e;
            }
        }
    }

    private boolean exists(Connection c) throws SQLException {
        return target.dialect().catalog().listTables(c).stream().anyMatch(t -> t.equalsIgnoreCase(tableName()));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private String q() {
        return target.dialect().names().quote(tableName());
    }

    private String col(String name) {
        return target.dialect().names().quote(target.dialect().names().targetName(name));
    }

    private String cols(String... names) {
        StringBuilder b = new StringBuilder();
        for (String n : names) {
            b.append(b.length() == 0 ? "" : ", ").append(col(n));
        }
        return b.toString();
    }
}
