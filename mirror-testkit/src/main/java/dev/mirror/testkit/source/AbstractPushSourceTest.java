package dev.mirror.testkit.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.mirror.api.model.Row;
import dev.mirror.api.model.RowChange;
import dev.mirror.api.model.TableSchema;
import dev.mirror.api.protocol.ChangeCursor;
import dev.mirror.api.source.PushSource;
import dev.mirror.api.source.SnapshotReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite of a {@link PushSource}: the source serves core's real protocol sessions ({@code Mirror.serve},
 * on an H2 in-memory target found at run time: the module needs {@code mirror-h2} in test scope) and a subclass-supplied
 * adapter delivers a scripted change sequence to it the way its real caller would (for SuperOffice: the simulator,
 * posting real SOAP requests). After every delivered cycle the mirror must equal the adapter's model.
 *
 * <p>The script should cover a full load, inserts, updates and deletes, and a schema change; {@link #deliver} returns
 * the model after the cycle it delivered, independently of the mirror.
 */
public abstract class AbstractPushSourceTest {
    /** The context every cycle is delivered for (the mirror admits only it). */
    protected static final String CONTEXT = "PushKit";
    private KitMirror mirror;
    private PushSource source;

    /** A new push source, not yet serving. Called once per test; the mirror owns and closes it. */
    protected abstract PushSource createSource();

    /** How many cycles the script has (at least 2: a full load, then changes). */
    protected abstract int cycles();

    /**
     * Delivers scripted cycle {@code cycle} (1-based) for {@link #CONTEXT} to the serving {@code source}, as its caller
     * would, and returns once the source has answered the cycle's last call.
     *
     * @return the model after this cycle: every table the mirror must hold, with its rows
     */
    protected abstract SnapshotReader deliver(PushSource source, int cycle);

    /** Delivers cycle {@code cycle} again, as a caller that lost the answer would; by default the same as {@link #deliver}. */
    protected SnapshotReader redeliver(PushSource source, int cycle) {
        return deliver(source, cycle);
    }

    @BeforeEach
    final void serve() {
        source = createSource();
        mirror = KitMirror.start(source, CONTEXT, Set.of());
        mirror.mirror().serve();
    }

    @AfterEach
    final void stop() {
        if (mirror != null) {
            mirror.close();
        }
    }

    @Test
    void everyDeliveredCycleLeavesTheMirrorEqualToTheModel() {
        assertThat(cycles()).as("cycles of the script").isGreaterThanOrEqualTo(2);
        for (int cycle = 1; cycle <= cycles(); cycle++) {
            assertMirrorEquals(deliver(source, cycle), "after cycle " + cycle);
        }
    }

    @Test
    void aRedeliveredCycleLeavesTheMirrorUnchanged() {
        deliver(source, 1);
        SnapshotReader model = deliver(source, 2);
        assertMirrorEquals(redeliver(source, 2), "after cycle 2 was delivered twice");
        assertMirrorEquals(model, "after cycle 2 was delivered twice (the first model)");
    }

    @Test
    void closesCleanly() {
        deliver(source, 1);
        assertThatCode(source::close).doesNotThrowAnyException();
        assertThatCode(source::close).as("closing twice").doesNotThrowAnyException();
    }

    /** The mirror the source serves into (status, target data source). */
    protected final KitMirror mirror() {
        return mirror;
    }

    /** Asserts that the mirror holds exactly the model's tables and rows. */
    protected void assertMirrorEquals(SnapshotReader model, String when) {
        Set<String> expected = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (TableSchema t : model.tables()) {
            expected.add(t.name());
            assertThat(mirror.contains(t.name())).as("%s: the mirror has table %s", when, t.name()).isTrue();
            List<Row> rows = new ArrayList<>();
            try (ChangeCursor c = model.rows(t)) {
                c.forEachRemaining((RowChange r) -> rows.add(r.row()));
            }
            try {
                mirror.assertRows(t, rows);
            } catch (AssertionError e) {
                throw new AssertionError(when + ": " + e.getMessage(), e);
            }
        }
        assertThat(mirror.tables()).as("%s: the mirrored tables", when).containsExactlyInAnyOrderElementsOf(expected);
    }
}
