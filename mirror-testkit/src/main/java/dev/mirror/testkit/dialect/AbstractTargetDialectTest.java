package dev.mirror.testkit.dialect;

import dev.mirror.api.model.SqlType;
import dev.mirror.api.dialect.TargetDialect;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The conformance suite every {@link TargetDialect} must pass. A dialect's test class extends it and says
 * how to reach an empty-able test schema:
 *
 * <pre>{@code
 * class MyDialectConformanceTest extends AbstractTargetDialectTest {
 *     protected TargetDialect dialect() { return new MyDialect(...); }
 *     protected Connection openConnection() throws SQLException { return DriverManager.getConnection(url); }
 * }
 * }</pre>
 *
 * <p>The kit manages transactions as core does: auto-commit off, the dialect never commits, the kit commits
 * after each step. Every test uses its own tables (prefix {@code kit_}) and drops them when it ends. Nothing
 * is skipped: where the dialect lacks a {@link dev.mirror.api.dialect.Capability}, the test asserts the
 * documented {@link dev.mirror.api.MirrorException} instead.
 *
 * <p>The tests live in the interfaces this class implements, grouped by subject: {@link SchemaConformance},
 * {@link RoundTripConformance}, {@link ApplyConformance}, {@link IdentifierConformance},
 * {@link StreamingConformance}, {@link IndexAndErrorConformance}, {@link ColumnDefaultConformance},
 * {@link ShadowSwapConformance}.
 */
public abstract class AbstractTargetDialectTest implements SchemaConformance, RoundTripConformance, ApplyConformance,
        IdentifierConformance, StreamingConformance, IndexAndErrorConformance, ColumnDefaultConformance,
        ShadowSwapConformance {
    private Kit kit;

    /** The dialect under test; may be a new instance per call or a shared one. */
    protected abstract TargetDialect dialect();

    /** A fresh connection to the test schema; the kit closes it after each test. */
    protected abstract Connection openConnection() throws SQLException;

    /**
     * The value a dialect gives back after {@code written} went through a column of {@code type}. The default
     * is SQL Server's behaviour ({@link TypeSamples#sqlServerRoundTrip}: char/nchar and binary padded, all else
     * unchanged). Override only for documented precision losses (e.g. a target that keeps microseconds only),
     * and call {@code super} for everything else.
     */
    protected Object expectedRoundTrip(SqlType type, Object written) {
        return TypeSamples.sqlServerRoundTrip(type, written);
    }

    /**
     * How many ~8 KB rows the streaming tests write: by default 1.5 × the JVM's maximum heap, so the tests can
     * only pass when the dialect streams. Run the suite with a small heap (e.g. {@code -Xmx128m}) to keep it fast.
     */
    protected long streamingRowCount() {
        return Math.max(1_000L, (long) (1.5 * Runtime.getRuntime().maxMemory() / StreamingConformance.PAYLOAD_BYTES));
    }

    @BeforeEach
    protected final void openKit() throws SQLException {
        kit = new Kit(dialect(), openConnection(), this::expectedRoundTrip, streamingRowCount());
    }

    @AfterEach
    protected final void closeKit() throws SQLException {
        if (kit != null) {
            try {
                kit.close();
            } finally {
                kit = null;
            }
        }
    }

    @Override
    public final Kit kit() {
        if (kit == null) {
            throw new IllegalStateException("no kit: the test is not running");
        }
        return kit;
    }
}
